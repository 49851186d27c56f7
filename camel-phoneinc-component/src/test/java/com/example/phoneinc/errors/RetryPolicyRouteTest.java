package com.example.phoneinc.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.example.phoneinc.api.PhoneIncNotFoundException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.api.PhoneIncValidationException;
import com.example.phoneinc.errorhandling.PhoneIncBackoff;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code PhoneIncErrorHandling} on real routes: what is retried, how often, after how
 * long, and what reaches the dead-letter channel.
 */
class RetryPolicyRouteTest extends ErrorTestSupport {

    private static final String CALL_JSON = "{\"id\":\"c1\",\"from\":\"+14155550101\"}";
    private static final String GET_URI = "phoneinc:calls/get?id=c1";

    private MockEndpoint ok() {
        return getMockEndpoint("mock:ok");
    }

    private MockEndpoint dead() {
        return getMockEndpoint("mock:dead");
    }

    private void stubSequence(
            String path,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "step" + (i + 1);
            wireMock.stubFor(
                    get(urlPathEqualTo(path))
                            .inScenario("seq")
                            .whenScenarioStateIs(state)
                            .willReturn(answers[i])
                            .willSetStateTo(next));
            state = next;
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder status(
            int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"status " + status + "\"}");
    }

    /** Loads the request and error paths once, so the first measured gap has no class loading. */
    private void warmUp() {
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls/warm")).willReturn(status(503)));
        sendBounded("phoneinc:calls/get?id=warm", null);
        wireMock.resetAll();
        HITS.clear();
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() throws Exception {
        addRetryRoute("direct:x", GET_URI);
        warmUp();
        // timing on a loaded machine: the gaps may only be late, so a run that is off is repeated
        // (at most 3 runs); a backoff that is wrong (200/400 ms instead of 100/200 ms) fails them
        // all
        List<List<Double>> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            wireMock.resetAll();
            HITS.clear();
            MockEndpoint.resetMocks(context);
            stubSequence("/api/v1/calls/c1", status(503), status(503), okJson(CALL_JSON));
            ok().expectedMessageCount(1);

            Exchange out = sendBounded("direct:x", "in");

            assertNull(out.getException());
            ok().assertIsSatisfied(5000);
            assertEquals(0, dead().getReceivedCounter());
            assertEquals(3, HITS.size(), "503, 503, 200: exactly 3 hits");
            List<Double> gaps = gapsMillis();
            runs.add(gaps);
            double gap1 = gaps.get(0);
            double gap2 = gaps.get(1);
            // ±10 % jitter, never early, plus a scheduling allowance on the late side
            boolean first = gap1 >= 88 && gap1 <= 170;
            boolean second = gap2 >= 178 && gap2 <= 300;
            double ratio = gap2 / gap1;
            if (first && second && ratio >= 1.5 && ratio <= 2.6) {
                System.out.println("RetryPolicyRouteTest 503,503,200 gaps ms: " + runs);
                return;
            }
        }
        fail("expected gaps ≈ 100 ms and 200 ms (ratio 1.5..2.6) in one of 3 runs: " + runs);
    }

