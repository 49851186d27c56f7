package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.api.model.CallerContext;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.docs.JavaSnippets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The Java examples printed in README.md and docs/, compiled from the doc files as printed (inside
 * a RouteBuilder's configure()) and run against WireMock.
 */
class DocumentedJavaExamplesTest extends WireMockTestSupport {

    private static final List<String> IMPORTS =
            List.of(
                    "java.util.Map",
                    "org.apache.camel.Exchange",
                    "com.example.phoneinc.errorhandling.PhoneIncErrorHandling",
                    "com.example.phoneinc.api.PhoneIncValidationException");

    private static final String VOICEMAILS =
            "{\"unlistened_count\":1,\"voicemails\":[{\"id\":\"vm1\",\"from\":\"+14155550177\","
                    + "\"transcription\":\"Please call me back\",\"listened_at\":null},"
                    + "{\"id\":\"vm2\",\"from\":\"+14155550188\",\"transcription\":\"old\","
                    + "\"listened_at\":\"2025-01-01T10:00:00Z\"}]}";

    private RoutesBuilder compile(String id, String extra) throws Exception {
        String className = "Doc_" + id.replace('-', '_');
        String source =
                JavaSnippets.routeBuilder(className, IMPORTS, DocBlocks.text(id) + "\n" + extra);
        return (RoutesBuilder)
                JavaSnippets.compile(className, source, getClass().getClassLoader())
                        .getConstructor()
                        .newInstance();
    }

    @Test
    void readmeRouteLogsTheNewVoicemails() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/voicemails")).willReturn(okJson(VOICEMAILS)));
        try (LogCapture log = LogCapture.start(Level.INFO, "ROOT")) {
            context.addRoutes(compile("readme-route", "")); // the snippet adds the policy itself
            log.await(l -> l.text().contains("New voicemail from"), 10_000);
            assertEquals(
                    1,
                    log.lines().stream()
                            .filter(l -> l.text().contains("New voicemail from"))
                            .count());
            assertTrue(
                    log.lines().stream()
                            .anyMatch(
                                    l ->
                                            l.text()
                                                    .contains(
                                                            "New voicemail from +14155550177:"
                                                                    + " Please call me back")),
                    log.lines().toString());
        }
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/voicemails")));
    }

    @Test
    void fieldErrorsExampleHandlesA422() throws Exception {
        wireMock.stubFor(
                post(urlPathEqualTo("/api/v1/contacts"))
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"errors\":{\"phone\":[\"has already been"
                                                        + " taken\"]}}")));
        try (LogCapture log = LogCapture.start(Level.INFO, "ROOT")) {
            context.addRoutes(
                    compile(
                            "errors-field-errors",
                            "from(\"direct:create\").to(\"phoneinc:contacts/create\");"));
            Exchange out =
                    template.request(
                            "direct:create",
                            e -> e.getMessage().setBody("{\"phone\":\"+14155550177\"}"));
            assertEquals(null, out.getException(), "handled(true)");
            assertTrue(
                    log.lines().stream()
                            .anyMatch(
                                    l ->
                                            l.level() == Level.WARN
                                                    && l.text()
                                                            .equals(
                                                                    "phone: [has already been"
                                                                            + " taken]")),
                    log.lines().toString());
        }
    }

    @Test
    void shippedPolicyExampleDeadLettersToAFile() throws Exception {
        Path dead = Files.createTempDirectory("dead-letter");
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/voicemails"))
                        .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"gone\"}")));
        String className = "Doc_errors_shipped_policy";
        String snippet =
                DocBlocks.text("errors-shipped-policy")
                        .replace("file:dead-letter?", "file:" + dead.toUri().getPath() + "?")
                        // one firing: the printed timer fires every second, and a second
                        // exchange would make the counts below depend on how fast this test is
                        .replace("from(\"timer:triage\")", "from(\"timer:triage?repeatCount=1\")");
        assertTrue(snippet.contains("repeatCount=1"), snippet);
        context.addRoutes(
                (RoutesBuilder)
                        JavaSnippets.compile(
                                        className,
                                        JavaSnippets.routeBuilder(className, IMPORTS, snippet),
                                        getClass().getClassLoader())
                                .getConstructor()
                                .newInstance());

        long until = System.nanoTime() + 10_000_000_000L;
        while (count(dead) == 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertEquals(1, count(dead), "the timer's exchange was dead-lettered to the file");
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/voicemails")));
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void componentPageExamplesRunAsPrinted() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/voicemails")).willReturn(okJson(VOICEMAILS)));
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/caller_context?phone=%2B14155550177"))
                        .willReturn(okJson("{\"contexts\":[],\"enriched_at\":null}")));
        wireMock.stubFor(
                patch(urlPathEqualTo("/api/v1/voicemails/vm1"))
                        .willReturn(
                                okJson(
                                        "{\"id\":\"vm1\",\"listened_at\":\"2026-01-01T00:00:00Z\"}")));
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls")).willReturn(okJson("{\"calls\":[]}")));
        wireMock.stubFor(
                post(urlPathEqualTo("/api/v1/contacts"))
                        .willReturn(
                                okJson("{\"id\":\"ct9\",\"name\":\"Morgan Ellis\"}")
                                        .withStatus(201)));
        wireMock.stubFor(
                patch(urlPathEqualTo("/api/v1/webhooks/0196b7a3-0000-7000-8000-00000000a701"))
                        .willReturn(okJson("{\"id\":\"0196b7a3-0000-7000-8000-00000000a701\"}")));
        MockEndpoint ticket = getMockEndpoint("mock:ticket");
        ticket.expectedMessageCount(1);

        context.addRoutes(
                compile("component-examples-java", "from(\"direct:ticket\").to(\"mock:ticket\");"));

        ticket.assertIsSatisfied(10_000);
        assertInstanceOf(
                CallerContext.class,
                ticket.getExchanges().get(0).getMessage().getHeader("callerContext"));
        // after the ticket the voicemail was marked listened, the id taken from the body
        long until = System.nanoTime() + 5_000_000_000L;
        while (wireMock.findAll(patchRequestedFor(urlPathEqualTo("/api/v1/voicemails/vm1")))
                        .isEmpty()
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        wireMock.verify(
                1,
                patchRequestedFor(urlPathEqualTo("/api/v1/voicemails/vm1"))
                        .withRequestBody(equalToJson("{\"listened\":true}")));

        template.requestBody("direct:calls", (Object) null);
        wireMock.verify(
                getRequestedFor(
                        urlEqualTo("/api/v1/calls?phone_number=%2B14155551234&direction=inbound")));
        Contact created = template.requestBody("direct:newContact", null, Contact.class);
        assertEquals("ct9", created.getId());
        wireMock.verify(
                postRequestedFor(urlPathEqualTo("/api/v1/contacts"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"phone\":\"+14155550177\",\"name\":\"Morgan Ellis\"}")));
        template.requestBody("direct:pause", (Object) null);
        wireMock.verify(
                patchRequestedFor(
                                urlPathEqualTo(
                                        "/api/v1/webhooks/0196b7a3-0000-7000-8000-00000000a701"))
                        .withRequestBody(equalToJson("{\"active\":false}")));
        Object raw = template.requestBody("direct:raw", (Object) null);
        assertEquals("{\"calls\":[]}", raw);
        wireMock.verify(
                getRequestedFor(urlEqualTo("/api/v1/calls?state=ended"))
                        .withHeader("X-Api-Key", equalTo(API_KEY)));
    }
}
