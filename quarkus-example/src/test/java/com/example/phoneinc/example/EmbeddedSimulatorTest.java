package com.example.phoneinc.example;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default mode: no API key, so the application starts the simulator in-process, and the timer
 * runs the triage on its own.
 */
@QuarkusTest
@TestProfile(EmbeddedSimulatorTest.Embedded.class)
class EmbeddedSimulatorTest {

    public static class Embedded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir;
            try {
                dir = Files.createTempDirectory("phoneinc-example-embedded");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "phoneinc.api-key", "",
                    "phoneinc.triage.schedule-enabled", "true",
                    "phoneinc.triage.initial-delay", "100ms",
                    "phoneinc.triage.period", "1s",
                    "phoneinc.triage.outbox-dir", dir.resolve("outbox").toString(),
                    "phoneinc.triage.dead-letter-dir", dir.resolve("dead-letter").toString(),
                    "phoneinc.triage.state-dir", dir.resolve("state").toString());
        }
    }

    @Inject PhoneIncSetup setup;

    @Inject
    @Named("phoneinc")
    PhoneIncComponent phoneinc;

    @Inject TicketOutbox outbox;

    @Test
    void withoutAnApiKeyTheEmbeddedSimulatorIsUsedAndTheScheduleWritesTickets() throws Exception {
        PhoneIncSimulator sim = setup.simulator();
        assertNotNull(sim, "embedded simulator started");
        assertEquals(sim.baseUrl(), phoneinc.getConfiguration().getBaseUrl());
        assertTrue(sim.baseUrl().startsWith("http://127.0.0.1:"));

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