    @Test
    void redeliveryCounterInsideOnExceptionOccurredAlreadyCountsTheComingRedelivery()
            throws Exception {
        // the Camel fact PhoneIncBackoff depends on: handleException() increments the counter
        // before onExceptionOccurred runs, so the first failure shows 1, not 0
        List<Integer> counters = new CopyOnWriteArrayList<>();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        onException(PhoneIncServerException.class)
                                .maximumRedeliveries(3)
                                .redeliveryDelay(0)
                                .onExceptionOccurred(
                                        e ->
                                                counters.add(
                                                        e.getMessage()
                                                                .getHeader(
                                                                        Exchange.REDELIVERY_COUNTER,
                                                                        Integer.class)))
                                .handled(true)
                                .to("mock:dead");
                        from("direct:count").to(GET_URI).to("mock:ok");
                    }
                });
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(status(500)));

        sendBounded("direct:count", "in");

        assertEquals(List.of(1, 2, 3, 4), counters);
        assertEquals(4, HITS.size());
    }

    @Test
    void rateLimitWaitsForRetryAfter() throws Exception {
        addRetryRoute("direct:x", GET_URI);
        warmUp();
        stubSequence(
                "/api/v1/calls/c1", status(429).withHeader("Retry-After", "1"), okJson(CALL_JSON));
        ok().expectedMessageCount(1);

        Exchange out = sendBounded("direct:x", "in");

        assertNull(out.getException());
        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        assertEquals(2, HITS.size());
        double gap = gapsMillis().get(0);
        System.out.println("RetryPolicyRouteTest 429 Retry-After: 1 gap ms: " + gap);
        assertTrue(gap >= 950 && gap < 2000, "waited Retry-After (1 s), gap was " + gap);
        // the delay header the producer set does not leak into the successful result
        assertNull(ok().getExchanges().get(0).getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void notFoundGoesToDeadLetterWithTheOriginalMessageAfterOneHit() throws Exception {
        addRetryRoute("direct:x", GET_URI);
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withBody("{\"error\":\"Call not found\"}")));
        dead().expectedBodiesReceived("original body 404 \u00e9\u00e8 #42");
        ok().expectedMessageCount(0);

        sendBounded("direct:x", "original body 404 \u00e9\u00e8 #42");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/calls/c1")));
        Exchange dl = dead().getExchanges().get(0);
        PhoneIncNotFoundException e =
                assertInstanceOf(
                        PhoneIncNotFoundException.class, dl.getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals("Call not found", e.getErrorMessage());
    }

    @Test
    void validationErrorGoesToDeadLetterWithTheOriginalMessageAfterOneHit() throws Exception {
        addRetryRoute("direct:x", "phoneinc:contacts/create");
        String input = "{\"name\":\"Ada Lovelace\",\"phone_number\":\"not-a-number-7731\"}";
        wireMock.stubFor(
                post(urlPathEqualTo("/api/v1/contacts"))
                        .willReturn(
                                aResponse()
                                        .withStatus(422)
                                        .withBody(
                                                "{\"errors\":{\"phone_number\":[\"is not a valid"
                                                        + " E.164 number\"]}}")));
        dead().expectedBodiesReceived(input);
        ok().expectedMessageCount(0);

        sendBounded("direct:x", input);

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/contacts")));
        PhoneIncValidationException e =
                assertInstanceOf(
                        PhoneIncValidationException.class,
                        dead().getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(Map.of("phone_number", List.of("is not a valid E.164 number")), e.getErrors());
    }

    @Test
    void serverErrorForeverIsTriedOnePlusThreeTimesThenDeadLettered() throws Exception {
        addRetryRoute("direct:x", GET_URI);
        warmUp();
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(status(502)));
        dead().expectedBodiesReceived("keep me");
        ok().expectedMessageCount(0);

        sendBounded("direct:x", "keep me");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        wireMock.verify(4, getRequestedFor(urlPathEqualTo("/api/v1/calls/c1")));
        PhoneIncServerException e =
                assertInstanceOf(
                        PhoneIncServerException.class,
                        dead().getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(502, e.getStatusCode());
        List<Double> gaps = gapsMillis();
        System.out.println("RetryPolicyRouteTest 502 forever gaps ms: " + gaps);
        // never earlier than the backoff (100, 200, 400 ms, -10 % jitter)
        assertTrue(gaps.get(0) >= 88, "gaps " + gaps);
        assertTrue(gaps.get(1) >= 178, "gaps " + gaps);
        assertTrue(gaps.get(2) >= 358, "gaps " + gaps);
        assertTrue(gaps.get(2) > gaps.get(0) * 2, "gaps " + gaps);
    }

    @Test
    void aClientErrorAfterARetryableOneIsNotRetried() throws Exception {
        // Camel keeps the previous clause's redelivery policy when no clause matches the new
        // exception: without a clause for the non-retryable errors a 404 after a 503 was retried
        addRetryRoute("direct:x", GET_URI);
        stubSequence(
                "/api/v1/calls/c1",
                status(503),
                aResponse().withStatus(404).withBody("{\"error\":\"Call not found\"}"));
        dead().expectedMessageCount(1);

        sendBounded("direct:x", "in");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/calls/c1")));
        assertInstanceOf(
                PhoneIncNotFoundException.class,
                dead().getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
    }

    @Test
    void aRateLimitBeyondMaxRetryAfterAfterARetryableErrorIsNotRetried() throws Exception {
        addRetryRoute("direct:x", GET_URI + "&maxRetryAfter=1000");
        stubSequence("/api/v1/calls/c1", status(503), status(429).withHeader("Retry-After", "60"));
        dead().expectedMessageCount(1);

        sendBounded("direct:x", "in");

        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/calls/c1")));
        PhoneIncRateLimitException e =
                assertInstanceOf(
                        PhoneIncRateLimitException.class,
                        dead().getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertEquals(false, e.isRetryable());
    }

    @Test
    void theDefaultConfigurationAppliesToARouteThatNamesNone() throws Exception {
        context.addRoutes(
                com.example.phoneinc.errorhandling.PhoneIncErrorHandling.defaultRouteConfiguration(
                        "mock:dead"));
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:unnamed").to(GET_URI).to("mock:ok");
                    }
                });
        stubSequence("/api/v1/calls/c1", status(503), okJson(CALL_JSON));

        Exchange out = sendBounded("direct:unnamed", "in");

        assertNull(out.getException());
        assertEquals(1, ok().getReceivedCounter());
        assertEquals(2, HITS.size(), "503 retried once after the documented 1 s, then 200");

        wireMock.resetAll();
        HITS.clear();
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(status(404)));
        Exchange notFound = sendBounded("direct:unnamed", "in");
        assertEquals(1, HITS.size(), "404 is final");
        assertEquals(1, dead().getReceivedCounter());
        assertInstanceOf(
                PhoneIncNotFoundException.class,
                notFound.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    @Test
    void backoffJitterDoesNotCompound() {
        PhoneIncBackoff backoff = new PhoneIncBackoff(100, 1000, 0.1);
        for (int n = 0; n <= 6; n++) {
            double nominal = Math.min(1000, 100 * Math.pow(2, n));
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < 200; i++) {
                long d = backoff.delayFor(n);
                min = Math.min(min, d);
                max = Math.max(max, d);
                assertTrue(
                        d >= Math.floor(nominal * 0.9) && d <= Math.ceil(nominal * 1.1),
                        "delayFor(" + n + ") = " + d);
                assertTrue(d <= 1000, "cap: delayFor(" + n + ") = " + d);
            }
            // the jitter is really applied (200 draws of ±10 % cover more than ±3 %)
            if (nominal < 1000) {
                assertTrue(
                        min < nominal * 0.97 && max > nominal * 1.03, n + ": " + min + ".." + max);
            } else {
                assertTrue(min < 970, n + ": " + min + ".." + max);
            }
        }
        assertEquals(1000, new PhoneIncBackoff(100, 1000, 0).delayFor(Integer.MAX_VALUE));
        assertEquals(100, new PhoneIncBackoff(100, 1000, 0).delayFor(0));
        assertEquals(800, new PhoneIncBackoff(100, 1000, 0).delayFor(3));
    }

    @Test
    void backoffProcessorUsesTheAttemptThatFailed() {
        // Camel sets CamelRedeliveryCounter to 1 before onExceptionOccurred on the first failure
        PhoneIncBackoff backoff = new PhoneIncBackoff(100, 1000, 0);
        Exchange exchange = new DefaultExchange(context);
        exchange.setException(
                new PhoneIncServerException(
                        "boom",
                        new PhoneIncRequestInfo("GET", "/calls", 503, null, null, null, true)));
        for (int counter = 1; counter <= 4; counter++) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, counter);
            backoff.process(exchange);
            assertEquals(
                    100L << (counter - 1),
                    exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class));
        }
        // a 429 keeps the delay the producer took from Retry-After
        exchange.setException(
                new PhoneIncRateLimitException(
                        "slow down",
                        new PhoneIncRequestInfo("GET", "/calls", 429, null, null, null, true),
                        Duration.ofSeconds(7),
                        true));
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 1);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 7000L);
        backoff.process(exchange);
        assertEquals(7000L, exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void waitingForRetryAfterDoesNotPinThreads() throws Exception {
        addRetryRoute("direct:x", GET_URI);
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(status(429).withHeader("Retry-After", "1")));
        int n = 50;
        ok().expectedMessageCount(n);
        dead().expectedMessageCount(0);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // warm up: start the producer, HTTP client and the redelivery thread pool
        AsyncProducer producer = context.getEndpoint("direct:x").createAsyncProducer();
        producer.start();
        int before = threads.getThreadCount();

        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("m" + i);
            producer.process(
                    exchange,
                    sync -> {
                        if (exchange.getException() != null) {
                            failed.incrementAndGet();
                        }
                        done.countDown();
                    });
        }
        // all 50 are now waiting out the Retry-After: sample the thread count meanwhile
        int during = 0;
        for (int i = 0; i < 8; i++) {
            Thread.sleep(50);
            during = Math.max(during, threads.getThreadCount());
        }
        assertEquals(n, done.getCount(), "all exchanges are still waiting");
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL_JSON)));

        assertTrue(done.await(10, TimeUnit.SECONDS), "all exchanges complete");
        System.out.println(
                "RetryPolicyRouteTest threads before=" + before + " during wait=" + during);
        assertEquals(0, failed.get());
        MockEndpoint.assertIsSatisfied(context, 5, TimeUnit.SECONDS);
        assertTrue(during - before < 20, "threads grew from " + before + " to " + during);
        producer.stop();
    }
}
