package com.example.phoneinc.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.TransportModes;
import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncServerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A key not yet accepted by Phone.inc is probed by one call at a time. When Phone.inc is slow or
 * failing at that moment (an application starting during an outage), the calls waiting behind the
 * probe must still end within their requestTimeout, as retryable "not sent" failures, and a wrong
 * key must still reach Phone.inc only once.
 */
@TransportModes
class ColdKeyGuardTest extends ErrorTestSupport {

    @Parameter boolean synchronous;

    @Override
    protected boolean synchronous() {
        return synchronous;
    }

    /**
     * How long the probe is on its way in these tests (its timeout, or the server's delay below
     * it): the 64 calls must all have been admitted by then, or a late one becomes a second probe.
     * Long enough for that on a loaded 2-core machine.
     */
    private static final int REQUEST_TIMEOUT = 2000;

    /** Far above REQUEST_TIMEOUT: only calls that wait for the slow server take this long. */
    private static final int SERVER_DELAY = 8000;

    /** A probe's answer comes after this, well inside REQUEST_TIMEOUT. */
    private static final int PROBE_ANSWER_DELAY = REQUEST_TIMEOUT / 2;

    private static final String CALL = "phoneinc:calls/get?id=c1";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("phoneinc", PhoneIncComponent.class)
                .getConfiguration()
                .setRequestTimeout(REQUEST_TIMEOUT);
        return context;
    }

    /**
     * 64 exchanges in flight together; returns every exchange. Asynchronous calls are started from
     * this thread and waited for by 16 threads; synchronous ones need a thread each, so 64 threads
     * send (their waiting calls are released onto their own threads by the probe).
     */
    private List<Exchange> sixtyFourInFlight(String uri) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(synchronous ? 64 : 16);
        try {
            List<Callable<Exchange>> calls = new ArrayList<>();
            if (synchronous) {
                for (int i = 0; i < 64; i++) {
                    calls.add(() -> template.send(uri, e -> {}));
                }
            } else {
                for (int i = 0; i < 64; i++) {
                    Future<Exchange> f = template.asyncSend(uri, e -> {});
                    calls.add(() -> await(f));
                }
            }
            List<Exchange> done = new ArrayList<>();
            for (Future<Exchange> f : senders.invokeAll(calls)) {
                done.add(f.get(EXCHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void callsWaitingBehindASlowProbeEndWithinTheirTimeoutAsRetryableNotSent() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(okJson("{\"id\":\"c1\"}").withFixedDelay(SERVER_DELAY)));

        long start = System.nanoTime();
        List<Exchange> exchanges = sixtyFourInFlight(CALL);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        // before the fix all 64 were still open after 12 s; now each ends at its own deadline
        assertTrue(
                tookMillis < SERVER_DELAY,
                "64 exchanges took " + tookMillis + " ms, more than the server's delay");
        int sent = 0;
        for (Exchange e : exchanges) {
            PhoneIncConnectionException failure = failure(e, PhoneIncConnectionException.class);
            assertTrue(failure.isRetryable());
            if (failure.isRequestSent()) {
                sent++; // the probe: it timed out on the wire
                assertTrue(failure.getMessage().contains("requestTimeout"), failure.getMessage());
            } else {
                assertTrue(failure.getMessage().contains("not sent"), failure.getMessage());
                assertTrue(failure.getMessage().contains("Safe to retry"), failure.getMessage());
            }
        }
        assertEquals(1, sent, "one probe was sent for the unverified key");
        assertEquals(1, journalHits());
    }

    @Test
    void aServerErrorOnTheProbeFailsTheWaitingCallsAtOnceInsteadOfOneByOne() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(
                                aResponse().withStatus(503).withFixedDelay(PROBE_ANSWER_DELAY)));

        List<Exchange> exchanges = sixtyFourInFlight(CALL);

        int probes = 0;
        for (Exchange e : exchanges) {
            PhoneIncException failure = failure(e, PhoneIncException.class);
            assertTrue(failure.isRetryable(), failure.toString());
            if (failure.isRequestSent()) {
                probes++;
                assertInstanceOf(PhoneIncServerException.class, failure);
            } else {
                assertInstanceOf(PhoneIncConnectionException.class, failure);
                assertTrue(failure.getMessage().contains("answered 503"), failure.getMessage());
            }
        }
        // before the fix each 503 released one waiter as the next probe: 64 requests in a row
        assertEquals(1, probes);
        assertEquals(1, journalHits());
    }

    @Test
    void afterAnInconclusiveProbeTheNextCallProbesAgainAndAGoodKeyRecovers() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .inScenario("outage")
                        .whenScenarioStateIs(
                                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("up"));
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .inScenario("outage")
                        .whenScenarioStateIs("up")
                        .willReturn(okJson("{\"id\":\"c1\"}")));

        assertInstanceOf(PhoneIncServerException.class, sendBounded(CALL, null).getException());
        Exchange ok = sendBounded(CALL, null);
        assertNull(ok.getException());
        assertEquals(200, ok.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        // the key is now known to work: concurrent calls go out together (a longer timeout: 64
        // at once on a loaded 2-core machine may take more than REQUEST_TIMEOUT)
        List<Exchange> exchanges = sixtyFourInFlight(CALL + "&requestTimeout=10000");
        exchanges.forEach(e -> assertNull(e.getException()));
        assertEquals(66, journalHits());
    }

    @Test
    void aWrongKeyBehindASlowServerStillReachesPhoneIncOnlyOnce() throws Exception {
        String wrongKey = "phk_WrongKey0000000000000000000000000";
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .withHeader("X-Api-Key", equalTo(wrongKey))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"error\":\"Invalid API key\"}")
                                        .withFixedDelay(PROBE_ANSWER_DELAY)));

        List<Exchange> exchanges = sixtyFourInFlight(CALL + "&apiKey=" + wrongKey);

        int sent = 0;
        for (Exchange e : exchanges) {
            PhoneIncAuthenticationException failure =
                    failure(e, PhoneIncAuthenticationException.class);
            assertFalse(failure.isRetryable());
            sent += failure.isRequestSent() ? 1 : 0;
        }
        assertEquals(1, sent);
        assertEquals(1, journalHits());
    }
}
