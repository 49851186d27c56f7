package com.example.phoneinc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.docs.DocBlocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmark command printed in docs/performance.md names this module and its profile. */
class DocumentedCommandTest {

    @Test
    void benchmarkCommandNamesThisModuleAndItsProfile() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<id>bench</id>"), "the bench profile exists");
        String first = DocBlocks.text("performance-command").lines().findFirst().orElseThrow();
        String howTo = DocBlocks.text("performance-how-to-run").strip();
        assertEquals("./mvnw -B -pl benchmarks -am package -Pbench -DskipTests", first.strip());
        assertEquals(first.strip(), howTo);
        assertTrue(Path.of("").toAbsolutePath().endsWith("benchmarks"));
    }

    @Test
    void consumerBenchmarkCommandRunsTheConsumerBenchProfile() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        String command = DocBlocks.text("consumer-bench-command").strip();
        assertEquals("./mvnw -B -pl benchmarks -am package -Pbench-consumer -DskipTests", command);
        // the profile the command names runs ConsumerBench (the class ConsumerBenchSmokeTest runs)
        int profile = pom.indexOf("<id>bench-consumer</id>");
        assertTrue(profile > 0, "the bench-consumer profile exists");
        String body = pom.substring(profile, pom.indexOf("</profile>", profile));
        assertTrue(body.contains(ConsumerBench.class.getName()), body);
    }
}
