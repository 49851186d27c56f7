package com.example.phoneinc.client;

import com.example.phoneinc.api.PhoneIncAmbiguousResultException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.example.phoneinc.client.auth.Authenticator;
import com.example.phoneinc.client.auth.InvalidKeyGuard;
import com.example.phoneinc.client.auth.OAuthTokenManager;
import com.example.phoneinc.client.auth.TokenEndpoint;
import com.example.phoneinc.client.http.ErrorMapper;
import com.example.phoneinc.client.http.Futures;
import com.example.phoneinc.client.http.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * Talks to Phone.inc and knows nothing of Camel exchanges: {@link #execute} runs one operation with
 * its arguments and completes with the bound result or fails with a typed {@link
 * PhoneIncException}. It owns the whole way there and back: request building, the invalid-key
 * guard, the credential (with OAuth refresh), the transport, response reading, error mapping, and
 * the one replay after a 401 to an expired OAuth token. The producer, the consumers, health checks
 * and tools all call it. Thread-safe; made by {@link ClientResources#create}.
 *
 * <p>Two ways to run a call, one path: {@link #execute} sends with the async HTTP client and
 * returns at once; {@link #executeBlocking} sends with the classic client on the calling thread
 * (for callers that wait anyway). Guard, credential, reading, error mapping and replay are the same
 * code ({@link InFlightRequest}) for both.
 */
public final class PhoneIncClient {

    final RequestFactory requests;
    final Authenticator authenticator;
    final InvalidKeyGuard guard;
    final Transport asyncTransport;

    /** Null when the endpoint has its own async {@code httpClient}: blocking calls wait on it. */
    final Transport classicTransport;

    final ErrorMapper errors;
    final String host;
    final Duration invalidKeyBlockTime;
    final long requestTimeoutNanos;
    private final TokenEndpoint tokenEndpoint;
    private final OAuthTokenManager tokenManager;
    private final String clientId;
    private final Map<PhoneIncOperation, ResponseReader> readers =
            new EnumMap<>(PhoneIncOperation.class);
    private final Map<PhoneIncOperation, ResponseReader> rawReaders =
            new EnumMap<>(PhoneIncOperation.class);

    PhoneIncClient(
            RequestFactory requests,
            Authenticator authenticator,
            InvalidKeyGuard guard,
            Transport asyncTransport,
            Transport classicTransport,
            ErrorMapper errors,
            String host,
            Duration invalidKeyBlockTime,
            TokenEndpoint tokenEndpoint,
            OAuthTokenManager tokenManager,
            String clientId) {
        this.requests = requests;
        this.authenticator = authenticator;
        this.guard = guard;
        this.asyncTransport = asyncTransport;
        this.classicTransport = classicTransport;
        this.errors = errors;
        this.host = host;
        this.invalidKeyBlockTime = invalidKeyBlockTime;
        this.requestTimeoutNanos =
                Duration.ofMillis(asyncTransport.requestTimeoutMillis()).toNanos();
        this.tokenEndpoint = tokenEndpoint;
        this.tokenManager = tokenManager;
        this.clientId = clientId;
        for (PhoneIncOperation o : PhoneIncOperation.values()) {
            readers.put(o, new ResponseReader(o, false));
            rawReaders.put(o, new ResponseReader(o, true));
        }
    }

    /**
     * Runs {@code operation} with the async HTTP client, without holding the calling thread. The
     * future completes on the thread that got the answer (an I/O thread of the HTTP client: do not
     * block there) with the result, or fails with a {@link PhoneIncException} (for a wrong input:
     * {@link PhoneIncInvalidInputException}, nothing sent).
     */
    public CompletableFuture<PhoneIncResponse> execute(
            PhoneIncOperation operation, RequestArguments args) {
        return start(operation, args, asyncTransport, Runnable::run);
    }

    /**
     * Runs {@code operation} on the calling thread with the classic (blocking) HTTP client, and
     * returns when it has ended: the returned future is already complete, with the result or the
     * same failure {@link #execute} would give. Every step runs on this thread, so what the caller
     * does next does too. With a user-supplied async {@code httpClient}, the calling thread waits
     * for that client instead.
     */
    public CompletableFuture<PhoneIncResponse> executeBlocking(
            PhoneIncOperation operation, RequestArguments args) {
        CallingThread here = new CallingThread();
        if (operation.isOAuth()) {
            // the token endpoint's own client and deadline; this thread only waits
            CompletableFuture<PhoneIncResponse> result = oauth(operation, args);
            if (!here.await(result, longestCallNanos())) {
                result.completeExceptionally(
                        new PhoneIncAmbiguousResultException(
                                "Phone.inc POST " + operation.path() + NEVER_ENDED,
                                PhoneIncRequestInfo.noAnswer("POST", operation.path(), true),
                                null));
            }
            return result;
        }
        InFlightRequest inFlight;
        try {
            inFlight =
                    prepare(
                            operation,
                            args,
                            classicTransport != null ? classicTransport : asyncTransport,
                            here);
        } catch (PhoneIncInvalidInputException e) {
            return CompletableFuture.failedFuture(e);
        }
        inFlight.admit();
        if (!here.await(inFlight.result(), longestCallNanos())) {
            inFlight.onFailure(new TimeoutException(NEVER_ENDED.strip()), true);
        }
        return inFlight.result();
    }

    /**
     * {@link #executeBlocking}, for callers that want the outcome rather than a future (the polling
     * consumer, webhook registration): the response, or the call's failure thrown as it is — a
     * {@link PhoneIncException} for everything Phone.inc or the connection caused.
     */
    public PhoneIncResponse executeAndWait(PhoneIncOperation operation, RequestArguments args)
            throws Exception {
        try {
            return executeBlocking(operation, args).join(); // already complete
        } catch (CompletionException e) {
            Throwable cause = Futures.cause(e);
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Not reached unless a deadline mechanism failed: a waiting caller must not hang anyway. */
    private static final String NEVER_ENDED = " did not end by its deadlines (requestTimeout)";

    private CompletableFuture<PhoneIncResponse> start(
            PhoneIncOperation operation,
            RequestArguments args,
            Transport transport,
            Executor continuations) {
        if (operation.isOAuth()) {
            return oauth(operation, args);
        }
        InFlightRequest inFlight;
        try {
            inFlight = prepare(operation, args, transport, continuations);
        } catch (PhoneIncInvalidInputException e) {
            return CompletableFuture.failedFuture(e);
        }
        inFlight.admit();
        return inFlight.result();
    }

    /** The request, built and checked, ready to be admitted; nothing is sent yet. */
    private InFlightRequest prepare(
            PhoneIncOperation operation,
            RequestArguments args,
            Transport transport,
            Executor continuations)
            throws PhoneIncInvalidInputException {
        return new InFlightRequest(
                this,
                transport,
                continuations,
                requests.create(operation, args),
                reader(operation, args),
                args);
    }

    /**
     * The longest a call may take by its own deadlines: the wait in the guard and the first
     * attempt, a token refresh, the replay; with a margin for the sweeper's tick.
     */
    private long longestCallNanos() {
        return 3 * requestTimeoutNanos + Duration.ofSeconds(1).toNanos();
    }

    /** A value object for messages: what this client talks to, never its credential. */
    @Override
    public String toString() {
        return "PhoneIncClient[" + host + "]";
    }

    ResponseReader reader(PhoneIncOperation operation, RequestArguments args) {
        return (args.rawJson() ? rawReaders : readers).get(operation);
    }

    /** {@code oauth/token} and {@code oauth/revoke}: form posts to the token endpoint. */
    private CompletableFuture<PhoneIncResponse> oauth(
            PhoneIncOperation operation, RequestArguments args) {
        if (clientId == null) {
            return CompletableFuture.failedFuture(
                    RequestFactory.invalid(
                            operation,
                            "clientId",
                            "needs the clientId option (the app's OAuth client id)"));
        }
        if (operation == PhoneIncOperation.OAUTH_TOKEN) {
            String code = args.value(RequestParameter.AUTHORIZATION_CODE);
            String verifier = args.value(RequestParameter.CODE_VERIFIER);
            String redirectUri = args.value(RequestParameter.REDIRECT_URI);
            for (RequestParameter p :
                    new RequestParameter[] {
                        RequestParameter.AUTHORIZATION_CODE,
                        RequestParameter.REDIRECT_URI,
                        RequestParameter.CODE_VERIFIER
                    }) {
                if (args.value(p) == null) {
                    return CompletableFuture.failedFuture(
                            RequestFactory.invalid(
                                    operation,
                                    fieldOf(p),
                                    "needs the "
                                            + p.header()
                                            + " header"
                                            + (p == RequestParameter.AUTHORIZATION_CODE
                                                    ? " (or the body)"
                                                    : "")));
                }
            }
            return tokenEndpoint
                    .exchangeCode(code.strip(), redirectUri.strip(), clientId, verifier.strip())
                    .thenApply(tokens -> new PhoneIncResponse(200, accept(tokens), null));
        }
        String token = args.value(RequestParameter.TOKEN);
        if (token == null && tokenManager != null && tokenManager.current() != null) {
            token = tokenManager.current().accessToken();
        }
        if (token == null) {
            return CompletableFuture.failedFuture(
                    RequestFactory.invalid(
                            operation,
                            "token",
                            "needs the token to revoke: the "
                                    + RequestParameter.TOKEN.header()
                                    + " header, the body, or an OAuth credential on the endpoint"));
        }
        return tokenEndpoint
                .revoke(token.strip(), clientId)
                .thenApply(status -> new PhoneIncResponse(status, null, null));
    }

    private static String fieldOf(RequestParameter p) {
        return switch (p) {
            case AUTHORIZATION_CODE -> "code";
            case REDIRECT_URI -> "redirectUri";
            default -> "codeVerifier";
        };
    }

    /** Tokens from a code exchange become the endpoint credential's current ones (if any). */
    private PhoneIncTokens accept(PhoneIncTokens tokens) {
        if (tokenManager != null) {
            try {
                tokenManager.accept(tokens);
            } catch (IOException e) {
                throw new CompletionException(
                        new PhoneIncException(
                                "The tokens from the code exchange could not be saved: "
                                        + e.getMessage(),
                                PhoneIncRequestInfo.answered(
                                        "POST", TokenEndpoint.TOKEN_PATH, 200, null, null, null),
                                e));
            }
        }
        return tokens;
    }
}
