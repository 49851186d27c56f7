package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncAuthenticationException.Reason;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncReauthorizationRequiredException;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.auth.PhoneIncTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.DefaultProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A 401 on an OAuth call: refresh once (only if the refused token is still the current one) and
 * replay once; revoked tokens and refused refreshes end the credential; a refresh that could not be
 * done now is retryable and changes nothing.
 */
@TransportModes
class OAuthReplayTest extends OAuthTestSupport {

    @Parameter boolean synchronous;

    @Override
    protected boolean synchronous() {
        return synchronous;
    }

    private static final String CALLS = "phoneinc:calls";
    private static final String EXPIRED = "The access token expired";
    private static final String REVOKED = "The access token was revoked";

    @Test
    void expiredTokenIsRefreshedAndTheCallReplayedOnce() throws Exception {
        wireMock.stubFor(apiWith(OLD_ACCESS).willReturn(unauthorized(EXPIRED)));
        stubApiOk(NEW_ACCESS);
        stubTokenOk();

        Exchange out = send(CALLS, null);

        assertNull(out.getException());
        assertEquals(200, out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals(1, tokenHits());
        wireMock.verify(1, refreshWith(OLD_REFRESH));
        assertEquals(2, apiHits());
        assertEquals(1, apiHitsWith(OLD_ACCESS));
        assertEquals(1, apiHitsWith(NEW_ACCESS));
        PhoneIncTokens saved = store.load().orElseThrow();
        assertEquals(NEW_ACCESS, saved.accessToken());
        assertEquals(NEW_REFRESH, saved.refreshToken());
    }

    @Test
    void secondUnauthorizedAfterTheReplayIsFinal() throws Exception {
        wireMock.stubFor(apiWith(OLD_ACCESS).willReturn(unauthorized(EXPIRED)));
        wireMock.stubFor(apiWith(NEW_ACCESS).willReturn(unauthorized(EXPIRED)));
        stubTokenOk();

        // bounded: a replay loop must fail the test, not hang it
        Exchange out = template.asyncSend(CALLS, x -> {}).get(10, TimeUnit.SECONDS);

        PhoneIncAuthenticationException e =
                assertInstanceOf(PhoneIncAuthenticationException.class, out.getException());
        assertEquals(Reason.EXPIRED_TOKEN, e.getReason());
        assertEquals(401, e.getStatusCode());
        assertTrue(e.isRequestSent());
        assertFalse(e.isRetryable());
        assertEquals(1, tokenHits(), "no refresh loop");
        assertEquals(2, apiHits(), "no replay loop");
        assertEquals(1, apiHitsWith(NEW_ACCESS));
    }

    @Test
    void revokedTokenEndsTheCredentialWithoutRefresh() {
        wireMock.stubFor(apiWith(OLD_ACCESS).willReturn(unauthorized(REVOKED)));
        stubApiOk(NEW_ACCESS);
        stubTokenOk();

        Exchange out = send(CALLS, null);

        PhoneIncReauthorizationRequiredException e =
                assertInstanceOf(
                        PhoneIncReauthorizationRequiredException.class, out.getException());
        assertEquals(Reason.REVOKED_TOKEN, e.getReason());
        assertFalse(e.isRetryable());
        assertEquals(0, tokenHits());
        assertEquals(1, apiHits());

        // the grant is gone: later calls fail locally
        Exchange next = send(CALLS, null);
        PhoneIncReauthorizationRequiredException local =
                assertInstanceOf(
                        PhoneIncReauthorizationRequiredException.class, next.getException());
        assertFalse(local.isRequestSent());
        assertEquals(0, tokenHits());
        assertEquals(1, apiHits());
    }

    @Test
    void refreshAnsweredInvalidGrantEndsTheCredential() throws Exception {
        wireMock.stubFor(apiWith(OLD_ACCESS).willReturn(unauthorized(EXPIRED)));
        stubApiOk(NEW_ACCESS);
        stubToken(
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":\"invalid_grant\",\"error_description\":\"The"
                                        + " provided authorization grant is invalid\"}"));

        Exchange out = send(CALLS, null);

        PhoneIncReauthorizationRequiredException e =
                assertInstanceOf(
                        PhoneIncReauthorizationRequiredException.class, out.getException());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
        assertEquals(1, tokenHits());
        assertEquals(1, apiHits());

        Exchange next = send(CALLS, null);
        assertInstanceOf(PhoneIncReauthorizationRequiredException.class, next.getException());
        assertEquals(1, tokenHits(), "no further refresh");
        assertEquals(1, apiHits(), "no further API call");
        assertEquals(OLD_REFRESH, store.load().orElseThrow().refreshToken());
    }

    @Test
    void proactiveRefreshAnsweredInvalidGrantSendsNothing() {
        stubApiOk(OLD_ACCESS);
        stubToken(
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\"}"));
        clock.set(T.plusSeconds(1));

        Exchange out = send(CALLS, null);

