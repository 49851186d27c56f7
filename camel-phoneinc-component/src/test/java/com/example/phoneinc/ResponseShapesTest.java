package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.Employee;
import com.example.phoneinc.api.model.MainNumber;
import com.example.phoneinc.api.model.PhoneIncObject;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.api.model.Webhook;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phone.inc's list envelopes are not uniform and its models are documented only in part: the reader
 * takes a bare array or an object holding one, keeps unknown fields, and turns anything it cannot
 * read into a {@link PhoneIncException} that points to rawJson.
 */
class ResponseShapesTest extends WireMockTestSupport {

    private static final String ITEMS = "[{\"id\":\"a1\",\"x_new\":1},{\"id\":\"a2\"}]";

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("calls", "/calls", "calls", Call.class),
                Arguments.of("voicemails", "/voicemails", "voicemails", Voicemail.class),
                Arguments.of("contacts", "/contacts", "contacts", Contact.class),
                Arguments.of("mainNumbers", "/main_numbers", "main_numbers", MainNumber.class),
                Arguments.of("employees", "/employees", "employees", Employee.class),
                Arguments.of("webhooks", "/webhooks", "webhooks", Webhook.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void bareArrayAndWrappedListGiveTheSameList(
            String resource, String path, String envelope, Class<?> type) {
        wireMock.stubFor(get(urlEqualTo("/api/v1" + path)).willReturn(okJson(ITEMS)));
        Exchange bare = send("phoneinc:" + resource + "/list", null);
        wireMock.stubFor(
                get(urlEqualTo("/api/v1" + path))
                        .willReturn(okJson("{\"" + envelope + "\":" + ITEMS + "}")));
        Exchange wrapped = send("phoneinc:" + resource, null);
        wireMock.stubFor(
                get(urlEqualTo("/api/v1" + path))
                        .willReturn(okJson("{\"total\":2,\"items\":" + ITEMS + "}")));
        Exchange unexpectedKey = send("phoneinc:" + resource, null);

        for (Exchange out : List.of(bare, wrapped, unexpectedKey)) {
            assertNull(out.getException(), () -> String.valueOf(out.getException()));
            List<?> items = assertInstanceOf(List.class, out.getMessage().getBody());
            assertEquals(2, items.size());
            assertEquals("a1", idOf(assertInstanceOf(type, items.get(0))));
            assertEquals("a2", idOf(assertInstanceOf(type, items.get(1))));
            assertEquals(
                    Map.of("x_new", 1), ((PhoneIncObject) items.get(0)).getAdditionalProperties());
        }
        assertNull(bare.getMessage().getHeader(PhoneIncConstants.LIST_METADATA));
        assertNull(wrapped.getMessage().getHeader(PhoneIncConstants.LIST_METADATA));
        assertEquals(
                Map.of("total", 2),
                unexpectedKey.getMessage().getHeader(PhoneIncConstants.LIST_METADATA));
    }

    @Test
    void envelopeKeyWinsOverOtherArrays() {
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/webhooks"))
                        .willReturn(
                                okJson(
                                        "{\"warnings\":[\"w\"],\"webhooks\":[{\"id\":\"h1\"}],"
                                                + "\"next\":null}")));
        Exchange out = send("phoneinc:webhooks", null);
        assertNull(out.getException());
        List<?> hooks = out.getMessage().getBody(List.class);
        assertEquals("h1", ((Webhook) hooks.get(0)).getId());
        Map<?, ?> metadata = out.getMessage().getHeader(PhoneIncConstants.LIST_METADATA, Map.class);
        assertEquals(List.of("w"), metadata.get("warnings"));
        assertTrue(metadata.containsKey("next"));
        assertNull(metadata.get("next"));
    }

