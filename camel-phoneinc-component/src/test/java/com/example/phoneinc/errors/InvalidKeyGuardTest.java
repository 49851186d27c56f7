package com.example.phoneinc.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.example.phoneinc.TransportModes;
import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncAuthenticationException.Reason;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The invalid-key guard: Phone.inc blocks an IP for 60 s after 10 invalid-key attempts in 60 s, so
 * a wrong key must reach Phone.inc about once, however many exchanges use it.
 */
@TransportModes
class InvalidKeyGuardTest extends ErrorTestSupport {

    @Parameter boolean synchronous;

    @Override
    protected boolean synchronous() {
        return synchronous;
    }

    static final String WRONG_KEY = "phk_WrongKey0000000000000000000000000";
    private static final String WRONG = "phoneinc:calls/get?id=c1&apiKey=" + WRONG_KEY;
    private static final String GOOD = "phoneinc:calls/get?id=c1";
    private static final String CALL_JSON = "{\"id\":\"c1\",\"from\":\"+14155550101\"}";

    private static ResponseDefinitionBuilder invalidApiKey() {
        return aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"Invalid API key\"}");
    }

    private void stubKeys(ResponseDefinitionBuilder forWrongKey) {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .withHeader("X-Api-Key", equalTo(WRONG_KEY))
                        .willReturn(forWrongKey));
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .withHeader("X-Api-Key", equalTo(API_KEY))
                        .willReturn(okJson(CALL_JSON)));
    }

    private long hitsWith(String key) {
        return HITS.stream().filter(h -> key.equals(h.apiKey())).count();
    }

    @Test
    void sequentialCallsWithAWrongKeyReachPhoneIncOnce() {
        stubKeys(invalidApiKey());

        List<PhoneIncAuthenticationException> failures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            failures.add(failure(sendBounded(WRONG, null), PhoneIncAuthenticationException.class));
        }

        assertEquals(1, HITS.size());
        PhoneIncAuthenticationException first = failures.get(0);
        assertTrue(first.isRequestSent());
        assertEquals(401, first.getStatusCode());
        assertEquals(Reason.INVALID_API_KEY, first.getReason());
        for (PhoneIncAuthenticationException e : failures.subList(1, 100)) {
            assertFalse(e.isRequestSent());
            assertFalse(e.isRetryable());
            assertEquals(0, e.getStatusCode());
            assertEquals(Reason.INVALID_API_KEY, e.getReason());
            assertTrue(e.getMessage().contains("invalidKeyBlockTime"), e.getMessage());
            assertEquals("GET", e.getMethod());
            assertEquals("/calls/c1", e.getPath());
        }
    }

    @Test
    void concurrentCallsWithAWrongKeyReachPhoneIncOnce() throws Exception {
        // a slow 401, so the other 99 arrive while the first one (the probe) is on its way
        stubKeys(invalidApiKey().withFixedDelay(300));

        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(template.asyncRequestBody(WRONG, null));
        }
        int sent = 0;
        for (Future<Object> f : futures) {
            PhoneIncAuthenticationException e = authFailure(f);
            assertEquals(Reason.INVALID_API_KEY, e.getReason());
            sent += e.isRequestSent() ? 1 : 0;
        }

        assertEquals(1, sent, "one probe was sent, the others waited for its answer");
        assertEquals(1, HITS.size());
    }

    private static PhoneIncAuthenticationException authFailure(Future<Object> future)
            throws InterruptedException {
        try {
            Object body = future.get(EXCHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return fail("expected a failure, got " + body);
        } catch (ExecutionException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PhoneIncAuthenticationException auth) {
                    return auth;
                }
            }
            throw new AssertionError("unexpected failure", e);
        } catch (TimeoutException e) {
            throw new AssertionError("a waiting call was never released", e);
        }
    }

    @Test
    void afterTheBlockTimeTheKeyIsTriedAgain() throws Exception {
        stubKeys(invalidApiKey());
        // long enough that two calls in a row fall inside it even on a loaded machine
        String uri = WRONG + "&invalidKeyBlockTime=1000";

        assertTrue(
                failure(sendBounded(uri, null), PhoneIncAuthenticationException.class)
                        .isRequestSent());
        assertFalse(
                failure(sendBounded(uri, null), PhoneIncAuthenticationException.class)
                        .isRequestSent());
        Thread.sleep(1100);
        assertTrue(
                failure(sendBounded(uri, null), PhoneIncAuthenticationException.class)
                        .isRequestSent());
        assertFalse(
                failure(sendBounded(uri, null), PhoneIncAuthenticationException.class)
                        .isRequestSent());

        assertEquals(2, HITS.size());
    }

    @Test
    void blockTimeZeroDisablesTheGuard() {
        stubKeys(invalidApiKey());

        for (int i = 0; i < 5; i++) {
            PhoneIncAuthenticationException e =
                    failure(
                            sendBounded(WRONG + "&invalidKeyBlockTime=0", null),
                            PhoneIncAuthenticationException.class);
            assertTrue(e.isRequestSent());
        }

        assertEquals(5, HITS.size());
    }

    @Test
    void aGoodKeyIsNotBlockedByAnotherKeysRejection() {
        stubKeys(invalidApiKey());

        failure(sendBounded(WRONG, null), PhoneIncAuthenticationException.class);
        Exchange good = sendBounded(GOOD, null);
        PhoneIncAuthenticationException again =
                failure(sendBounded(WRONG, null), PhoneIncAuthenticationException.class);

        assertNull(good.getException());
        assertFalse(again.isRequestSent());
        assertEquals(1, hitsWith(WRONG_KEY));
        assertEquals(1, hitsWith(API_KEY));
    }

    @Test
    void aRateLimitBlocksEveryCallToTheHostUntilRetryAfterHasPassed() throws Exception {
        // long enough for the four calls below (three of them new endpoints) to fall inside it
        // even on a loaded machine
        long retryAfterMillis = 3000;
        wireMock.stubFor(
                any(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Retry-After", "3")
                                        .withBody(
                                                "{\"error\":\"Too many failed API key attempts."
                                                        + " Wait a moment and try again.\"}")));

        PhoneIncRateLimitException first =
                failure(sendBounded(GOOD, null), PhoneIncRateLimitException.class);
        // the block started before the exchange completed, so it ends within 3 s from here
        long blockedAt = System.nanoTime();
        assertTrue(first.isRequestSent());

        // other operations and other keys of the same host fail locally now
        for (String uri :
                List.of(GOOD, "phoneinc:contacts", WRONG, "phoneinc:voicemails/get?id=v1")) {
            Exchange out = sendBounded(uri, null);
            PhoneIncRateLimitException e = failure(out, PhoneIncRateLimitException.class);
            assertFalse(e.isRequestSent(), uri);
            assertTrue(e.isRetryable(), uri);
            long remaining = e.getRetryAfter().orElseThrow().toMillis();
            assertTrue(remaining > 0 && remaining <= retryAfterMillis, uri + ": " + remaining);
            long delay = out.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
            assertTrue(delay > 0 && delay <= retryAfterMillis, uri + ": delay " + delay);
        }
        assertEquals(1, HITS.size());

        wireMock.resetAll();
        stubKeys(invalidApiKey());
        long waitNanos =
                Duration.ofMillis(retryAfterMillis + 50).toNanos()
                        - (System.nanoTime() - blockedAt);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, waitNanos));

        Exchange after = sendBounded(GOOD, null);
        assertNull(after.getException());
        assertEquals(2, HITS.size());
    }

    @Test
    void withTheShippedRouteConfigurationA401GoesToTheDeadLetterAfterOneHit() throws Exception {
        stubKeys(invalidApiKey());
        addRetryRoute("direct:x", WRONG);
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedBodiesReceived("first", "second");

        sendBounded("direct:x", "first");
        sendBounded("direct:x", "second");

        dead.assertIsSatisfied(5, TimeUnit.SECONDS);
        assertEquals(0, getMockEndpoint("mock:ok").getReceivedCounter());
        PhoneIncAuthenticationException sent =
                assertInstanceOf(
                        PhoneIncAuthenticationException.class,
                        dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        PhoneIncAuthenticationException local =
                assertInstanceOf(
                        PhoneIncAuthenticationException.class,
                        dead.getExchanges().get(1).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertTrue(sent.isRequestSent());
        assertFalse(local.isRequestSent());
        assertEquals(1, HITS.size());
    }

    @Test
    void concurrentFirstCallsWithAGoodKeyAllGoThrough() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(okJson(CALL_JSON).withFixedDelay(100)));

        List<Future<Exchange>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(template.asyncSend(GOOD, e -> {}));
        }
        for (Future<Exchange> f : futures) {
            assertNull(await(f).getException());
        }

        assertEquals(100, HITS.size());
    }
}
