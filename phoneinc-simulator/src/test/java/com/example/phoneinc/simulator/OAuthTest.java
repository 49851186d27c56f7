package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.assertJson;
import static com.example.phoneinc.simulator.SimHttp.example;
import static com.example.phoneinc.simulator.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuthTest {

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final String REDIRECT = "http://localhost:8765/callback";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-12T16:00:00Z"));

    @RegisterExtension
    static final PhoneIncSimulatorExtension EXT =
            PhoneIncSimulatorExtension.withConfig(
                    () ->
                            PhoneIncSimulator.builder()
                                    .clock(CLOCK)
                                    .accessTokenLifetime(Duration.ofMinutes(10)));

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> query(String location) {
        Map<String, String> out = new HashMap<>();
        for (String kv : URI.create(location).getRawQuery().split("&")) {
            int eq = kv.indexOf('=');
            out.put(
                    URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static HttpResponse<String> authorize(SimHttp http, PhoneIncSimulator sim, String extra) {
        return http.send(
                "GET",
                "/oauth/authorize?response_type=code&client_id="
                        + sim.clientId()
                        + "&redirect_uri="
                        + enc(REDIRECT)
                        + "&state=xyz123&scope=api"
                        + extra,
                null);
    }

    static String code(SimHttp http, PhoneIncSimulator sim) {
        HttpResponse<String> r =
                authorize(
                        http, sim, "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256");
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        Map<String, String> q = query(location);
        assertEquals("xyz123", q.get("state"));
        return q.get("code");
    }

    static HttpResponse<String> form(SimHttp http, String path, String body) {
        return http.send("POST", path, body, "Content-Type", "application/x-www-form-urlencoded");
    }

    static HttpResponse<String> exchange(
            SimHttp http, PhoneIncSimulator sim, String code, String verifier) {
        return form(
                http,
                "/oauth/token",
                "grant_type=authorization_code&code="
                        + enc(code)
                        + "&redirect_uri="
                        + enc(REDIRECT)
                        + "&client_id="
                        + sim.clientId()
                        + "&code_verifier="
                        + verifier);
    }

    static HttpResponse<String> refresh(SimHttp http, PhoneIncSimulator sim, String refreshToken) {
        return form(
                http,
                "/oauth/token",
                "grant_type=refresh_token&refresh_token="
                        + enc(refreshToken)
                        + "&client_id="
                        + sim.clientId());
    }

    static HttpResponse<String> bearer(SimHttp http, String token) {
        return http.send("GET", "/api/v1/voicemails", null, "Authorization", "Bearer " + token);
    }

    @Test
    void rfc7636AppendixBVector() {
        assertEquals(CHALLENGE, OAuthServer.s256(VERIFIER));
    }

    @Test
    void authorizationCodeWithPkceThenApiCalls(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        String code = code(http, sim);
        HttpResponse<String> r = exchange(http, sim, code, VERIFIER);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode t = json(r);
        assertEquals(
                java.util.Set.of(
                        "access_token",
                        "token_type",
                        "expires_in",
                        "refresh_token",
                        "scope",
                        "created_at"),
                iterableToSet(t.fieldNames()));
        assertEquals("Bearer", t.get("token_type").asText());
        assertEquals(600, t.get("expires_in").asInt());
        assertEquals("api", t.get("scope").asText());
        assertEquals(CLOCK.instant().getEpochSecond(), t.get("created_at").asLong());
        // the token acts in company A
        HttpResponse<String> api = bearer(http, t.get("access_token").asText());
        assertEquals(200, api.statusCode());
        assertEquals(example("responses/voicemails.list.200.json"), json(api));
        // the code is single-use; reusing it also revokes what it issued
        assertJson(
                exchange(http, sim, code, VERIFIER),
                400,
                example("oauth/token.400.invalid-grant.json"));
        assertEquals(401, bearer(http, t.get("access_token").asText()).statusCode());
        assertEquals(1, sim.hits("GET", "/oauth/authorize"));
        assertEquals(2, sim.hits("POST", "/oauth/token"));
    }

    private static java.util.Set<String> iterableToSet(java.util.Iterator<String> it) {
        java.util.Set<String> s = new java.util.HashSet<>();
        it.forEachRemaining(s::add);
        return s;
    }

    @Test
    void wrongVerifierRedirectOrClientIsRejected(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        String code = code(http, sim);
        JsonNode invalidGrant = example("oauth/token.400.invalid-grant.json");
        assertJson(exchange(http, sim, code, "x".repeat(43)), 400, invalidGrant);
        assertJson(
                form(
                        http,
                        "/oauth/token",
                        "grant_type=authorization_code&code="
                                + enc(code)
                                + "&redirect_uri="
                                + enc("http://localhost:1/other")
                                + "&client_id="
                                + sim.clientId()
                                + "&code_verifier="
                                + VERIFIER),
                400,
                invalidGrant);
        assertJson(
                form(
                        http,
                        "/oauth/token",
                        "grant_type=authorization_code&code="
                                + enc(code)
                                + "&redirect_uri="
                                + enc(REDIRECT)
                                + "&client_id=someone-else&code_verifier="
                                + VERIFIER),
                401,
                example("oauth/token.401.invalid-client.json"));
        assertJson(
                form(
                        http,
                        "/oauth/token",
                        "grant_type=authorization_code&client_id=" + sim.clientId()),
                400,
                example("oauth/token.400.invalid-request.json"));
        assertEquals(
                "unsupported_grant_type",
                json(form(http, "/oauth/token", "grant_type=password&client_id=" + sim.clientId()))
                        .get("error")
                        .asText());
        assertJson(exchange(http, sim, "no-such-code", VERIFIER), 400, invalidGrant);
        // failed attempts did not burn the code
        assertEquals(200, exchange(http, sim, code, VERIFIER).statusCode());
    }

    @Test
    void expiredCodeIsInvalid(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        String code = code(http, sim);
        CLOCK.advance(Duration.ofMinutes(11));
        assertJson(
                exchange(http, sim, code, VERIFIER),
                400,
                example("oauth/token.400.invalid-grant.json"));
    }

    @Test
    void jsonTokenRequestsAreAccepted(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        String code = code(http, sim);
        String body =
                "{\"grant_type\":\"authorization_code\",\"code\":\""
                        + code
                        + "\",\"redirect_uri\":\""
                        + REDIRECT
                        + "\",\"client_id\":\""
                        + sim.clientId()
                        + "\",\"code_verifier\":\""
                        + VERIFIER
                        + "\"}";
        HttpResponse<String> r =
                http.send("POST", "/oauth/token", body, "Content-Type", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertNotNull(json(r).get("refresh_token"));
    }

    @Test
    void authorizeErrors(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        Map<String, String> noPkce =
                query(authorize(http, sim, "").headers().firstValue("Location").orElseThrow());
        assertEquals("invalid_request", noPkce.get("error"));
        assertEquals("xyz123", noPkce.get("state"));
        Map<String, String> plain =
                query(
                        authorize(
                                        http,
                                        sim,
                                        "&code_challenge="
                                                + VERIFIER
                                                + "&code_challenge_method=plain")
                                .headers()
                                .firstValue("Location")
                                .orElseThrow());
        assertEquals("invalid_request", plain.get("error"));
        HttpResponse<String> badType =
                http.send(
                        "GET",
                        "/oauth/authorize?response_type=token&client_id="
                                + sim.clientId()
                                + "&redirect_uri="
                                + enc(REDIRECT)
                                + "&code_challenge="
                                + CHALLENGE
                                + "&code_challenge_method=S256",
                        null);
        assertEquals(
                "unsupported_response_type",
                query(badType.headers().firstValue("Location").orElseThrow()).get("error"));
        Map<String, String> scope =
                query(
                        http.send(
                                        "GET",
                                        "/oauth/authorize?response_type=code&client_id="
                                                + sim.clientId()
                                                + "&redirect_uri="
                                                + enc(REDIRECT)
                                                + "&code_challenge="
                                                + CHALLENGE
                                                + "&code_challenge_method=S256&scope=admin",
                                        null)
                                .headers()
                                .firstValue("Location")
                                .orElseThrow());
        assertEquals("invalid_scope", scope.get("error"));
        // never redirect to an unregistered (non-loopback) URI or for an unknown client
        HttpResponse<String> evil =
                http.send(
                        "GET",
                        "/oauth/authorize?response_type=code&client_id="
                                + sim.clientId()
                                + "&redirect_uri="
                                + enc("https://evil.example.com/cb")
                                + "&code_challenge="
                                + CHALLENGE
                                + "&code_challenge_method=S256",
                        null);
        assertEquals(400, evil.statusCode());
        assertEquals("invalid_redirect_uri", json(evil).get("error").asText());
        HttpResponse<String> unknownClient =
                http.send(
                        "GET",
                        "/oauth/authorize?response_type=code&client_id=nobody&redirect_uri="
                                + enc(REDIRECT),
                        null);
        assertJson(unknownClient, 401, example("oauth/token.401.invalid-client.json"));
        sim.denyAuthorizations(true);
        Map<String, String> denied =
                query(
                        authorize(
                                        http,
                                        sim,
                                        "&code_challenge="
                                                + CHALLENGE
                                                + "&code_challenge_method=S256")
                                .headers()
                                .firstValue("Location")
                                .orElseThrow());
        assertEquals("access_denied", denied.get("error"));
        assertEquals(null, denied.get("code"));
    }

    @Test
    void refreshRotatesTokens(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        JsonNode first = json(exchange(http, sim, code(http, sim), VERIFIER));
        CLOCK.advance(Duration.ofMinutes(1));
        HttpResponse<String> r = refresh(http, sim, first.get("refresh_token").asText());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode second = json(r);
        assertNotEquals(first.get("access_token"), second.get("access_token"));
        assertNotEquals(first.get("refresh_token"), second.get("refresh_token"));
        assertEquals(first.get("created_at").asLong() + 60, second.get("created_at").asLong());
        assertEquals(200, bearer(http, second.get("access_token").asText()).statusCode());
        // the old refresh token is spent, the old access token revoked
        assertJson(
                refresh(http, sim, first.get("refresh_token").asText()),
                400,
                example("oauth/token.400.invalid-grant.json"));
        HttpResponse<String> old = bearer(http, first.get("access_token").asText());
        assertJson(old, 401, example("errors/401.oauth-revoked-token.json"));
        // and the new refresh token works once more
        assertEquals(200, refresh(http, sim, second.get("refresh_token").asText()).statusCode());
    }

    @Test
    void expiredAccessToken(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        TokenSet t = sim.issueTokens();
        assertEquals(200, bearer(http, t.accessToken()).statusCode());
        CLOCK.advance(Duration.ofMinutes(10));
        HttpResponse<String> r = bearer(http, t.accessToken());
        assertJson(r, 401, example("errors/401.oauth-expired-token.json"));
        assertEquals(
                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token expired\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
        // refresh still works after the access token expired
        JsonNode fresh = json(refresh(http, sim, t.refreshToken()));
        assertEquals(200, bearer(http, fresh.get("access_token").asText()).statusCode());
        // expiring by hand
        sim.expireAccessToken(fresh.get("access_token").asText());
        assertEquals(401, bearer(http, fresh.get("access_token").asText()).statusCode());
    }

    @Test
    void refreshTokenExpiresThirtyDaysAfterConsent(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        TokenSet t = sim.issueTokens();
        CLOCK.advance(Duration.ofDays(29));
        JsonNode second = json(refresh(http, sim, t.refreshToken()));
        CLOCK.advance(Duration.ofDays(2));
        assertJson(
                refresh(http, sim, second.get("refresh_token").asText()),
                400,
                example("oauth/token.400.invalid-grant.json"));
    }

    @Test
    void revokeAccessOrRefreshToken(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        TokenSet t = sim.issueTokens();
        HttpResponse<String> r =
                form(
                        http,
                        "/oauth/revoke",
                        "token="
                                + t.accessToken()
                                + "&token_type_hint=access_token&client_id="
                                + sim.clientId());
        assertJson(r, 200, example("oauth/revoke.200.json"));
        HttpResponse<String> api = bearer(http, t.accessToken());
        assertJson(api, 401, example("errors/401.oauth-revoked-token.json"));
        assertEquals(
                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token was revoked\"",
                api.headers().firstValue("WWW-Authenticate").orElseThrow());
        // the refresh token of the pair is revoked too
        assertEquals(400, refresh(http, sim, t.refreshToken()).statusCode());
        // revoking by refresh token kills the access token
        TokenSet t2 = sim.issueTokens();
        assertEquals(
                200,
                form(
                                http,
                                "/oauth/revoke",
                                "token=" + t2.refreshToken() + "&client_id=" + sim.clientId())
                        .statusCode());
        assertEquals(401, bearer(http, t2.accessToken()).statusCode());
        // unknown tokens: still 200 (RFC 7009); missing token: 400
        assertEquals(
                200,
                form(http, "/oauth/revoke", "token=unknown&client_id=" + sim.clientId())
                        .statusCode());
        assertEquals(
                "invalid_request",
                json(form(http, "/oauth/revoke", "client_id=" + sim.clientId()))
                        .get("error")
                        .asText());
        assertEquals(3, sim.hits("POST", "/oauth/revoke") - 1);
    }

    @Test
    void tokensOfTheOtherCompanySeeItsData(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        TokenSet b = sim.issueTokensForOtherCompany();
        assertEquals(1, json(bearer(http, b.accessToken())).get("voicemails").size());
        assertEquals(
                404,
                http.send(
                                "GET",
                                "/api/v1/voicemails/0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01",
                                null,
                                "Authorization",
                                "Bearer " + b.accessToken())
                        .statusCode());
    }
}
