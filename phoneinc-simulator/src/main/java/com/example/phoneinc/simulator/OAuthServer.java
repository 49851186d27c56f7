package com.example.phoneinc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Doorkeeper-like OAuth 2.0 authorization server: authorization code + PKCE (S256 only) for one
 * registered public client, refresh-token rotation, RFC 7009 revocation.
 */
final class OAuthServer {

    static final String SCOPE = "api";

    static final String DESC_INVALID_GRANT =
            "The provided authorization grant is invalid, expired, revoked, does not match the"
                    + " redirection URI used in the authorization request, or was issued to"
                    + " another client.";
    static final String DESC_INVALID_REQUEST =
            "The request is missing a required parameter, includes an unsupported parameter"
                    + " value, or is otherwise malformed.";
    static final String DESC_INVALID_CLIENT =
            "Client authentication failed due to unknown client, no client authentication"
                    + " included, or unsupported authentication method.";

    /** Why a bearer token was rejected; the texts are Doorkeeper's. */
    enum Rejection {
        INVALID("The access token is invalid"),
        EXPIRED("The access token expired"),
        REVOKED("The access token was revoked");

        final String description;

        Rejection(String description) {
            this.description = description;
        }
    }

    /** Access + refresh token pair; one grant. */
    static final class Grant {
        final String accessToken;
        final String refreshToken;
        final Company company;
        final String clientId;
        final long createdAtMillis;
        volatile long accessExpiresAtMillis;
        final long refreshExpiresAtMillis;
        volatile boolean accessRevoked;
        volatile boolean refreshRevoked;

        Grant(
                String accessToken,
                String refreshToken,
                Company company,
                String clientId,
                long createdAtMillis,
                long accessExpiresAtMillis,
                long refreshExpiresAtMillis) {
            this.accessToken = accessToken;
            this.refreshToken = refreshToken;
            this.company = company;
            this.clientId = clientId;
            this.createdAtMillis = createdAtMillis;
            this.accessExpiresAtMillis = accessExpiresAtMillis;
            this.refreshExpiresAtMillis = refreshExpiresAtMillis;
        }
    }

    static final class AuthCode {
        final String clientId;
        final String redirectUri;
        final String challenge;
        final Company company;
        final long expiresAtMillis;
        boolean used;
        final List<Grant> issued = new ArrayList<>();

