package com.example.phoneinc.internal;

import com.example.phoneinc.api.PhoneIncAuthenticationException.Reason;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncReauthorizationRequiredException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.oauth.PhoneIncTokenStore;
import com.example.phoneinc.oauth.PhoneIncTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth token lifecycle of one credential (one token store), shared by every endpoint that uses
 * it:
 *
 * <ul>
 *   <li>refreshes when less than {@code threshold} of the access token's life remains, before the
 *       call that noticed it;
 *   <li>never more than one refresh in flight, however many exchanges wait for it (they wait on one
 *       future, holding no thread);
 *   <li>on a 401 refreshes only if the refused token is still the current one (otherwise another
 *       exchange already refreshed);
 *   <li>saves every new token set to the store before publishing it;
 *   <li>a revoked token or a refused refresh ({@code invalid_grant}) ends the credential: every
 *       later call fails locally with {@link PhoneIncReauthorizationRequiredException}.
 * </ul>
 */
public final class OAuthTokenManager {

    /** Sends a form to an OAuth endpoint of Phone.inc (relative path such as /oauth/token). */
    @FunctionalInterface
    public interface FormPoster {
        CompletableFuture<HttpReply> post(String path, Map<String, String> form);
    }

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenManager.class);
    private static final String TOKEN_PATH = "/oauth/token";

    private final PhoneIncTokenStore store;
    private final String clientId;
    private final Duration threshold;
    private final Clock clock;
    private final FormPoster poster;

    private volatile PhoneIncTokens current;
    private volatile PhoneIncReauthorizationRequiredException ended;
    private CompletableFuture<PhoneIncTokens> refreshing; // guarded by this

    public OAuthTokenManager(
            PhoneIncTokenStore store,
            PhoneIncTokens configured,
            String clientId,
            Duration threshold,
            Clock clock,
            FormPoster poster)
            throws IOException {
        this.store = store;
        this.clientId = clientId;
        this.threshold = threshold;
        this.clock = clock;
        this.poster = poster;
        // the store wins: it holds the newest rotation; options only seed an empty store
        PhoneIncTokens stored = store.load().orElse(null);
        if (stored == null && configured != null) {
            store.save(configured);
            stored = configured;
        }
        this.current = stored;
    }

    /** The access token to send now, after a refresh if the current one is about to expire. */
    public CompletableFuture<String> accessToken() {
        PhoneIncReauthorizationRequiredException dead = ended;
        if (dead != null) {
            return CompletableFuture.failedFuture(fresh(dead));
        }
        PhoneIncTokens tokens = current;
        if (tokens == null || tokens.accessToken() == null && tokens.refreshToken() == null) {
            return CompletableFuture.failedFuture(
                    reauthorize(
                            "No OAuth tokens: set accessToken/refreshToken or run the one-time"
                                    + " authorization (docs/authentication.adoc)",
                            Reason.MISSING_CREDENTIAL));
        }
        if (needsRefresh(tokens)) {
            return refresh(tokens).thenApply(PhoneIncTokens::accessToken);
        }
        return CompletableFuture.completedFuture(tokens.accessToken());
    }

    /**
     * Phone.inc refused {@code refusedToken}. Returns the token to replay the request with once, or
     * fails with {@link PhoneIncReauthorizationRequiredException}.
     */
    public CompletableFuture<String> onUnauthorized(String refusedToken, Reason reason) {
        PhoneIncReauthorizationRequiredException dead = ended;
        if (dead != null) {
            return CompletableFuture.failedFuture(fresh(dead));
        }
        PhoneIncTokens tokens;
        CompletableFuture<PhoneIncTokens> inFlight;
        synchronized (this) {
            tokens = current;
            inFlight = refreshing;
        }
        if (tokens != null
                && tokens.accessToken() != null
                && !tokens.accessToken().equals(refusedToken)) {
            // already refreshed by another exchange. Phone.inc (Doorkeeper) may revoke the old
            // access token when it rotates the refresh token, so even "revoked" says nothing
            // about the current one
            return CompletableFuture.completedFuture(tokens.accessToken());
        }
        if (reason == Reason.REVOKED_TOKEN) {
            if (inFlight != null) {
                // the refresh in flight may be what revoked it: replay with its result (if the
                // grant is gone, that refresh fails with invalid_grant and ends the credential)
                return inFlight.thenApply(PhoneIncTokens::accessToken);
            }
            return CompletableFuture.failedFuture(
                    end("Phone.inc says the OAuth token was revoked", Reason.REVOKED_TOKEN));
        }
        if (tokens == null || tokens.refreshToken() == null) {
            return CompletableFuture.failedFuture(
                    end(
                            "Phone.inc refused the OAuth access token and there is no refresh"
                                    + " token to get a new one",
                            reason));
        }
        return refresh(tokens).thenApply(PhoneIncTokens::accessToken);
    }

    /** Saves and publishes a token set obtained elsewhere (the code exchange). */
    public void accept(PhoneIncTokens tokens) throws IOException {
        store.save(tokens);
        synchronized (this) {
            current = tokens;
            ended = null;
        }
    }

    /** The current token set, for revocation. */
    public PhoneIncTokens current() {
        return current;
    }

    boolean needsRefresh(PhoneIncTokens tokens) {
        if (tokens.refreshToken() == null) {
            return false; // nothing to refresh with: send what there is, a 401 ends it
        }
        return tokens.accessToken() == null
                || tokens.expiresAt() != null
                        && !clock.instant().plus(threshold).isBefore(tokens.expiresAt());
    }

    private synchronized CompletableFuture<PhoneIncTokens> refresh(PhoneIncTokens from) {
        if (refreshing != null) {
            return refreshing;
        }
        if (current != from && current != null && !needsRefresh(current)) {
            return CompletableFuture.completedFuture(current);
        }
        CompletableFuture<PhoneIncTokens> result = new CompletableFuture<>();
        refreshing = result;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", from.refreshToken());
        form.put("client_id", clientId);
        LOG.debug("Refreshing the Phone.inc OAuth access token");
        CompletableFuture<HttpReply> posted;
        try {
            posted = poster.post(TOKEN_PATH, form);
        } catch (RuntimeException e) {
            posted = CompletableFuture.failedFuture(e);
        }
        posted.whenComplete(
                (reply, error) -> {
                    PhoneIncTokens refreshed = null;
                    Throwable failure = null;
                    try {
                        refreshed = handle(from, reply, error);
                    } catch (PhoneIncException e) {
                        failure = e;
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                    synchronized (this) {
                        refreshing = null;
                        if (refreshed != null) {
                            current = refreshed;
                        }
                    }
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(refreshed);
                    }
                });
        return result;
    }

    private PhoneIncTokens handle(PhoneIncTokens from, HttpReply reply, Throwable error)
            throws PhoneIncException {
        PhoneIncRequestInfo notAnswered =
                new PhoneIncRequestInfo("POST", TOKEN_PATH, 0, null, null, null, true);
        if (error != null) {
            throw new PhoneIncConnectionException(
                    "Phone.inc POST "
                            + TOKEN_PATH
                            + " (token refresh) failed: "
                            + error.getClass().getSimpleName(),
                    notAnswered,
                    error instanceof Exception e ? e : null);
        }
        if (reply.isSuccess()) {
            PhoneIncTokens issued = parse(reply);
            PhoneIncTokens tokens = from.rotate(issued);
            try {
                store.save(tokens); // before anyone uses the rotated refresh token
            } catch (IOException e) {
                LOG.error(
                        "Could not save the refreshed Phone.inc OAuth tokens to {}: {}. They are"
                                + " used from memory; a restart will need a new authorization if"
                                + " Phone.inc rotated the refresh token.",
                        store,
                        e.getMessage());
            }
            return tokens;
        }
        ErrorBody body = ErrorBody.parse(reply.body());
        PhoneIncRequestInfo info =
                new PhoneIncRequestInfo(
                        "POST",
                        TOKEN_PATH,
                        reply.status(),
                        body.error(),
                        reply.headers(),
                        reply.bodyAsString(),
                        true);
        if (reply.status() == 429) {
            Duration retryAfter = RetryAfter.parse(reply.header("Retry-After"), clock).orElse(null);
            throw new PhoneIncRateLimitException(
                    "Phone.inc POST "
                            + TOKEN_PATH
                            + " (token refresh) answered 429 Too Many Requests."
                            + (retryAfter == null
                                    ? ""
                                    : " Retry after " + retryAfter.toMillis() + " ms."),
                    info,
                    retryAfter,
                    true);
        }
        if (reply.status() >= 500) {
            throw new PhoneIncServerException(
                    "Phone.inc POST "
                            + TOKEN_PATH
                            + " (token refresh) answered "
                            + reply.status()
                            + ". Retry later.",
                    info);
        }
        throw end(
                "Phone.inc refused the refresh token ("
                        + (body.error() != null ? body.error() : "status " + reply.status())
                        + ")",
                Reason.INVALID_TOKEN);
    }

    PhoneIncTokens parse(HttpReply reply) throws PhoneIncException {
        try {
            return parseTokens(reply.body(), clock.instant());
        } catch (IOException e) {
            throw new PhoneIncServerException(
                    "Phone.inc token response is not a token set: " + e.getMessage(),
                    new PhoneIncRequestInfo(
                            "POST", TOKEN_PATH, reply.status(), null, reply.headers(), null, true));
        }
    }

    /**
     * Reads a token endpoint answer ({@code access_token, refresh_token, expires_in, scope}). The
     * expiry is {@code now} (when the answer arrived, on the clock expiry is checked with) plus
     * {@code expires_in}: RFC 6749 counts it from the answer, and Doorkeeper sends the seconds that
     * remain. Doorkeeper's {@code created_at} is the server's clock (and the issue time of a reused
     * token), so it is not used.
     */
    public static PhoneIncTokens parseTokens(byte[] body, Instant now) throws IOException {
        JsonNode json = Json.mapper().readTree(body);
        if (json == null || !json.hasNonNull("access_token")) {
            throw new IOException("no access_token in the answer");
        }
        Instant expiresAt =
                json.hasNonNull("expires_in")
                        ? now.plusSeconds(json.get("expires_in").asLong())
                        : null;
        return new PhoneIncTokens(
                json.get("access_token").asText(),
                json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null,
                expiresAt,
                json.hasNonNull("scope") ? json.get("scope").asText() : null);
    }

    /** Each exchange gets its own exception object (with its own stack), never a shared one. */
    private static PhoneIncReauthorizationRequiredException fresh(
            PhoneIncReauthorizationRequiredException ended) {
        return new PhoneIncReauthorizationRequiredException(
                ended.getMessage(), ended.getRequestInfo(), ended.getReason());
    }

    private PhoneIncReauthorizationRequiredException end(String why, Reason reason) {
        PhoneIncReauthorizationRequiredException e = reauthorize(why, reason);
        ended = e;
        return e;
    }

    private static PhoneIncReauthorizationRequiredException reauthorize(String why, Reason reason) {
        return new PhoneIncReauthorizationRequiredException(
                why
                        + ": the user has to authorize the app again (see"
                        + " docs/authentication.adoc). No more calls are made with this"
                        + " credential.",
                PhoneIncRequestInfo.notSent(null, null),
                reason);
    }
}
