package com.example.phoneinc.simulator;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/** Authentication and the invalid-key block for {@code /api/v1/*}. */
final class Guard {

    static final String BLOCKED_MESSAGE =
            "Too many failed API key attempts. Wait a moment and try again.";
    static final String INVALID_KEY = "Invalid API key";
    static final String MISSING = "Missing API key or access token";

    private final SimState state;
    private final OAuthServer oauth;
    private final KeyAttemptLimiter limiter;
    private final Clock clock;
    private final boolean trustForwardedFor;

    Guard(
            SimState state,
            OAuthServer oauth,
            KeyAttemptLimiter limiter,
            Clock clock,
            boolean trustForwardedFor) {
        this.state = state;
        this.oauth = oauth;
        this.limiter = limiter;
        this.clock = clock;
        this.trustForwardedFor = trustForwardedFor;
    }

    String clientAddress(HttpServerRequest req) {
        if (trustForwardedFor) {
            String xff = req.getHeader("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                int comma = xff.indexOf(',');
                return (comma < 0 ? xff : xff.substring(0, comma)).trim();
            }
        }
        return req.remoteAddress() == null ? "unknown" : req.remoteAddress().host();
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String address = clientAddress(req);
        long now = clock.millis();
        long retryAfter = limiter.retryAfterSeconds(address, now);
        if (retryAfter > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
            Http.error(ctx, 429, BLOCKED_MESSAGE);
            return;
        }
        String credential = credential(req);
        if (credential == null) {
            Http.error(ctx, 401, MISSING);
            return;
        }
        Company company;
        if (credential.startsWith("phk_")) {
            company = state.byApiKey(credential);
            if (company == null) {
                limiter.recordFailure(address, now);
                Http.error(ctx, 401, INVALID_KEY);
                return;
            }
        } else {
            OAuthServer.Validation v = oauth.validate(credential);
            if (v.company == null) {
                ctx.response()
                        .putHeader(
                                "WWW-Authenticate",
                                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\","
                                        + " error_description=\""
                                        + v.rejection.description
                                        + "\"");
                Http.send(ctx, 401, Json.oauthError("invalid_token", v.rejection.description));
                return;
            }
            company = v.company;
        }
        ctx.put(ApiRoutes.COMPANY, company);
        ctx.next();
    }

    /** X-Api-Key, then Authorization: Bearer, then ?api_key= (the documented priority order). */
    static String credential(HttpServerRequest req) {
        String key = req.getHeader("X-Api-Key");
        if (key != null && !key.isBlank()) {
            return key.trim();
        }
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.length() > 7 && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = auth.substring(7).trim();
            if (!token.isEmpty()) {
                return token;
            }
        }
        String q = req.getParam("api_key");
        if (q != null && !q.isBlank()) {
            return q.trim();
        }
        return null;
    }
}
