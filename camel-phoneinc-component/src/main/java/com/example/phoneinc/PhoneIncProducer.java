package com.example.phoneinc;

import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.internal.Authenticator;
import com.example.phoneinc.internal.BaseUrls;
import com.example.phoneinc.internal.Credential;
import com.example.phoneinc.internal.CredentialGuard;
import com.example.phoneinc.internal.ErrorMapper;
import com.example.phoneinc.internal.HttpCall;
import com.example.phoneinc.internal.HttpReply;
import com.example.phoneinc.internal.HttpTransport;
import com.example.phoneinc.internal.OAuthRequests;
import com.example.phoneinc.internal.OAuthTokenManager;
import com.example.phoneinc.internal.PhoneIncOperation;
import com.example.phoneinc.internal.PhoneNumbers;
import com.example.phoneinc.internal.RequestFactory;
import com.example.phoneinc.internal.ResponseReader;
import com.example.phoneinc.internal.TransportListener;
import com.example.phoneinc.oauth.PhoneIncTokens;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one exchange to Phone.inc without holding the caller's thread. The work is split into small
 * parts: {@link RequestFactory} builds and checks the request, {@link CredentialGuard} may fail it
 * locally, an {@link Authenticator} supplies the credential (refreshing an OAuth token first if
 * needed), {@link HttpTransport} sends it, and {@link ResponseReader} or {@link ErrorMapper} turn
 * the answer into a body or a typed exception.
 */