        PhoneIncReauthorizationRequiredException e =
                assertInstanceOf(
                        PhoneIncReauthorizationRequiredException.class, out.getException());
        assertFalse(e.isRequestSent(), "the API call itself was not sent");
        assertNull(out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertInstanceOf(
                PhoneIncReauthorizationRequiredException.class, send(CALLS, null).getException());
        assertEquals(1, tokenHits());
        assertEquals(0, apiHits());
    }

    @Test
    void refreshAnswered503IsRetryableAndChangesNothing() throws Exception {
        wireMock.stubFor(apiWith(OLD_ACCESS).willReturn(unauthorized(EXPIRED)));
        stubApiOk(NEW_ACCESS);
        stubToken(aResponse().withStatus(503).withBody("{\"error\":\"Service Unavailable\"}"));

        Exchange out = send(CALLS, null);

        PhoneIncServerException e =
                assertInstanceOf(PhoneIncServerException.class, out.getException());
        assertTrue(e.isRetryable());
        assertEquals(503, e.getStatusCode());
        assertEquals(1, tokenHits());
        assertEquals(1, apiHits());
        assertEquals(
                new PhoneIncTokens(OLD_ACCESS, OLD_REFRESH, T, "api"),
                store.load().orElseThrow(),
                "tokens unchanged");

        // the next call sends the (unchanged) token again, is refused, and refreshes again
        stubTokenOk();
        Exchange next = send(CALLS, null);
        assertNull(next.getException());
        assertEquals(2, tokenHits());
        wireMock.verify(2, refreshWith(OLD_REFRESH));
        assertEquals(2, apiHitsWith(OLD_ACCESS));
        assertEquals(1, apiHitsWith(NEW_ACCESS));
    }

    @Test
    void refreshAnswered429IsARetryableRateLimitWithItsRetryAfter() throws Exception {
        wireMock.stubFor(apiWith(OLD_ACCESS).willReturn(unauthorized(EXPIRED)));
        stubToken(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        Exchange out = send(CALLS, null);

        PhoneIncRateLimitException e =
                assertInstanceOf(PhoneIncRateLimitException.class, out.getException());
        assertTrue(e.isRetryable());
        assertEquals(java.time.Duration.ofSeconds(7), e.getRetryAfter().orElseThrow());
        assertEquals(7000L, out.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class));
        assertEquals(1, tokenHits());
        assertEquals(
                new PhoneIncTokens(OLD_ACCESS, OLD_REFRESH, T, "api"),
                store.load().orElseThrow(),
                "tokens unchanged");
    }

    @Test
    void proactiveRefreshAnswered503IsRetriedByTheNextCall() throws Exception {
        stubApiOk(NEW_ACCESS);
        stubToken(aResponse().withStatus(503));
        clock.set(T.minus(Duration.ofMinutes(1)));

        PhoneIncServerException e =
                assertInstanceOf(PhoneIncServerException.class, send(CALLS, null).getException());
        assertTrue(e.isRetryable());
        assertEquals(0, apiHits());
        assertEquals(OLD_ACCESS, store.load().orElseThrow().accessToken());

        stubTokenOk();
        assertNull(send(CALLS, null).getException());
        assertEquals(2, tokenHits());
        assertEquals(1, apiHitsWith(NEW_ACCESS));
    }

    @Test
    void refreshWithoutAnswerIsARetryableConnectionFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        context.getComponent("phoneinc", PhoneIncComponent.class)
                .getConfiguration()
                .setOauthBaseUrl("http://127.0.0.1:" + closed);
        stubApiOk(NEW_ACCESS);
        clock.set(T.minus(Duration.ofMinutes(1)));

        Exchange out = send(CALLS, null);

