package com.example.phoneinc.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.PhoneIncEndpoint;
import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.api.model.Webhook;
import com.example.phoneinc.simulator.CallOutcome;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Simulator → webhook → route, end to end on loopback: the subscription is registered at start, a
 * call going initiated → answered → ended produces the subscribed events in order with the Call as
 * body, unsubscribed events never reach the route, and the token never reaches it either.
 */
class WebhookConsumerTest extends WebhookTestSupport {

    private PhoneIncSimulator sim;
    private DefaultCamelContext context;
    private int port;
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = PhoneIncSimulator.builder().port(0).build().start();
        port = freePort();
        context = context(sim, port);
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(webhookUri(
                                        port,
                                        "events=call.answered,call.ended,voicemail.new"
                                                + "&webhookSecret="
                                                + SECRET))
                                .routeId("events")
                                .process(e -> received.add(e.copy()));
                    }
                });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        sim.close();
    }

    @SuppressWarnings("unchecked")
    private List<Webhook> subscriptions() {
        return context.createProducerTemplate().requestBody("phoneinc:webhooks", null, List.class);
    }

    private List<Webhook> ours() {
        return subscriptions().stream()
                .filter(w -> w.getUrl().startsWith("http://127.0.0.1:" + port + PATH))
                .toList();
    }

    @Test
    void aCallsEventsReachTheRouteInOrderAndUnsubscribedOnesNever() throws Exception {
        List<Webhook> ours = ours();
        assertEquals(1, ours.size(), "registered once at start");
        assertTrue(ours.get(0).getUrl().endsWith("?token=" + SECRET), "the token is in the URL");
        assertEquals(
                List.of("call.answered", "call.ended", "voicemail.new"), ours.get(0).getEvents());

        String callId = sim.simulateIncomingCall("+14155550177", CallOutcome.ANSWERED).callId();
        String vmId = sim.simulateVoicemail("+14155550188", "Please call back");
        await(() -> received.size() == 3, "answered, ended, voicemail.new");

        assertEquals(
                List.of("call.answered", "call.ended", "voicemail.new"),
                received.stream()
                        .map(
                                e ->
                                        e.getMessage()
                                                .getHeader(
                                                        PhoneIncConstants.EVENT_TYPE, String.class))
                        .toList());
        Call ended = assertInstanceOf(Call.class, received.get(1).getMessage().getBody());
        assertEquals(callId, ended.getId());
        assertEquals("ended", ended.getState());
        assertEquals(
                "call.ended:" + callId,
                received.get(1).getMessage().getHeader(PhoneIncConstants.EVENT_KEY));
        assertEquals(vmId, received.get(2).getMessage().getBody(Voicemail.class).getId());
        for (Exchange e : received) {
            for (Map.Entry<String, Object> h : e.getMessage().getHeaders().entrySet()) {
                assertFalse(String.valueOf(h.getValue()).contains(SECRET), "header " + h.getKey());
            }
            assertNull(e.getMessage().getHeader("token"));
        }
        // every delivery was answered 200
        sim.awaitWebhookDeliveries(3, java.time.Duration.ofSeconds(5))
                .forEach(d -> assertEquals(200, d.status(), d.toString()));

        // the simulator sends only subscribed types: the endpoint's own filter, posted to directly
        HttpResponse<String> unsubscribed =
                post(
                        port,
                        "?token=" + SECRET,
                        "{\"event\":\"call.initiated\",\"data\":{\"id\":\""
                                + callId
                                + "\",\"state\":\"initiated\"}}");
        assertEquals(200, unsubscribed.statusCode(), "answered, so Phone.inc does not resend it");
        assertEquals("", unsubscribed.body());
        // a subscribed delivery after it: once it is routed, the one before it would have been
        HttpResponse<String> marker =
                post(
                        port,
                        "?token=" + SECRET,
                        "{\"event\":\"call.ended\",\"data\":{\"id\":\"marker\",\"state\":\"ended\"}}");
        assertEquals(200, marker.statusCode());
        await(() -> received.size() >= 4, "the subscribed delivery after the unsubscribed one");
        assertEquals(
                List.of("call.ended:marker"),
                received.subList(3, received.size()).stream()
                        .map(e -> e.getMessage().getHeader(PhoneIncConstants.EVENT_KEY))
                        .toList(),
                "the unsubscribed call.initiated was not routed");
    }

    @Test
    void deliveriesWithoutTheRightTokenAreRefusedAndNeverRouted() throws Exception {
        String delivery = "{\"event\":\"call.ended\",\"data\":{\"id\":\"c1\",\"state\":\"ended\"}}";
        HttpResponse<String> none = post(port, "", delivery);
        HttpResponse<String> wrong = post(port, "?token=whs_WrongSecret0123456789abcdef", delivery);
        HttpResponse<String> malformed = post(port, "?token=" + SECRET, "{\"event\":");
        HttpResponse<String> notADelivery = post(port, "?token=" + SECRET, "[1,2]");
        HttpResponse<String> ok = post(port, "?token=" + SECRET, delivery);

        assertEquals(401, none.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals(400, malformed.statusCode());
        assertEquals(400, notADelivery.statusCode());
        assertEquals(200, ok.statusCode());
        assertEquals("", ok.body());
        assertEquals("", wrong.body());
        await(() -> received.size() == 1, "the one good delivery");
        Thread.sleep(200);
        assertEquals(1, received.size());
    }

    @Test
    void anOversizedDeliveryIs413() throws Exception {
        String huge =
                "{\"event\":\"call.ended\",\"data\":{\"id\":\"c1\",\"note\":\""
                        + "x".repeat(2 * 1024 * 1024)
                        + "\"}}";
        HttpResponse<String> r = post(port, "?token=" + SECRET, huge);
        assertEquals(413, r.statusCode());
        assertEquals(0, received.size());
    }

    @Test
    void unknownEventTypesPassThroughWithTheirRawData() throws Exception {
        context.stop();
        received.clear();
        context = context(sim, port);
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(webhookUri(
                                        port,
                                        "events=call.ended,sms.received&webhookAutoRegister=false&webhookSecret="
                                                + SECRET)) // a type Phone.inc does not document:
                                // subscribed elsewhere
                                .process(e -> received.add(e.copy()));
                    }
                });
        context.start();
        HttpResponse<String> r =
                post(
                        port,
                        "?token=" + SECRET,
                        "{\"event\":\"sms.received\",\"data\":{\"id\":\"s1\",\"text\":\"hi\"},"
                                + "\"extra\":1}");
        assertEquals(200, r.statusCode());
        await(() -> received.size() == 1, "the unknown event");
        Exchange e = received.get(0);
        assertEquals("sms.received", e.getMessage().getHeader(PhoneIncConstants.EVENT_TYPE));
        assertEquals("s1", e.getMessage().getHeader(PhoneIncConstants.RESOURCE_ID));
        assertEquals(
                "hi",
                assertInstanceOf(
                                com.fasterxml.jackson.databind.JsonNode.class,
                                e.getMessage().getBody())
                        .get("text")
                        .asText());
    }

    @Test
    void theEndpointKnowsItsSubscription() {
        PhoneIncEndpoint endpoint =
                context.getEndpoints().stream()
                        .filter(PhoneIncEndpoint.class::isInstance)
                        .map(PhoneIncEndpoint.class::cast)
                        .filter(ep -> ep.getWebhookSubscriptionId() != null)
                        .findFirst()
                        .orElseThrow();
        assertEquals(ours().get(0).getId(), endpoint.getWebhookSubscriptionId());
        assertFalse(endpoint.toString().contains(SECRET), endpoint.toString());
    }
}
