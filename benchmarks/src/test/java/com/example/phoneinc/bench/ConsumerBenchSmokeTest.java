package com.example.phoneinc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the consumer benchmark with tiny counts and a short delay, to prove it works and that an
 * empty poll is one request. No timing is asserted: the full run is {@code -Pbench-consumer}.
 */
class ConsumerBenchSmokeTest {

    @Test
    @Timeout(60)
    void consumerBenchRunsAndAnEmptyPollIsOneRequest() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ConsumerBench.Result r =
                ConsumerBench.run(
                        200, 3, 20, new PrintStream(progress, true, StandardCharsets.UTF_8));
        System.out.println(r.markdown());
        assertEquals(1.0, r.requestsPerEmptyPoll(), 0.001);
        assertTrue(r.emptyPollMillisSmall() > 0 && r.emptyPollMillisLarge() > 0);
        assertTrue(r.meanDeliveryMillis() > 0 && r.maxDeliveryMillis() >= r.meanDeliveryMillis());
    }
}
