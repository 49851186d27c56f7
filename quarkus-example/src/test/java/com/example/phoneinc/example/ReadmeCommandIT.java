package com.example.phoneinc.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.docs.DocBlocks;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, run as printed after this build packaged the example: {@code java
 * -jar target/quarkus-app/quarkus-run.jar} in quarkus-example with no API key and no network must
 * start the embedded simulator and write triage tickets within seconds. (The {@code ./mvnw …
 * package} half is the build this test runs in.) Data directories and the HTTP port are pointed at
 * a temporary directory and a free port through the environment, as the app's properties file says
 * they can be.
 */
class ReadmeCommandIT {

    @TempDir Path dir;

    @Test
    void readmeCommandRunsTheExampleOffline() throws Exception {
        String command = DocBlocks.text("readme-run-example").strip();
        assertTrue(
                command.startsWith("./mvnw -B -pl quarkus-example -am package -DskipTests && "),
                command);
        Matcher run =
                Pattern.compile("\\(cd quarkus-example && (java -jar \\S+)\\)").matcher(command);
        assertTrue(run.find(), command);
        List<String> argv = new ArrayList<>(Arrays.asList(run.group(1).split(" ")));
        argv.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());

        ProcessBuilder pb = new ProcessBuilder(argv).directory(new File("."));
        Map<String, String> env = pb.environment();
        env.remove("PHONEINC_API_KEY");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("PHONEINC_TRIAGE_OUTBOX_DIR", dir.resolve("outbox").toString());
        env.put("PHONEINC_TRIAGE_DEAD_LETTER_DIR", dir.resolve("dead-letter").toString());
        env.put("PHONEINC_TRIAGE_STATE_DIR", dir.resolve("state").toString());
        Path log = dir.resolve("app.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process app = pb.start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (tickets(dir.resolve("outbox")) < 2
                    && app.isAlive()
                    && System.nanoTime() < until) {
                Thread.sleep(200);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(
                    2, tickets(dir.resolve("outbox")), "tickets written; app output:\n" + output);
            assertTrue(output.toLowerCase().contains("simulator"), output);
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static long tickets(Path outbox) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.toString().endsWith(".json")).count();
        }
    }
}
