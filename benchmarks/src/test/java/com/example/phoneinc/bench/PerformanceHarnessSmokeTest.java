package com.example.phoneinc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every benchmark (P1–P4, allocation, parse breakdown) with tiny counts, to prove they work.
 * It asserts completion and that every number was produced, never a timing or a target: the full
 * run is {@code -Pbench} (docs/performance.md).
 */
class PerformanceHarnessSmokeTest {

    @Test
    @Timeout(60)
    void everyBenchmarkRunsAndProducesNumbers() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        long start = System.nanoTime();
        PerformanceHarness.Report report =
                PerformanceHarness.run(
                        BenchSettings.smoke(),
                        new PrintStream(progress, true, StandardCharsets.UTF_8));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String markdown = report.markdown();
        System.out.println(progress.toString(StandardCharsets.UTF_8));
        System.out.println(markdown);
        System.out.println("smoke run took " + took.toMillis() + " ms");

        assertTrue(
                report.allCompleted(), "every call and exchange answered correctly:\n" + markdown);
        assertTrue(report.allNumbersPresent(), "every number produced:\n" + markdown);
        assertEquals(0, report.badRequests, "every side sent the same, valid request");
        assertEquals(4, report.verdicts().size(), markdown);
        for (String id : new String[] {"| P1 |", "| P2 |", "| P3 |", "| P4 |"}) {
            assertTrue(markdown.contains(id), id + " in\n" + markdown);
        }
        assertTrue(report.p4().redeliveries() > 0, "P4 exchanges waited out the 429:\n" + markdown);
    }
}
