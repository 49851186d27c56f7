package com.example.phoneinc.example;

import com.example.phoneinc.simulator.PhoneIncSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a Phone.inc simulator on a random port and points the application at it as if it were the
 * real API (an API key and a base URL are configured), with temporary outbox, dead-letter and state
 * directories.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    private PhoneIncSimulator simulator;
    private Path dir;

    @Override
    public Map<String, String> start() {
        simulator = PhoneIncSimulator.builder().port(0).eventLoops(1).build().start();
        try {
            dir = Files.createTempDirectory("phoneinc-example-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "phoneinc.api-key", simulator.apiKey(),
                "phoneinc.base-url", simulator.baseUrl(),
                "phoneinc.triage.outbox-dir", dir.resolve("outbox").toString(),
                "phoneinc.triage.dead-letter-dir", dir.resolve("dead-letter").toString(),
                "phoneinc.triage.state-dir", dir.resolve("state").toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                simulator,
                new TestInjector.AnnotatedAndMatchesType(
                        InjectSimulator.class, PhoneIncSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
