package com.example.phoneinc.threading;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.TransportModes;
import com.example.phoneinc.WireMockTestSupport;
import com.example.phoneinc.api.model.Call;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Route work after a {@code phoneinc:} step never runs on the HTTP client's I/O threads, so a slow
 * step cannot stall the other calls of the component (issue 14: with the exchange completed on the
 * two dispatcher threads, one call after eight slow exchanges took 1.9–3.9 s). The exchange
 * continues on the calling thread (synchronous) or on the component's worker pool (async).
 */
@TransportModes
class RouteWorkOffTheIoThreadsTest extends WireMockTestSupport {

    @Parameter boolean synchronous;

    @Override
    protected boolean synchronous() {
        return synchronous;
    }

    private static final int SLOW_EXCHANGES = 8;
    private static final long SLOW_STEP_MILLIS = 1000;

    /**
     * A loopback call takes milliseconds, but a loaded 2-core machine can stall one for a few
     * hundred; an I/O thread held by a slow step holds a call for the step's full second (or, with
     * the steps waiting below, until its requestTimeout), so the limit stays under the step.
     */
    private static final long FAST_CALL_LIMIT_MILLIS = SLOW_STEP_MILLIS - 200;

    /**
     * The bound, "other calls complete within 250 ms", held by the fastest of the calls:
     * one stall of the machine cannot fail it, while with route work on the I/O threads every call
     * waits for its requestTimeout.
     */
    private static final long FASTEST_CALL_LIMIT_MILLIS = 250;

    private static final int FAST_CALLS = 5;

    @Test
    void otherCallsCompleteQuicklyWhileEightExchangesRunASlowStep() throws Exception {
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c1"))
                        .willReturn(okJson("{\"id\":\"c1\",\"from\":\"+14155550177\"}")));
        CountDownLatch allSlowInTheirStep = new CountDownLatch(SLOW_EXCHANGES);
        CountDownLatch fastCallsMeasured = new CountDownLatch(1);
        List<String> slowStepThreads = new CopyOnWriteArrayList<>();
        List<String> fastStepThreads = new CopyOnWriteArrayList<>();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:slow")
                                .to("phoneinc:calls/get?id=c1")
                                .process(
                                        e -> {
                                            // a JDBC insert, a file write, a slow call ...
                                            slowStepThreads.add(Thread.currentThread().getName());
                                            allSlowInTheirStep.countDown();
                                            Thread.sleep(SLOW_STEP_MILLIS);
                                            // and busy until the other calls were measured
                                            fastCallsMeasured.await(60, TimeUnit.SECONDS);
                                        });
                        from("direct:fast")
                                .to("phoneinc:calls/get?id=c1")
                                .process(
                                        e -> fastStepThreads.add(Thread.currentThread().getName()));
                    }
                });
        // warm: the HTTP client exists and the key is known to work before anything is measured
        for (int i = 0; i < 3; i++) {
            assertNull(template.send("direct:fast", e -> {}).getException());
        }
        fastStepThreads.clear();

        AtomicInteger callers = new AtomicInteger();
        ExecutorService slowCallers =
                Executors.newFixedThreadPool(
                        SLOW_EXCHANGES,
                        r -> new Thread(r, "slow-caller-" + callers.incrementAndGet()));
        try {
            List<Future<Exchange>> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_EXCHANGES; i++) {
                slow.add(slowCallers.submit(() -> template.send("direct:slow", e -> {})));
            }
            // generous setup: on a loaded machine starting eight exchanges may take a while
            assertTrue(
                    allSlowInTheirStep.await(60, TimeUnit.SECONDS),
                    "the slow exchanges did not all reach their slow step");

            long[] millis = new long[FAST_CALLS];
            List<Exchange> fast = new ArrayList<>();
            for (int i = 0; i < FAST_CALLS; i++) {
                long start = System.nanoTime();
                fast.add(template.send("direct:fast", e -> {}));
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            fastCallsMeasured.countDown();

            for (Exchange out : fast) {
                assertNull(out.getException());
                assertEquals("c1", out.getMessage().getBody(Call.class).getId());
            }
            for (long m : millis) {
                assertTrue(
                        m <= FAST_CALL_LIMIT_MILLIS,
                        "a call took "
                                + m
                                + " ms while "
                                + SLOW_EXCHANGES
                                + " exchanges ran a slow step: "
                                + Arrays.toString(millis));
            }
            assertTrue(
                    Arrays.stream(millis).min().orElseThrow() <= FASTEST_CALL_LIMIT_MILLIS,
                    "no call within "
                            + FASTEST_CALL_LIMIT_MILLIS
                            + " ms while "
                            + SLOW_EXCHANGES
                            + " exchanges ran a slow step: "
                            + Arrays.toString(millis));
            for (Future<Exchange> f : slow) {
                Exchange out = f.get(60, TimeUnit.SECONDS);
                assertNull(out.getException());
                assertEquals("c1", out.getMessage().getBody(Call.class).getId());
            }
        } finally {
            fastCallsMeasured.countDown();
            slowCallers.shutdownNow();
            slowCallers.awaitTermination(10, TimeUnit.SECONDS);
        }

        assertEquals(SLOW_EXCHANGES, slowStepThreads.size());
        assertEquals(FAST_CALLS, fastStepThreads.size());
        List<String> all = new ArrayList<>(slowStepThreads);
        all.addAll(fastStepThreads);
        for (String thread : all) {
            assertFalse(thread.startsWith("httpclient-"), "route step on an I/O thread: " + thread);
        }
        String test = Thread.currentThread().getName();
        if (synchronous) {
            // each exchange went on on its own caller's thread
            slowStepThreads.forEach(t -> assertTrue(t.startsWith("slow-caller-"), t));
            fastStepThreads.forEach(t -> assertEquals(test, t));
        } else {
            // on the Camel-managed worker pool; or, for an answer that came before process()
            // returned, at once on the caller's own thread
            slowStepThreads.forEach(
                    t ->
                            assertTrue(
                                    t.contains("PhoneIncWorker") || t.startsWith("slow-caller-"),
                                    t));
            fastStepThreads.forEach(
                    t -> assertTrue(t.contains("PhoneIncWorker") || t.equals(test), t));
            assertEquals(SLOW_EXCHANGES, slowStepThreads.stream().distinct().count());
        }
        wireMock.verify(
                3 + SLOW_EXCHANGES + FAST_CALLS, getRequestedFor(urlEqualTo("/api/v1/calls/c1")));
    }
}
