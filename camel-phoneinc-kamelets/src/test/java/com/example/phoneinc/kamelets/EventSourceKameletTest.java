package com.example.phoneinc.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.model.Webhook;
import com.example.phoneinc.simulator.CallOutcome;
import com.example.phoneinc.simulator.WebhookDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

/**
 * phoneinc-event-source on a platform-http listener (Vert.x, as Camel Main and JBang have it): it
 * subscribes at start, the simulator's deliveries reach the route as JSON with the event headers
 * and no token, and stopping removes the subscription.
 */
class EventSourceKameletTest extends KameletTestSupport {

    private static final String SECRET = "whs_KameletTestSecret0123456789";

    @Test
    void theSimulatorsDeliveriesAreRoutedAndTheSubscriptionComesAndGoes() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(http));
        context.getPropertiesComponent().addInitialProperty("hook.port", String.valueOf(port));
        context.getPropertiesComponent().addInitialProperty("hook.secret", SECRET);
        load(
                """
                - route:
                    from:
                      uri: kamelet:phoneinc-event-source
                      parameters:
                        apiKey: "{{sim.key}}"
                        baseUrl: "{{sim.url}}"
                        webhookSecret: "{{hook.secret}}"
                        webhookExternalUrl: "http://127.0.0.1:{{hook.port}}"
                        events: call.ended,voicemail.new
                      steps:
                        - process:
                            ref: collect
                """);
        context.start();

        List<Webhook> ours = subscriptions(port);
        assertEquals(1, ours.size(), "subscribed once at start");
        assertEquals(
                "http://127.0.0.1:" + port + "/phoneinc/events?token=" + SECRET,
                ours.get(0).getUrl());
        assertEquals(List.of("call.ended", "voicemail.new"), ours.get(0).getEvents());

        String callId = sim.simulateIncomingCall("+14155550177", CallOutcome.ANSWERED).callId();
        String voicemailId = sim.simulateVoicemail("+14155550188", "Call me");
        await(() -> collected.size() == 2, "call.ended and voicemail.new");

        Exchange call = collected.get(0);
        assertEquals("call.ended", call.getMessage().getHeader(PhoneIncConstants.EVENT_TYPE));
        assertEquals(callId, json(call).get("id").asText());
        assertEquals("ended", json(call).get("state").asText());
        assertEquals("+14155550177", call.getMessage().getHeader(PhoneIncConstants.PHONE_NUMBER));
        Exchange voicemail = collected.get(1);
        assertEquals(voicemailId, json(voicemail).get("id").asText());
        assertEquals(
                "+14155550188", voicemail.getMessage().getHeader(PhoneIncConstants.PHONE_NUMBER));
        for (Exchange e : collected) {
            for (Map.Entry<String, Object> h : e.getMessage().getHeaders().entrySet()) {
                assertFalse(String.valueOf(h.getValue()).contains(SECRET), h.getKey());
            }
        }
        List<WebhookDelivery> deliveries =
                sim.awaitWebhookDeliveries(
                        d -> d.url().startsWith("http://127.0.0.1:" + port),
                        2,
                        Duration.ofSeconds(5));
        assertEquals(2, deliveries.size());
        deliveries.forEach(d -> assertEquals(200, d.status(), d.toString()));
        assertTrue(
                sim.webhookDeliveries().stream()
                        .filter(d -> d.url().startsWith("http://127.0.0.1:" + port))
                        .noneMatch(d -> d.event().equals("call.answered")),
                "only the subscribed events are delivered");

        context.stop();
        context = newContext();
        context.start();
        assertEquals(List.of(), subscriptions(port), "removed at stop");
    }

    /** The simulator's subscriptions that point at this test's listener. */
    @SuppressWarnings("unchecked")
    private List<Webhook> subscriptions(int port) {
        List<Webhook> all =
                context.createProducerTemplate()
                        .requestBody(
                                "phoneinc:webhooks?apiKey=RAW("
                                        + sim.apiKey()
                                        + ")&baseUrl="
                                        + sim.baseUrl(),
                                null,
                                List.class);
        return all.stream()
                .filter(w -> w.getUrl().startsWith("http://127.0.0.1:" + port + "/"))
                .toList();
    }
}