        AuthCode(
                String clientId,
                String redirectUri,
                String challenge,
                Company company,
                long expiresAtMillis) {
            this.clientId = clientId;
            this.redirectUri = redirectUri;
            this.challenge = challenge;
            this.company = company;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    /** Result of validating a bearer token: either a company or a rejection. */
    static final class Validation {
        final Company company;
        final Rejection rejection;

        Validation(Company company, Rejection rejection) {
            this.company = company;
            this.rejection = rejection;
        }
    }

    private final String clientId;
    private final Set<String> extraRedirectUris;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Duration codeLifetime;
    private final Clock clock;
    private final Company userCompany;
    volatile boolean denyAuthorizations;

    private final Map<String, Grant> byAccess = new ConcurrentHashMap<>();
    private final Map<String, Grant> byRefresh = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new HashMap<>();

    OAuthServer(
            String clientId,
            Set<String> extraRedirectUris,
            Duration accessLifetime,
            Duration refreshLifetime,
            Duration codeLifetime,
            Clock clock,
            Company userCompany) {
        this.clientId = clientId;
        this.extraRedirectUris = extraRedirectUris;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
        this.codeLifetime = codeLifetime;
        this.clock = clock;
        this.userCompany = userCompany;
    }

    synchronized void reset() {
        byAccess.clear();
        byRefresh.clear();
        codes.clear();
        denyAuthorizations = false;
    }

    // ------------------------------------------------------------------------ token checks

    Validation validate(String token) {
        Grant g = byAccess.get(token);
        if (g == null) {
            return new Validation(null, Rejection.INVALID);
        }
        if (g.accessRevoked) {
            return new Validation(null, Rejection.REVOKED);
        }
        if (clock.millis() >= g.accessExpiresAtMillis) {
            return new Validation(null, Rejection.EXPIRED);
        }
        return new Validation(g.company, null);
    }

    synchronized Grant issue(Company company, String client, long refreshExpiresAtMillis) {
        long now = clock.millis();
        Grant g =
                new Grant(
                        Ids.token(24),
                        Ids.token(24),
                        company,
                        client,
                        now,
                        now + accessLifetime.toMillis(),
                        refreshExpiresAtMillis);
        byAccess.put(g.accessToken, g);
        byRefresh.put(g.refreshToken, g);
        return g;
    }

    Grant issueDirect(Company company) {
        return issue(company, clientId, clock.millis() + refreshLifetime.toMillis());
    }

    /** Makes access tokens expire now: the given one, or all when {@code token} is null. */
    void expire(String token) {
        long past = clock.millis() - 1;
        if (token == null) {
            byAccess.values().forEach(g -> g.accessExpiresAtMillis = past);
        } else {
            Grant g = byAccess.get(token);
            if (g != null) {
                g.accessExpiresAtMillis = past;
            }
        }
    }

    /** Revokes an access or refresh token and the other token of its grant. */
    boolean revoke(String token) {
        Grant g = byAccess.get(token);
        if (g == null) {
            g = byRefresh.get(token);
        }
        if (g == null) {
            return false;
        }
        g.accessRevoked = true;
        g.refreshRevoked = true;
        return true;
    }

    TokenSet toTokenSet(Grant g) {
        return new TokenSet(
                g.accessToken,
                g.refreshToken,
                accessLifetime.toSeconds(),
                SCOPE,
                g.createdAtMillis / 1000);
    }

    // ------------------------------------------------------------------------ HTTP handlers

    boolean redirectUriAllowed(String redirectUri) {
        if (redirectUri == null || redirectUri.isEmpty()) {
            return false;
        }
        if (extraRedirectUris.contains(redirectUri)) {
            return true;
        }
        try {
            URI u = new URI(redirectUri);
            String scheme = u.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && u.getFragment() == null
                    && WebhookDispatcher.isLoopbackHost(u.getHost());
        } catch (Exception e) {
            return false;
        }
    }

    void authorize(RoutingContext ctx) {
        MultiMap p = ctx.request().params();
        String client = p.get("client_id");
        String redirectUri = p.get("redirect_uri");
        if (client == null || !client.equals(clientId)) {
            Http.send(ctx, 401, Json.oauthError("invalid_client", DESC_INVALID_CLIENT));
            return;
        }
        if (!redirectUriAllowed(redirectUri)) {
            Http.send(
                    ctx,
                    400,
                    Json.oauthError(
                            "invalid_redirect_uri",
                            "The requested redirect uri is malformed or doesn't match client"
                                    + " redirect URI."));
            return;
        }
        String state = p.get("state");
        if (!"code".equals(p.get("response_type"))) {
            redirect(
                    ctx,
                    redirectUri,
                    state,
                    "unsupported_response_type",
                    "The authorization server does not support this response type.");
            return;
        }
        String challenge = p.get("code_challenge");
        if (challenge == null || challenge.isEmpty()) {
            redirect(
                    ctx,
                    redirectUri,
                    state,
                    "invalid_request",
                    "Code challenge is required (PKCE).");
            return;
        }
        if (!"S256".equals(p.get("code_challenge_method"))) {
            redirect(
                    ctx,
                    redirectUri,
                    state,
                    "invalid_request",
                    "Code challenge method must be S256.");
            return;
        }
        String scope = p.get("scope");
        if (scope != null && !scope.isBlank()) {
            for (String s : scope.trim().split("\\s+")) {
                if (!SCOPE.equals(s)) {
                    redirect(
                            ctx,
                            redirectUri,
                            state,
                            "invalid_scope",
                            "The requested scope is invalid, unknown, or malformed.");
                    return;
                }
            }
        }
        if (denyAuthorizations) {
            redirect(
                    ctx,
                    redirectUri,
                    state,
                    "access_denied",
                    "The resource owner or authorization server denied the request.");
            return;
        }
        String code = Ids.token(24);
        synchronized (this) {
            codes.put(
                    code,
                    new AuthCode(
                            client,
                            redirectUri,
                            challenge,
                            userCompany,
                            clock.millis() + codeLifetime.toMillis()));
        }
        StringBuilder loc = new StringBuilder(redirectUri);
        loc.append(redirectUri.contains("?") ? '&' : '?').append("code=").append(enc(code));
        if (state != null) {
            loc.append("&state=").append(enc(state));
        }
        ctx.response().setStatusCode(302).putHeader("Location", loc.toString()).end();
    }

    private static void redirect(
            RoutingContext ctx, String redirectUri, String state, String error, String desc) {
        StringBuilder loc = new StringBuilder(redirectUri);
        loc.append(redirectUri.contains("?") ? '&' : '?').append("error=").append(enc(error));
        loc.append("&error_description=").append(enc(desc));
        if (state != null) {
            loc.append("&state=").append(enc(state));
        }
        ctx.response().setStatusCode(302).putHeader("Location", loc.toString()).end();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Reads the parameters of a form-encoded or JSON token/revoke request; null = malformed. */
    private static Map<String, String> params(RoutingContext ctx) {
        Map<String, String> out = new HashMap<>();
        String ct = ctx.request().getHeader("Content-Type");
        if (ct != null && ct.toLowerCase().startsWith("application/json")) {
            try {
                JsonNode n = Json.parse(ctx.body().asString() == null ? "" : ctx.body().asString());
                if (n == null || !n.isObject()) {
                    return null;
                }
                n.fields()
                        .forEachRemaining(
                                e -> {
                                    if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                                        out.put(e.getKey(), e.getValue().asText());
                                    }
                                });
            } catch (Exception e) {
                return null;
            }
        } else {
            ctx.request().formAttributes().forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
        }
        // HTTP Basic client authentication of a public client: "client_id:" (empty secret)
        String auth = ctx.request().getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded =
                        new String(
                                Base64.getDecoder().decode(auth.substring(6).trim()),
                                StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                out.putIfAbsent(
                        "client_id",
                        URLDecoder.decode(
                                colon < 0 ? decoded : decoded.substring(0, colon),
                                StandardCharsets.UTF_8));
            } catch (IllegalArgumentException ignored) {
                // not base64: treat as absent
            }
        }
        return out;
    }

