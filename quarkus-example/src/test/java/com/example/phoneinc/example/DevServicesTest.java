package com.example.phoneinc.example;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.simulator.SimulatorClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Test mode as a developer gets it: nothing about Phone.inc configured, the extension's Dev
 * Services start the simulator and configure the component, the example's own in-process simulator
 * (prod mode only) stays off, and the timer runs the triage against it on its own.
 */
@QuarkusTest
@TestProfile(DevServicesTest.Scheduled.class)
class DevServicesTest {

    public static class Scheduled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir;
            try {
                dir = Files.createTempDirectory("phoneinc-example-devservices");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "phoneinc.triage.schedule-enabled",
                    "true",
                    "phoneinc.triage.initial-delay",
                    "100ms",
                    "phoneinc.triage.period",
                    "1s",
                    "phoneinc.triage.outbox-dir",
                    dir.resolve("outbox").toString(),
                    "phoneinc.triage.dead-letter-dir",
                    dir.resolve("dead-letter").toString(),
                    "phoneinc.triage.state-dir",
                    dir.resolve("state").toString());
        }
    }

    @Inject CamelContext context;

    @Inject OfflineDemo offlineDemo;

    @Inject TicketOutbox outbox;

    @ConfigProperty(name = "camel.component.phoneinc.base-url")
    String baseUrl;

    @Test
    void theDevServicesSimulatorIsUsedAndTheScheduleWritesTickets() throws Exception {
        assertTrue(baseUrl.matches("http://127\\.0\\.0\\.1:\\d+/api/v1"), baseUrl);
        PhoneIncComponent phoneinc = context.getComponent("phoneinc", PhoneIncComponent.class);
        assertEquals(baseUrl, phoneinc.getConfiguration().getBaseUrl());
        assertEquals(DevServicesSimulator.apiKey(), phoneinc.getConfiguration().getApiKey());
        assertNull(offlineDemo.simulator(), "no in-process simulator in test mode");

        SimulatorClient sim = DevServicesSimulator.client();
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.tickets().size() == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                sim.hits("PATCH", "/api/v1/voicemails/" + TriageTest.VM_DAMAGED)
                                                == 1
                                        && sim.hits(
                                                        "PATCH",
                                                        "/api/v1/voicemails/"
                                                                + TriageTest.VM_NO_TRANSCRIPT)
                                                == 1);

        // a voicemail left later is picked up by a later scheduled run
        String id = sim.simulateVoicemail("+14155550123", "Please call back about the invoice.");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(outbox.ticketFile(id)));
        assertEquals(3, outbox.tickets().size());
    }
}
