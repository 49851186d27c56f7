package com.example.phoneinc.example;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Temporary outbox, dead-letter and state directories for a test application. Phone.inc is left
 * alone: the extension's Dev Services supply the simulator.
 */
public class TempDirsResource implements QuarkusTestResourceLifecycleManager {

    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("phoneinc-example-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "phoneinc.triage.outbox-dir", dir.resolve("outbox").toString(),
                "phoneinc.triage.dead-letter-dir", dir.resolve("dead-letter").toString(),
                "phoneinc.triage.state-dir", dir.resolve("state").toString());
    }

    @Override
    public void stop() {
        delete();
    }

    /** Deletes the directories and what the application wrote into them. */
    protected void delete() {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