    private static void tokenError(RoutingContext ctx, int status, String error, String desc) {
        ctx.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
        Http.send(ctx, status, Json.oauthError(error, desc));
    }

    void token(RoutingContext ctx) {
        Map<String, String> p = params(ctx);
        if (p == null) {
            tokenError(ctx, 400, "invalid_request", DESC_INVALID_REQUEST);
            return;
        }
        String client = p.get("client_id");
        if (client == null || !client.equals(clientId)) {
            tokenError(ctx, 401, "invalid_client", DESC_INVALID_CLIENT);
            return;
        }
        String grantType = p.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            tokenError(ctx, 400, "invalid_request", DESC_INVALID_REQUEST);
            return;
        }
        Grant issued;
        switch (grantType) {
            case "authorization_code":
                issued = exchangeCode(ctx, p, client);
                break;
            case "refresh_token":
                issued = refresh(ctx, p, client);
                break;
            default:
                tokenError(
                        ctx,
                        400,
                        "unsupported_grant_type",
                        "The authorization grant type is not supported by the authorization"
                                + " server.");
                return;
        }
        if (issued == null) {
            return;
        }
        ObjectNode body = Json.object();
        body.put("access_token", issued.accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", accessLifetime.toSeconds());
        body.put("refresh_token", issued.refreshToken);
        body.put("scope", SCOPE);
        body.put("created_at", issued.createdAtMillis / 1000);
        ctx.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
        Http.send(ctx, 200, Json.bytes(body));
    }

    private Grant exchangeCode(RoutingContext ctx, Map<String, String> p, String client) {
        String code = p.get("code");
        String redirectUri = p.get("redirect_uri");
        String verifier = p.get("code_verifier");
        if (code == null || redirectUri == null || verifier == null) {
            tokenError(ctx, 400, "invalid_request", DESC_INVALID_REQUEST);
            return null;
        }
        synchronized (this) {
            AuthCode ac = codes.get(code);
            if (ac == null) {
                tokenError(ctx, 400, "invalid_grant", DESC_INVALID_GRANT);
                return null;
            }
            if (ac.used) {
                // RFC 6749 4.1.2: a reused code revokes what was issued with it
                for (Grant g : ac.issued) {
                    g.accessRevoked = true;
                    g.refreshRevoked = true;
                }
                tokenError(ctx, 400, "invalid_grant", DESC_INVALID_GRANT);
                return null;
            }
            if (clock.millis() >= ac.expiresAtMillis
                    || !ac.clientId.equals(client)
                    || !ac.redirectUri.equals(redirectUri)
                    || !s256(verifier).equals(ac.challenge)) {
                tokenError(ctx, 400, "invalid_grant", DESC_INVALID_GRANT);
                return null;
            }
            ac.used = true;
            Grant g = issue(ac.company, client, clock.millis() + refreshLifetime.toMillis());
            ac.issued.add(g);
            return g;
        }
    }

    private Grant refresh(RoutingContext ctx, Map<String, String> p, String client) {
        String rt = p.get("refresh_token");
        if (rt == null || rt.isEmpty()) {
            tokenError(ctx, 400, "invalid_request", DESC_INVALID_REQUEST);
            return null;
        }
        synchronized (this) {
            Grant old = byRefresh.get(rt);
            if (old == null
                    || old.refreshRevoked
                    || !old.clientId.equals(client)
                    || clock.millis() >= old.refreshExpiresAtMillis) {
                tokenError(ctx, 400, "invalid_grant", DESC_INVALID_GRANT);
                return null;
            }
            // rotation: the old refresh token and its access token stop working
            old.refreshRevoked = true;
            old.accessRevoked = true;
            return issue(old.company, client, old.refreshExpiresAtMillis);
        }
    }

    void revoke(RoutingContext ctx) {
        Map<String, String> p = params(ctx);
        if (p == null || p.get("token") == null || p.get("token").isEmpty()) {
            tokenError(ctx, 400, "invalid_request", DESC_INVALID_REQUEST);
            return;
        }
        String client = p.get("client_id");
        if (client != null && !client.equals(clientId)) {
            tokenError(ctx, 401, "invalid_client", DESC_INVALID_CLIENT);
            return;
        }
        revoke(p.get("token"));
        Http.send(ctx, 200, "{}".getBytes(StandardCharsets.UTF_8));
    }

    static String s256(String verifier) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