        PhoneIncConnectionException e =
                assertInstanceOf(PhoneIncConnectionException.class, out.getException());
        assertTrue(e.isRetryable());
        assertEquals(0, apiHits());
        assertEquals(OLD_ACCESS, store.load().orElseThrow().accessToken());
    }

    @Test
    void concurrentUnauthorizedWithTheSameOldTokenShareOneRefresh() throws Exception {
        // every exchange must be sent with the old token before the refresh ends: the 401s come
        // late enough for all 20 to start on a loaded machine
        wireMock.stubFor(
                apiWith(OLD_ACCESS).willReturn(unauthorized(EXPIRED).withFixedDelay(1000)));
        stubApiOk(NEW_ACCESS);
        stubToken(okJson(tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)).withFixedDelay(300));

        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        DefaultProducerTemplate concurrent = new DefaultProducerTemplate(context, pool);
        concurrent.start();
        try {
            List<CompletableFuture<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(concurrent.asyncRequestBody(CALLS, null));
            }
            for (CompletableFuture<Object> f : futures) {
                assertNotNull(f.get(20, TimeUnit.SECONDS));
            }
        } finally {
            concurrent.stop();
            pool.shutdownNow();
        }

        assertEquals(1, tokenHits(), "one refresh for all refused exchanges");
        assertEquals(n, apiHitsWith(OLD_ACCESS));
        assertEquals(n, apiHitsWith(NEW_ACCESS));
    }

    /**
     * Phone.inc (Doorkeeper) revokes the old access token when it rotates the refresh token. An
     * exchange still in flight with the old token then hears "revoked" about a token that is no
     * longer the current one: another exchange already refreshed, so it replays with the new token
     * instead of ending the credential.
     */
    @Test
    void revokedAnswerForATokenAlreadyRefreshedAwayReplaysWithTheNewToken() throws Exception {
        // c1: answered at once "expired" -> refresh; c2: answered later "revoked" (by the rotation)
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c1"))
                        .withHeader("Authorization", equalTo("Bearer " + OLD_ACCESS))
                        .willReturn(unauthorized(EXPIRED)));
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c2"))
                        .withHeader("Authorization", equalTo("Bearer " + OLD_ACCESS))
                        // late enough for c1's refresh to be done first, even on a loaded machine
                        .willReturn(unauthorized(REVOKED).withFixedDelay(2000)));
        wireMock.stubFor(
                apiWith(NEW_ACCESS).willReturn(okJson("{\"id\":\"c\",\"direction\":\"inbound\"}")));
        stubTokenOk();

        CompletableFuture<Exchange> slow = template.asyncSend("phoneinc:calls/get?id=c2", e -> {});
        // c2 is on the wire with the old token (WireMock logs it before its delay)
        Await.until(() -> apiHitsWith(OLD_ACCESS) == 1, "c2 on the wire", Duration.ofSeconds(10));
        Exchange fast = send("phoneinc:calls/get?id=c1", null);
        Exchange late = slow.get(10, TimeUnit.SECONDS);

        assertNull(fast.getException());
        assertNull(late.getException(), () -> String.valueOf(late.getException()));
        assertEquals(1, tokenHits());
        assertEquals(2, apiHitsWith(OLD_ACCESS));
        assertEquals(2, apiHitsWith(NEW_ACCESS));
        // and the credential goes on working
        assertNull(send("phoneinc:calls/get?id=c3", null).getException());
        assertEquals(1, tokenHits());
    }

    /** The same, when the "revoked" answer arrives while the refresh is still in flight. */
    @Test
    void revokedAnswerWhileTheRefreshIsInFlightWaitsForItAndReplays() throws Exception {
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c1"))
                        .withHeader("Authorization", equalTo("Bearer " + OLD_ACCESS))
                        .willReturn(unauthorized(EXPIRED)));
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c2"))
                        .withHeader("Authorization", equalTo("Bearer " + OLD_ACCESS))
                        // after c1's 401 has started the refresh, before the refresh ends
                        .willReturn(unauthorized(REVOKED).withFixedDelay(1500)));
        wireMock.stubFor(
                apiWith(NEW_ACCESS).willReturn(okJson("{\"id\":\"c\",\"direction\":\"inbound\"}")));
        stubToken(okJson(tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)).withFixedDelay(3000));

        CompletableFuture<Exchange> slow = template.asyncSend("phoneinc:calls/get?id=c2", e -> {});
        // c2 is on the wire with the old token (WireMock logs it before its delay)
        Await.until(() -> apiHitsWith(OLD_ACCESS) == 1, "c2 on the wire", Duration.ofSeconds(10));
        Exchange fast = send("phoneinc:calls/get?id=c1", null);
        Exchange late = slow.get(10, TimeUnit.SECONDS);

        assertNull(fast.getException());
        assertNull(late.getException(), () -> String.valueOf(late.getException()));
        assertEquals(1, tokenHits());
        assertEquals(2, apiHitsWith(OLD_ACCESS));
        assertEquals(2, apiHitsWith(NEW_ACCESS));
    }

    @Test
    void storeThatCannotSaveKeepsTheRefreshedTokensInMemory() throws Exception {
        wireMock.stubFor(apiWith(OLD_ACCESS).willReturn(unauthorized(EXPIRED)));
        stubApiOk(NEW_ACCESS);
        stubTokenOk();
        context.getComponent("phoneinc", PhoneIncComponent.class)
                .getConfiguration()
                .setTokenStore(
                        new PhoneIncTokenStore() {
                            private PhoneIncTokens tokens =
                                    new PhoneIncTokens(OLD_ACCESS, OLD_REFRESH, T, "api");

                            @Override
                            public Optional<PhoneIncTokens> load() {
                                return Optional.of(tokens);
                            }

                            @Override
                            public void save(PhoneIncTokens t) throws IOException {
                                throw new IOException("disk full");
                            }
                        });

        assertNull(send(CALLS, null).getException());
        assertNull(send(CALLS, null).getException());
        assertEquals(1, tokenHits());
        assertEquals(2, apiHitsWith(NEW_ACCESS));
    }
}
