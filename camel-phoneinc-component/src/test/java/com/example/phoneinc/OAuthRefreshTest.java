package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.auth.PhoneIncTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.DefaultProducerTemplate;
import org.junit.jupiter.api.Test;

/**
 * Proactive refresh: the access token is refreshed before the call when less than {@code
 * refreshThreshold} (5 min) of its life remains, once however many exchanges need it, and a rotated
 * refresh token replaces the old one in the store.
 */
class OAuthRefreshTest extends OAuthTestSupport {

    /** The seeded store is the {@code tokenStore} bean. */
    private static final String CALLS = "phoneinc:calls?tokenStore=#tokenStore";

    @Test
    void outsideThresholdUsesCurrentTokenWithoutRefresh() throws Exception {
        stubTokenOk();
        stubApiOk(OLD_ACCESS);
        clock.set(T.minus(Duration.ofMinutes(6)));

        Exchange out = send(CALLS, null);

        assertNull(out.getException());
        assertEquals(0, tokenHits());
        assertEquals(1, apiHitsWith(OLD_ACCESS));
        wireMock.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/calls"))
                        .withHeader("Authorization", equalTo("Bearer " + OLD_ACCESS))
                        .withHeader("X-Api-Key", absent()));
        assertEquals(OLD_ACCESS, store.load().orElseThrow().accessToken());
    }

    @Test
    void insideThresholdRefreshesOnceBeforeTheCall() throws Exception {
        stubTokenOk();
        stubApiOk(NEW_ACCESS);
        clock.set(T.minus(Duration.ofMinutes(4)));

        Exchange out = send(CALLS, null);

        assertNull(out.getException());
        assertEquals(1, tokenHits());
        wireMock.verify(1, refreshWith(OLD_REFRESH));
        assertEquals(0, apiHitsWith(OLD_ACCESS));
        assertEquals(1, apiHitsWith(NEW_ACCESS));

        PhoneIncTokens saved = store.load().orElseThrow();
        assertEquals(NEW_ACCESS, saved.accessToken());
        assertEquals(NEW_REFRESH, saved.refreshToken(), "the rotated refresh token is stored");
        assertEquals(clock.instant().plusSeconds(3600), saved.expiresAt());
        assertEquals("api", saved.scope());

        // the new token is good for an hour: no further refresh
        assertNull(send(CALLS, null).getException());
        assertEquals(1, tokenHits());
        assertEquals(2, apiHitsWith(NEW_ACCESS));
    }

    @Test
    void rotatedRefreshTokenIsUsedForTheNextRefreshAndTheOldOneNever() throws Exception {
        String newest = "at_NEWEST_Wq8Er2Ty6Ui0";
        String newestRefresh = "rt_NEWEST_Pl3Ok7Ij1Uh5";
        wireMock.stubFor(
                post(urlEqualTo("/oauth/token"))
                        .withFormParam("refresh_token", equalTo(OLD_REFRESH))
                        .willReturn(okJson(tokenJson(NEW_ACCESS, NEW_REFRESH, 3600))));
        wireMock.stubFor(
                post(urlEqualTo("/oauth/token"))
                        .withFormParam("refresh_token", equalTo(NEW_REFRESH))
                        .willReturn(okJson(tokenJson(newest, newestRefresh, 3600))));
        stubApiOk(NEW_ACCESS);
        stubApiOk(newest);
        clock.set(T.minus(Duration.ofMinutes(4)));

        assertNull(send(CALLS, null).getException());
        clock.advance(Duration.ofMinutes(56)); // 4 minutes left of the new token
        assertNull(send(CALLS, null).getException());

        assertEquals(2, tokenHits());
        wireMock.verify(1, refreshWith(OLD_REFRESH));
        wireMock.verify(1, refreshWith(NEW_REFRESH));
        assertEquals(1, apiHitsWith(NEW_ACCESS));
        assertEquals(1, apiHitsWith(newest));
        PhoneIncTokens saved = store.load().orElseThrow();
        assertEquals(newest, saved.accessToken());
        assertEquals(newestRefresh, saved.refreshToken());
    }

    @Test
    void answerWithoutRefreshTokenKeepsTheOldOne() throws Exception {
        stubToken(okJson(tokenJson(NEW_ACCESS, null, 3600)));
        stubApiOk(NEW_ACCESS);
        clock.set(T.minus(Duration.ofMinutes(4)));

        assertNull(send(CALLS, null).getException());

        PhoneIncTokens saved = store.load().orElseThrow();
        assertEquals(NEW_ACCESS, saved.accessToken());
        assertEquals(OLD_REFRESH, saved.refreshToken());

        clock.advance(Duration.ofMinutes(57));
        assertNull(send(CALLS, null).getException());
        assertEquals(2, tokenHits());
        wireMock.verify(2, refreshWith(OLD_REFRESH));
    }

    /**
     * {@code expires_in} counts from the answer (RFC 6749 §5.1; Doorkeeper sends the seconds that
     * remain). A {@code created_at} from a server whose clock is behind ours — or of a reused token
     * — must not make a fresh token look expired and refresh on every call.
     */
    @Test
    void expiryCountsFromTheAnswerNotFromServerCreatedAt() throws Exception {
        clock.set(T.minus(Duration.ofMinutes(4)));
        long serverCreatedAt = clock.instant().minus(Duration.ofMinutes(70)).getEpochSecond();
        stubToken(
                okJson(
                        "{\"access_token\":\""
                                + NEW_ACCESS
                                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                                + "\"refresh_token\":\""
                                + NEW_REFRESH
                                + "\",\"scope\":\"api\",\"created_at\":"
                                + serverCreatedAt
                                + "}"));
        stubApiOk(NEW_ACCESS);

        assertNull(send(CALLS, null).getException());
        assertNull(send(CALLS, null).getException());
        assertNull(send(CALLS, null).getException());

        assertEquals(1, tokenHits());
        assertEquals(3, apiHitsWith(NEW_ACCESS));
        assertEquals(clock.instant().plusSeconds(3600), store.load().orElseThrow().expiresAt());
    }

    @Test
    void twoHundredConcurrentExchangesAcrossExpiryShareOneRefresh() throws Exception {
        stubToken(okJson(tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)).withFixedDelay(300));
        stubApiOk(NEW_ACCESS);
        stubApiOk(OLD_ACCESS);
        context.getComponent("phoneinc", PhoneIncComponent.class)
                .getConfiguration()
                .setMaxConnections(200);
        // start the producer (and its token manager) with the old token, still valid
        assertNull(send(CALLS, null).getException());
        assertEquals(1, apiHitsWith(OLD_ACCESS));
        assertEquals(0, tokenHits());
        // from now on the old token is refused: a call sent with it would be noticed
        wireMock.stubFor(apiWith(OLD_ACCESS).willReturn(unauthorized("The access token expired")));

        clock.set(T.plusSeconds(10)); // expired
        int n = 200;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        DefaultProducerTemplate concurrent = new DefaultProducerTemplate(context, pool);
        concurrent.start();
        try {
            List<CompletableFuture<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(concurrent.asyncRequestBody(CALLS, null));
            }
            int ok = 0;
            for (CompletableFuture<Object> f : futures) {
                assertTrue(f.get(20, TimeUnit.SECONDS) instanceof List<?>);
                ok++;
            }
            assertEquals(n, ok);
        } finally {
            concurrent.stop();
            pool.shutdownNow();
        }

        assertEquals(1, tokenHits(), "exactly one refresh for all exchanges");
        wireMock.verify(1, refreshWith(OLD_REFRESH));
        assertEquals(1, apiHitsWith(OLD_ACCESS), "only the warm-up call used the old token");
        assertEquals(n, apiHitsWith(NEW_ACCESS));
        assertEquals(NEW_REFRESH, store.load().orElseThrow().refreshToken());
    }

    @Test
    void refreshIsNotTriggeredByTokensWithoutKnownExpiry() throws Exception {
        store.save(new PhoneIncTokens(OLD_ACCESS, OLD_REFRESH, null, null));
        stubTokenOk();
        stubApiOk(OLD_ACCESS);
        clock.set(Instant.parse("2099-01-01T00:00:00Z"));

        assertNull(send(CALLS, null).getException());
        assertEquals(0, tokenHits());
        assertEquals(1, apiHitsWith(OLD_ACCESS));
    }
}