public class PhoneIncProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneIncProducer.class);

    private final PhoneIncEndpoint endpoint;
    private PhoneIncOperation operation;
    private RequestFactory requests;
    private OAuthRequests oauthRequests;
    private OAuthTokenManager tokenManager;
    private ResponseReader responses;
    private ErrorMapper errors;
    private HttpTransport transport;
    private Authenticator authenticator;
    private CredentialGuard guard;
    private Duration invalidKeyBlockTime;
    private long requestTimeoutNanos;
    private String host;
    private boolean throwExceptionOnFailure;

    public PhoneIncProducer(PhoneIncEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    /** Checks the configuration and wires the parts; runs at route start or at first use. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        PhoneIncConfiguration config = endpoint.getConfiguration();
        PhoneIncComponent component = endpoint.getComponent();
        operation = endpoint.getOperation();
        if (operation.isOAuth()) {
            URI oauthBase =
                    BaseUrls.check(
                            "oauthBaseUrl", config.getOauthBaseUrl(), config.isAllowInsecureHttp());
            tokenManager =
                    PhoneIncAuthentication.hasOAuth(config)
                            ? PhoneIncAuthentication.tokenManager(config, component)
                            : null;
            OAuthTokenManager manager = tokenManager;
            oauthRequests =
                    new OAuthRequests(
                            operation,
                            oauthBase.toString(),
                            config.getClientId(),
                            manager == null
                                    ? null
                                    : () ->
                                            manager.current() == null
                                                    ? null
                                                    : manager.current().accessToken());
            authenticator = Authenticator.NONE;
            host = BaseUrls.hostKey(oauthBase);
        } else {
            URI base = BaseUrls.check("baseUrl", config.getBaseUrl(), config.isAllowInsecureHttp());
            authenticator = PhoneIncAuthentication.choose(endpoint, config, component);
            PhoneNumbers phoneNumbers;
            try {
                phoneNumbers = new PhoneNumbers(config.getDefaultRegion());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid option: " + e.getMessage(), e);
            }
            requests =
                    new RequestFactory(
                            operation, config.getBaseUrl(), endpoint.callOptions(), phoneNumbers);
            host = BaseUrls.hostKey(base);
        }
        responses = new ResponseReader(operation, endpoint.isRawJson());
        errors =
                new ErrorMapper(
                        component.clock(),
                        Duration.ofMillis(config.getMaxRetryAfter()),
                        authenticator.guardKey() != null,
                        authenticator.secret());
        transport = component.transport(config);
        guard = component.guard();
        invalidKeyBlockTime = Duration.ofMillis(Math.max(0, config.getInvalidKeyBlockTime()));
        requestTimeoutNanos = Duration.ofMillis(config.getRequestTimeout()).toNanos();
        throwExceptionOnFailure = config.isThrowExceptionOnFailure();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        // a delay left by an earlier failure would override every delay Camel computes next
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        HttpCall call;
        try {
            call = operation.isOAuth() ? oauthRequests.create(message) : requests.create(message);
        } catch (PhoneIncInvalidInputException | RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        long started = System.nanoTime();
        Outcome outcome = new Outcome(exchange, call, callback, started);
        guard.admit(
                host,
                authenticator.guardKey(),
                invalidKeyBlockTime,
                outcome.deadline,
                () -> outcome.send(authenticator.credential()),
                outcome::rejected);
        return false;
    }

    /** Completes the exchange from whatever happened to its call; runs on an I/O thread. */
    private final class Outcome implements TransportListener {
        private final Exchange exchange;
        private final HttpCall call;
        private final AsyncCallback callback;
        private final long started;

        /** When the first attempt must have ended, waiting in the guard included. */
        private final long deadline;

        private Credential credential;
        private boolean replayed;

        Outcome(Exchange exchange, HttpCall call, AsyncCallback callback, long started) {
            this.exchange = exchange;
            this.call = call;
            this.callback = callback;
            this.started = started;
            this.deadline = started + requestTimeoutNanos;
        }

        /** Sends once the credential is there (at once for API keys). */
        void send(CompletableFuture<Credential> pending) {
            pending.whenComplete(
                    (c, error) -> {
                        if (error != null) {
                            failLocally(error);
                            return;
                        }
                        credential = c;
                        try {
                            if (replayed) {
                                transport.send(call, c, this); // the replay gets a full timeout
                            } else {
                                transport.send(call, c, deadline, this);
                            }
                        } catch (RuntimeException | Error e) {
                            failLocally(e);
                        }
                    });
        }

        @Override
        public void onReply(HttpReply reply) {
            boolean done = true;
            try {
                log(reply.status());
                if (LOG.isTraceEnabled() && !operation.isOAuth()) {
                    // OAuth answers carry tokens: never logged; any answer may echo the key
                    LOG.trace(
                            "Phone.inc {} {} body: {}",
                            call.method(),
                            call.logPath(),
                            errors.redact(reply.bodyAsString()));
                }
                Message message = exchange.getMessage();
                message.setHeader(PhoneIncConstants.RESPONSE_CODE, reply.status());
                if (reply.isSuccess()) {
                    guard.onAnswer(
                            host,
                            authenticator.guardKey(),
                            invalidKeyBlockTime,
                            reply.status(),
                            null);
                    if (operation == PhoneIncOperation.OAUTH_TOKEN) {
                        message.setBody(acceptTokens(reply));
                    } else {
                        responses.apply(call, reply, message);
                    }
                    return;
                }
                PhoneIncException failure = errors.fromReply(call, reply);
                guard.onAnswer(
                        host,
                        authenticator.guardKey(),
                        invalidKeyBlockTime,
                        reply.status(),
                        failure.getRetryAfter().orElse(null));
                if (failure instanceof PhoneIncAuthenticationException refused && !replayed) {
                    CompletableFuture<Credential> next =
                            authenticator.afterUnauthorized(credential, refused.getReason());
                    if (next != null) {
                        // the one retry the component makes itself: refresh, then replay once
                        replayed = true;
                        done = false;
                        send(next);
                        return;
                    }
                }
                if (throwExceptionOnFailure) {
                    fail(failure);
                } else {
                    message.setBody(reply.bodyAsString());
                }
            } catch (PhoneIncException e) {
                exchange.setException(e);
            } catch (RuntimeException | Error e) {
                // whatever went wrong, the exchange must not complete as if it had succeeded
                exchange.setException(e);
            } finally {
                if (done) {
                    callback.done(false);
                }
            }
        }

        @Override
        public void onFailure(Exception error, boolean possiblySent) {
            try {
                log(0);
                guard.onAnswer(host, authenticator.guardKey(), invalidKeyBlockTime, 0, null);
                exchange.setException(errors.fromFailure(call, error, possiblySent));
            } catch (RuntimeException | Error e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }

        /** No credential could be had (OAuth refresh failed, grant ended): nothing was sent. */
        void failLocally(Throwable error) {
            try {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                if (cause instanceof PhoneIncException failure) {
                    fail(failure);
                } else {
                    exchange.setException(cause);
                }
            } finally {
                callback.done(false);
            }
        }

        void rejected(CredentialGuard.Rejection rejection) {
            try {
                PhoneIncRequestInfo info =
                        PhoneIncRequestInfo.notSent(call.method(), call.logPath());
                String head = "Phone.inc " + call.method() + " " + call.logPath() + " not sent: ";
                long ms = rejection.remaining().toMillis();
                switch (rejection.cause()) {
                    case IP_BLOCKED ->
                            fail(
                                    errors.rateLimited(
                                            head
                                                    + "Phone.inc answered 429 (too many failed API"
                                                    + " key attempts from this IP); calls wait"
                                                    + " until its Retry-After has passed, "
                                                    + ms
                                                    + " ms from now",
                                            info,
                                            rejection.remaining()));
                    case KEY_REFUSED ->
                            fail(
                                    new PhoneIncAuthenticationException(
                                            head
                                                    + "Phone.inc rejected this API key (401), so"
                                                    + " calls with it fail locally for another "
                                                    + ms
                                                    + " ms (invalidKeyBlockTime) to keep Phone.inc"
                                                    + " from blocking this IP. Fix the apiKey"
                                                    + " option.",
                                            info,
                                            PhoneIncAuthenticationException.Reason
                                                    .INVALID_API_KEY));
                    case KEY_UNVERIFIED ->
                            fail(
                                    new PhoneIncConnectionException(
                                            head
                                                    + "this API key has not been accepted by"
                                                    + " Phone.inc yet, so only one call at a time"
                                                    + " tries it (to keep a wrong key from getting"
                                                    + " this IP blocked), and "
                                                    + rejection.detail()
                                                    + ". Safe to retry.",
                                            info,
                                            null));
                }
            } catch (RuntimeException | Error e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }

        private PhoneIncTokens acceptTokens(HttpReply reply) throws PhoneIncException {
            PhoneIncTokens tokens;
            try {
                tokens =
                        OAuthTokenManager.parseTokens(
                                reply.body(), endpoint.getComponent().clock().instant());
            } catch (IOException e) {
                throw new PhoneIncException(
                        "Phone.inc POST /oauth/token answered "
                                + reply.status()
                                + " without a token set",
                        new PhoneIncRequestInfo(
                                "POST", call.logPath(), reply.status(), null, null, null, true),
                        null);
            }
            if (tokenManager != null) {
                try {
                    tokenManager.accept(tokens);
                } catch (IOException e) {
                    throw new PhoneIncException(
                            "The tokens from the code exchange could not be saved: "
                                    + e.getMessage(),
                            new PhoneIncRequestInfo(
                                    "POST", call.logPath(), reply.status(), null, null, null, true),
                            e);
                }
            }
            return tokens;
        }

        private void fail(PhoneIncException failure) {
            if (failure instanceof PhoneIncRateLimitException rateLimit
                    && rateLimit.isRetryable()
                    && rateLimit.getRetryAfter().isPresent()) {
                exchange.getMessage()
                        .setHeader(
                                Exchange.REDELIVERY_DELAY,
                                rateLimit.getRetryAfter().get().toMillis());
            }
            exchange.setException(failure);
        }

        private void log(int status) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "Phone.inc {} {} -> {} in {} ms{}",
                        call.method(),
                        call.logPath(),
                        status == 0 ? "no answer" : status,
                        (System.nanoTime() - started) / 1_000_000,
                        replayed ? " (replayed after token refresh)" : "");
            }
        }
    }
}
