package com.example.phoneinc.client.auth;

import com.example.phoneinc.api.PhoneIncAuthenticationException.Reason;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncReauthorizationRequiredException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.auth.PhoneIncTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.example.phoneinc.client.http.Futures;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenManager.class);

    private final PhoneIncTokenStore store;
    private final String clientId;
    private final Duration threshold;
    private final Clock clock;
    private final TokenEndpoint endpoint;

    private volatile PhoneIncTokens current;
    private volatile PhoneIncReauthorizationRequiredException ended;
    private CompletableFuture<PhoneIncTokens> refreshing; // guarded by this

    public OAuthTokenManager(
            PhoneIncTokenStore store,
            PhoneIncTokens configured,
            String clientId,
            Duration threshold,
            Clock clock,
            TokenEndpoint endpoint)
            throws IOException {
        this.store = store;
        this.clientId = clientId;
        this.threshold = threshold;
        this.clock = clock;
        this.endpoint = endpoint;
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
        LOG.debug("Refreshing the Phone.inc OAuth access token");
        CompletableFuture<PhoneIncTokens> issued;
        try {
            issued = endpoint.refresh(from.refreshToken(), clientId);
        } catch (RuntimeException e) {
            issued = CompletableFuture.failedFuture(e);
        }
        issued.whenComplete(
                (tokens, error) -> {
                    PhoneIncTokens refreshed = null;
                    Throwable failure = null;
                    if (error != null) {
                        failure = refreshFailed(error);
                    } else {
                        refreshed = from.rotate(tokens);
                        save(refreshed); // before anyone uses the rotated refresh token
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

    /**
     * A refresh that may work later (429, 5xx, no answer) leaves the tokens as they are; any other
     * answer (invalid_grant, an unknown client) ends the credential.
     */
    private Throwable refreshFailed(Throwable error) {
        Throwable cause = Futures.cause(error);
        if (TokenEndpoint.isRetryable(cause) || !(cause instanceof PhoneIncException)) {
            return cause;
        }
        PhoneIncException refused = (PhoneIncException) cause;
        return end(
                "Phone.inc refused the refresh token ("
                        + (refused.getErrorMessage() != null
                                ? refused.getErrorMessage()
                                : "status " + refused.getStatusCode())
                        + ")",
                Reason.INVALID_TOKEN);
    }

    private void save(PhoneIncTokens tokens) {
        try {
            store.save(tokens);
        } catch (IOException e) {
            LOG.error(
                    "Could not save the refreshed Phone.inc OAuth tokens to {}: {}. They are used"
                            + " from memory; a restart will need a new authorization if Phone.inc"
                            + " rotated the refresh token.",
                    store,
                    e.getMessage());
        }
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
