package com.example.phoneinc.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Voicemails pushed by Phone.inc: with {@code phoneinc.webhook.external-url} set, the app
 * subscribes at start on the Dev Services simulator, which then delivers {@code voicemail.new} to
 * the app's own HTTP server; the voicemail is triaged at once (the polling consumer is off here).
 */
@QuarkusTest
@TestProfile(WebhookTriageTest.Webhooks.class)
@WithTestResource(TempDirsResource.class)
class WebhookTriageTest {

    /** The app listens on a known port, so the subscription can name it. */
    public static class Webhooks implements QuarkusTestProfile {
        static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.test-port",
                    String.valueOf(PORT),
                    "phoneinc.webhook.external-url",
                    "http://127.0.0.1:" + PORT);
        }

        private static int freePort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject TicketOutbox outbox;

    @Test
    void aPushedVoicemailIsTriagedAtOnce() throws Exception {
        String id =
                DevServicesSimulator.client()
                        .simulateVoicemail("+14155550177", "Pushed: please call me back");
        long until = System.nanoTime() + 15_000_000_000L;
        while (!outbox.isTicketed(id) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(outbox.isTicketed(id), "the pushed voicemail has a ticket");
    }
}
