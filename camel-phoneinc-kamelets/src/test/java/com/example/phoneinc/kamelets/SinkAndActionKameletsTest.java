package com.example.phoneinc.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncValidationException;
import com.example.phoneinc.api.model.PhoneIncJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * phoneinc-contact-sink and phoneinc-caller-context-action called from a route: contacts are
 * created and updated in the simulator, the caller context lands in a header with the body
 * untouched, and failures reach the calling route as the component's typed exceptions.
 */
class SinkAndActionKameletsTest extends KameletTestSupport {

    private ProducerTemplate template;

    @BeforeEach
    void routes() throws Exception {
        load(
                """
                - route:
                    from:
                      uri: direct:create
                      steps:
                        - to: "kamelet:phoneinc-contact-sink?apiKey={{sim.key}}&baseUrl={{sim.url}}"
                - route:
                    from:
                      uri: direct:update
                      steps:
                        - to:
                            uri: kamelet:phoneinc-contact-sink
                            parameters:
                              apiKey: "{{sim.key}}"
                              baseUrl: "{{sim.url}}"
                              action: update
                - route:
                    from:
                      uri: direct:context
                      steps:
                        - to: "kamelet:phoneinc-caller-context-action?apiKey={{sim.key}}&baseUrl={{sim.url}}"
                - route:
                    from:
                      uri: direct:contextOfFrom
                      steps:
                        - to:
                            uri: kamelet:phoneinc-caller-context-action
                            parameters:
                              apiKey: "{{sim.key}}"
                              baseUrl: "{{sim.url}}"
                              phoneNumber: "${header.from}"
                              headerName: context
                """);
        context.start();
        template = context.createProducerTemplate();
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(
                uri,
                e -> {
                    e.getMessage().setBody(body);
                    e.getMessage().getHeaders().putAll(headers);
                });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> contactsWithPhone(String phone) throws Exception {
        String json =
                template.requestBodyAndHeader(
                        "phoneinc:contacts?rawJson=true&apiKey=RAW("
                                + sim.apiKey()
                                + ")&baseUrl="
                                + sim.baseUrl(),
                        null,
                        PhoneIncConstants.PHONE_NUMBER,
                        phone,
                        String.class);
        return PhoneIncJson.mapper().readValue(json, List.class);
    }

    @Test
    void theSinkCreatesAContactAndAnswersWithIt() throws Exception {
        Exchange out =
                send(
                        "direct:create",
                        "{\"name\":\"Robin Vale\",\"phone\":\"+14155550142\",\"note\":\"from a"
                                + " Kamelet\"}",
                        Map.of());

        assertNull(out.getException());
        JsonNode created = PhoneIncJson.mapper().readTree(out.getMessage().getBody(String.class));
        assertEquals("Robin Vale", created.get("name").asText());
        assertTrue(created.hasNonNull("id"), created.toString());
        List<Map<String, Object>> stored = contactsWithPhone("+14155550142");
        assertEquals(1, stored.size());
        assertEquals(created.get("id").asText(), stored.get(0).get("id"));
        assertEquals("from a Kamelet", stored.get(0).get("note"));
        assertEquals(1, sim.hits("POST", "/api/v1/contacts"));
    }

    @Test
    void theSinkUpdatesTheContactTheBodyNames() throws Exception {
        Exchange created =
                send(
                        "direct:create",
                        "{\"name\":\"Robin Vale\",\"phone\":\"+14155550143\"}",
                        Map.of());
        String id =
                PhoneIncJson.mapper()
                        .readTree(created.getMessage().getBody(String.class))
                        .get("id")
                        .asText();

        Exchange updated =
                send("direct:update", "{\"id\":\"" + id + "\",\"note\":\"VIP\"}", Map.of());

        assertNull(updated.getException());
        Map<String, Object> stored = contactsWithPhone("+14155550143").get(0);
        assertEquals("VIP", stored.get("note"));
        assertEquals("Robin Vale", stored.get("name"), "only the fields of the body change");
        String sent = sim.lastRequest("PATCH", "/api/v1/contacts/" + id).orElseThrow().body();
        assertEquals("{\"note\":\"VIP\"}", sent, "the id is in the path, not the body");
    }

    @Test
    void aRefusedContactReachesTheRouteAsTheComponentsTypedException() {
        send("direct:create", "{\"name\":\"Robin Vale\",\"phone\":\"+14155550144\"}", Map.of());
        Exchange duplicate =
                send("direct:create", "{\"name\":\"Other\",\"phone\":\"+14155550144\"}", Map.of());

        PhoneIncValidationException e =
                assertInstanceOf(PhoneIncValidationException.class, duplicate.getException());
        assertEquals(422, e.getStatusCode());
        assertEquals(List.of("has already been taken"), e.getErrors().get("phone"));
        assertTrue(!e.isRetryable());
    }

    @Test
    void theActionPutsTheCallerContextInAHeaderAndLeavesTheBody() throws Exception {
        Exchange out =
                send(
                        "direct:context",
                        "{\"id\":\"v1\",\"from\":\"+14155550177\"}",
                        Map.of(PhoneIncConstants.PHONE_NUMBER, "+14155550177"));

        assertNull(out.getException());
        assertEquals("{\"id\":\"v1\",\"from\":\"+14155550177\"}", out.getMessage().getBody());
        JsonNode context =
                PhoneIncJson.mapper()
                        .readTree(
                                out.getMessage()
                                        .getHeader("phoneinc-caller-context", String.class));
        assertEquals(
                "Morgan Ellis",
                context.at("/contexts/0/customer/name").asText(),
                context.toString());
        assertEquals(
                "phone=%2B14155550177",
                sim.lastRequest("GET", "/api/v1/caller_context").orElseThrow().query());
        assertNull(out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE), "no reply headers");
    }

    @Test
    void theNumberCanComeFromAnExpressionAndAWrongOneIsRefusedBeforeSending() {
        Exchange out = send("direct:contextOfFrom", "body", Map.of("from", "+14155550177"));
        assertNull(out.getException());
        assertTrue(out.getMessage().getHeader("context", String.class).contains("Morgan Ellis"));
        long calls = sim.hits("GET", "/api/v1/caller_context");

        Exchange wrong = send("direct:contextOfFrom", "body", Map.of("from", "415 555 0177"));

        PhoneIncInvalidInputException e =
                assertInstanceOf(PhoneIncInvalidInputException.class, wrong.getException());
        assertEquals("phoneNumber", e.getField());
        assertEquals(calls, sim.hits("GET", "/api/v1/caller_context"), "nothing sent");
    }
}
