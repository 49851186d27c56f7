package com.example.phoneinc.client.auth;

import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.example.phoneinc.client.http.BaseUrls;
import com.example.phoneinc.client.http.ErrorMapper;
import com.example.phoneinc.client.http.Futures;
import com.example.phoneinc.client.http.HttpReply;
import com.example.phoneinc.client.http.PreparedRequest;
import com.example.phoneinc.client.http.Transport;
import com.example.phoneinc.client.http.Transport.TransportFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Phone.inc's OAuth endpoints ({@code /oauth/token}, {@code /oauth/revoke} on the OAuth base URL):
 * the one place that builds their form posts, reads token answers and maps their failures (through
 * the one {@link ErrorMapper}). Used by the token manager (refresh), the {@code oauth/*} operations
 * and the one-time authorization command.
 */
public final class TokenEndpoint {

    public static final String TOKEN_PATH = "/oauth/token";
    public static final String REVOKE_PATH = "/oauth/revoke";

    private final String base;
    private final Transport transport;
    private final ErrorMapper errors;
    private final Clock clock;

    /**
     * @param oauthBaseUrl a checked base URL ({@code https://app.phone.inc})
     */
    public TokenEndpoint(URI oauthBaseUrl, Transport transport, ErrorMapper errors, Clock clock) {
        this.base = BaseUrls.withoutTrailingSlash(oauthBaseUrl.toString());
        this.transport = transport;
        this.errors = errors;
        this.clock = clock;
    }

    /** Exchanges an authorization code (PKCE) for a token set. */
    public CompletableFuture<PhoneIncTokens> exchangeCode(
            String code, String redirectUri, String clientId, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        form.put("code_verifier", codeVerifier);
        return post(TOKEN_PATH, form).thenApply(this::tokens);
    }

    /** Mints a new access token with a refresh token. */
    public CompletableFuture<PhoneIncTokens> refresh(String refreshToken, String clientId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        return post(TOKEN_PATH, form).thenApply(this::tokens);
    }

    /** Revokes a token (RFC 7009); completes with the answer's status. */
    public CompletableFuture<Integer> revoke(String token, String clientId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("client_id", clientId);
        return post(REVOKE_PATH, form).thenApply(HttpReply::status);
    }

    /** Posts the form; a non-2xx answer or no answer fails the future with a PhoneIncException. */
    private CompletableFuture<HttpReply> post(String path, Map<String, String> form) {
        PreparedRequest request = PreparedRequest.formPost(URI.create(base + path), path, form);
        CompletableFuture<HttpReply> sent;
        try {
            sent = transport.send(request, null);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle(
                (reply, error) -> {
                    if (error != null) {
                        Throwable cause = Futures.cause(error);
                        throw new CompletionException(
                                cause instanceof TransportFailure failure
                                        ? errors.fromFailure(
                                                request, failure.error(), failure.possiblySent())
                                        : cause);
                    }
                    if (!reply.isSuccess()) {
                        throw new CompletionException(errors.fromReply(request, reply));
                    }
                    return reply;
                });
    }

    private PhoneIncTokens tokens(HttpReply reply) {
        try {
            return parse(reply.body(), clock.instant());
        } catch (IOException e) {
            throw new CompletionException(
                    new PhoneIncServerException(
                            "Phone.inc POST "
                                    + TOKEN_PATH
                                    + " answered "
                                    + reply.status()
                                    + " without a token set: "
                                    + e.getMessage(),
                            PhoneIncRequestInfo.answered(
                                    "POST",
                                    TOKEN_PATH,
                                    reply.status(),
                                    null,
                                    reply.headers(),
                                    null)));
        }
    }

    /**
     * Reads a token answer ({@code access_token, refresh_token, expires_in, scope}). The expiry is
     * {@code now} (when the answer arrived, on the clock expiry is checked with) plus {@code
     * expires_in}: RFC 6749 counts it from the answer, and Doorkeeper sends the seconds that
     * remain. Doorkeeper's {@code created_at} is the server's clock (and the issue time of a reused
     * token), so it is not used.
     */
    static PhoneIncTokens parse(byte[] body, Instant now) throws IOException {
        JsonNode json = PhoneIncJson.mapper().readTree(body);
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

    /** Whether {@code error} is a Phone.inc failure worth trying again (429, 5xx, no answer). */
    static boolean isRetryable(Throwable error) {
        return Futures.cause(error) instanceof PhoneIncException e && e.isRetryable();
    }
}