    @Test
    void voicemailMetadata() {
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/voicemails"))
                        .willReturn(
                                okJson(
                                        "{\"unlistened_count\":5,\"voicemails\":[],"
                                                + "\"generated_at\":\"2026-05-12T16:00:00Z\","
                                                + "\"limits\":{\"max\":100}}")));
        Exchange out = send("phoneinc:voicemails", null);
        assertNull(out.getException());
        assertEquals(List.of(), out.getMessage().getBody());
        assertEquals(5, out.getMessage().getHeader(PhoneIncConstants.UNLISTENED_COUNT));
        assertEquals(
                Map.of(
                        "unlistened_count",
                        5,
                        "generated_at",
                        "2026-05-12T16:00:00Z",
                        "limits",
                        Map.of("max", 100)),
                out.getMessage().getHeader(PhoneIncConstants.LIST_METADATA));
    }

    @Test
    void unknownFieldsAreKept() {
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c1"))
                        .willReturn(
                                okJson(
                                        "{\"id\":\"c1\",\"state\":\"voicemail\","
                                                + "\"recording_url\":\"https://r.example/1\","
                                                + "\"labels\":[\"vip\"],"
                                                + "\"handled_by\":{\"employee_id\":\"e1\"},"
                                                + "\"transcription_segments\":[{\"speaker\":\"bot\","
                                                + "\"text\":\"hi\",\"confidence\":0.93}]}")));
        Call call = send("phoneinc:calls/get?id=c1", null).getMessage().getBody(Call.class);
        assertEquals("c1", call.getId());
        assertEquals("voicemail", call.getState());
        assertEquals("https://r.example/1", call.getAdditionalProperties().get("recording_url"));
        assertEquals(List.of("vip"), call.getAdditionalProperties().get("labels"));
        assertEquals(Map.of("employee_id", "e1"), call.getAdditionalProperties().get("handled_by"));
        assertEquals(
                0.93,
                call.getTranscriptionSegments().get(0).getAdditionalProperties().get("confidence"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<html>Maintenance</html>",
                "\"just a JSON string\"",
                "42",
                "null",
                "[{\"id\":\"c1\"}]",
                "{\"id\":\"c1\",\"duration\":\"long\"}",
                "{\"id\":\"c1\",\"transcription_segments\":{\"speaker\":\"x\"}}",
                "{\"id\":\"c1\",\"started_at\":\"yesterday\"}",
                "{\"id\":\"c1\"",
                "  "
            })
    void unreadableSingleBodies(String body) {
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(body)));
        assertUnreadable(send("phoneinc:calls/get?id=c1", null), body, "a Call");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<html>Maintenance</html>",
                "\"just a JSON string\"",
                "true",
                "{\"calls\":\"none\"}",
                "{}",
                "[1, 2]",
                "[\"c1\"]",
                "{\"calls\":[{\"id\":\"c1\",\"duration\":[]}]}",
                "{\"count\":1,\"calls\":[[]]}"
            })
    void unreadableListBodies(String body) {
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls")).willReturn(okJson(body)));
        assertUnreadable(send("phoneinc:calls", null), body, "a list of Call");
    }

    @Test
    void unreadableBodyReadsWithRawJson() {
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson("<html>Maintenance</html>")));
        Exchange out = send("phoneinc:calls/get?id=c1&rawJson=true", null);
        assertNull(out.getException());
        assertEquals("<html>Maintenance</html>", out.getMessage().getBody());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // a GET without a body is a failure (ErrorBodyBoundsTest); writes just echo nothing
                "phoneinc:contacts/create",
                "phoneinc:voicemails/update?listened=true&id=c1",
                "phoneinc:calls/get?id=c1&rawJson=true",
                "phoneinc:request?method=GET&path=/calls/c1"
            })
    void emptySuccessBodyIsNull(String uri) {
        wireMock.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.any(
                                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                        .willReturn(aResponse().withStatus(200)));
        Exchange out = send(uri, Map.of("phone", "+14155550177"));
        assertNull(out.getException(), () -> String.valueOf(out.getException()));
        assertNull(out.getMessage().getBody());
        assertEquals(200, out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
    }

    @Test
    void noContentOnAListIsAnEmptyList() {
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls")).willReturn(aResponse().withStatus(204)));
        Exchange out = send("phoneinc:calls", "stale body");
        assertNull(out.getException());
        assertEquals(List.of(), out.getMessage().getBody());
        assertEquals(204, out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
    }

    @Test
    void staleListMetadataIsNotCarriedOver() {
        wireMock.stubFor(get(urlEqualTo("/api/v1/contacts")).willReturn(okJson("[]")));
        Exchange out =
                template.request(
                        "phoneinc:contacts",
                        e -> {
                            e.getMessage()
                                    .setHeader(PhoneIncConstants.LIST_METADATA, Map.of("x", 1));
                            e.getMessage().setHeader(PhoneIncConstants.UNLISTENED_COUNT, 7);
                        });
        assertNull(out.getException());
        assertNull(out.getMessage().getHeader(PhoneIncConstants.LIST_METADATA));
        assertNull(out.getMessage().getHeader(PhoneIncConstants.UNLISTENED_COUNT));
    }

    // ---------------------------------------------------------------- helpers

    private static void assertUnreadable(Exchange out, String body, String expected) {
        PhoneIncException e = assertInstanceOf(PhoneIncException.class, out.getException());
        assertSame(PhoneIncException.class, e.getClass(), "not an HTTP failure class");
        assertTrue(
                e.getMessage().contains("answered 200 but the body is not " + expected),
                e.getMessage());
        assertTrue(e.getMessage().contains("rawJson=true"), e.getMessage());
        assertEquals(200, e.getStatusCode());
        assertEquals(body, e.getResponseBody());
        assertTrue(e.isRequestSent());
    }

    private static String idOf(Object model) {
        if (model instanceof Call c) {
            return c.getId();
        } else if (model instanceof Voicemail v) {
            return v.getId();
        } else if (model instanceof Contact c) {
            return c.getId();
        } else if (model instanceof MainNumber m) {
            return m.getId();
        } else if (model instanceof Employee e) {
            return e.getId();
        } else if (model instanceof Webhook w) {
            return w.getId();
        }
        throw new AssertionError("unexpected " + model);
    }
}
