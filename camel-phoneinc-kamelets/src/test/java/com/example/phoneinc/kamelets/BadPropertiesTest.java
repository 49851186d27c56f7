package com.example.phoneinc.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A wrong property value fails the route's start with the component's own message, which names the
 * option (the same name as the Kamelet property) — not the first message, and nothing is sent to
 * Phone.inc. The API key never appears in the failure.
 */
class BadPropertiesTest extends KameletTestSupport {

    /** Too short to be accepted; must not show in the failure either. */
    private static final String SHORT_SECRET = "whs_tooShort1";

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(
                        "from: {uri: kamelet:phoneinc-voicemail-source, parameters: {%s,"
                                + " startFrom: yesterday}, steps: [{to: 'log:x'}]}",
                        "Invalid startFrom option: use now, beginning or an ISO-8601 instant"),
                Arguments.of(
                        "from: {uri: kamelet:phoneinc-call-source, parameters: {%s,"
                                + " direction: sideways}, steps: [{to: 'log:x'}]}",
                        "Invalid direction option of the calls consumer: must be inbound or"
                                + " outbound"),
                Arguments.of(
                        "from: {uri: kamelet:phoneinc-event-source, parameters: {%s,"
                                + " webhookSecret: "
                                + SHORT_SECRET
                                + ", webhookExternalUrl:"
                                + " 'http://127.0.0.1:{{hook.port}}'}, steps: [{to: 'log:x'}]}",
                        "The webhook secret must have at least 16 characters (webhookSecret"
                                + " option)"),
                Arguments.of(
                        "from: {uri: 'direct:in', steps: [{to: {uri: kamelet:phoneinc-contact-sink,"
                                + " parameters: {%s, action: upsert}}}]}",
                        "Unknown action in phoneinc:contacts/upsert"),
                Arguments.of(
                        "from: {uri: 'direct:in', steps: [{to: {uri:"
                                + " kamelet:phoneinc-caller-context-action, parameters: {apiKey:"
                                + " '{{sim.key}}', baseUrl: 'http://phone.example.com/api/v1'}}}]}",
                        "Refusing plain http:// baseUrl for host phone.example.com"),
                Arguments.of(
                        "from: {uri: 'direct:in', steps: [{to: {uri: kamelet:phoneinc-contact-sink,"
                                + " parameters: {apiKey: '   ', baseUrl: '{{sim.url}}'}}}]}",
                        "set the apiKey option"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void theRouteDoesNotStartAndSaysWhichOption(String route, String expected) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(http));
        context.getPropertiesComponent().addInitialProperty("hook.port", String.valueOf(port));
        load("- route:\n    " + route.formatted("apiKey: '{{sim.key}}', baseUrl: '{{sim.url}}'"));

        Exception failure = assertThrows(Exception.class, () -> context.start());

        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getClass().getName() + ": " + t.getMessage());
        }
        assertTrue(
                messages.stream().anyMatch(m -> m.contains(expected)),
                "expected " + expected + " in " + messages);
        assertFalse(
                messages.stream().anyMatch(m -> m.contains(sim.apiKey())),
                "the API key in " + messages);
        assertFalse(
                messages.stream().anyMatch(m -> m.contains(SHORT_SECRET)),
                "the webhook secret in " + messages);
        assertFalse(
                messages.stream().anyMatch(m -> m.contains("NullPointerException")),
                messages.toString());
        assertEquals(0, sim.totalHits(), "nothing was sent to Phone.inc");
    }
}
