package com.example.phoneinc.client;

import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.client.auth.InvalidKeyGuard;
import com.example.phoneinc.client.http.Credential;
import com.example.phoneinc.client.http.Futures;
import com.example.phoneinc.client.http.HttpReply;
import com.example.phoneinc.client.http.PreparedRequest;
import com.example.phoneinc.client.http.Transport;
import com.example.phoneinc.client.http.TransportListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request on its way: admitted by the invalid-key guard, given its credential, sent, and its
 * answer read or mapped, with the one replay after a 401 to an expired OAuth token. Completes
 * {@link #result()} exactly once. The same path for both transports: with the classic one, every
 * step that was started elsewhere (a waiting call released by the guard, a refreshed token) comes
 * back to the calling thread through {@code continuations}, so the blocking send runs there.
 */
final class InFlightRequest implements TransportListener {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneIncClient.class);

    private final PhoneIncClient client;
    private final Transport transport;
    private final Executor continuations;
    private final PreparedRequest request;
    private final ResponseReader reader;
    private final RequestArguments args;
    private final long started = System.nanoTime();

    /** When the first attempt must have ended, waiting in the guard included. */
    private final long deadline;

    private final CompletableFuture<PhoneIncResponse> result = new CompletableFuture<>();
    private Credential credential;
    private boolean replayed;

    /**
     * @param continuations runs what continues the request after another thread took it up: the
     *     calling thread's queue for the classic transport, inline for the async one (whose sends
     *     never block)
     */
    InFlightRequest(
            PhoneIncClient client,
            Transport transport,
            Executor continuations,
            PreparedRequest request,
            ResponseReader reader,
            RequestArguments args) {
        this.client = client;
        this.transport = transport;
        this.continuations = continuations;
        this.request = request;
        this.reader = reader;
        this.args = args;
        this.deadline = started + client.requestTimeoutNanos;
    }

    CompletableFuture<PhoneIncResponse> result() {
        return result;
    }

    void admit() {
        client.guard.admit(
                client.host,
                client.authenticator.guardKey(),
                client.invalidKeyBlockTime,
                deadline,
                () -> continuations.execute(() -> send(client.authenticator.credential())),
                this::rejected);
    }

    /** Sends once the credential is there (at once for API keys). */
    private void send(CompletableFuture<Credential> pending) {
        if (pending.isDone()) {
            sendWith(pending); // the hot path: no callback, no hand-off
        } else {
            // a token refresh completes on another thread: the send continues where it must
            pending.whenComplete((c, error) -> continuations.execute(() -> sendWith(pending)));
        }
    }

    private void sendWith(CompletableFuture<Credential> pending) {
        Credential c;
        try {
            c = pending.join();
        } catch (RuntimeException e) {
            failLocally(e);
            return;
        }
        credential = c;
        try {
            if (replayed) {
                // the replay gets a full timeout
                transport.send(request, c, System.nanoTime() + client.requestTimeoutNanos, this);
            } else {
                transport.send(request, c, deadline, this);
            }
        } catch (RuntimeException | Error e) {
            failLocally(e);
        }
    }

    @Override
    public void onReply(HttpReply reply) {
        try {
            log(reply.status());
            if (LOG.isTraceEnabled()) {
                // any answer may echo the key: redacted like exception messages
                LOG.trace(
                        "Phone.inc {} {} body: {}",
                        request.method(),
                        request.logPath(),
                        client.errors.redact(reply.bodyAsString()));
            }
            if (reply.isSuccess()) {
                client.guard.onAnswer(
                        client.host,
                        client.authenticator.guardKey(),
                        client.invalidKeyBlockTime,
                        reply.status(),
                        null);
                result.complete(reader.read(request, reply));
                return;
            }
            PhoneIncException failure = client.errors.fromReply(request, reply);
            client.guard.onAnswer(
                    client.host,
                    client.authenticator.guardKey(),
                    client.invalidKeyBlockTime,
                    reply.status(),
                    failure.getRetryAfter().orElse(null));
            if (failure instanceof PhoneIncAuthenticationException refused && !replayed) {
                CompletableFuture<Credential> next =
                        client.authenticator.afterUnauthorized(credential, refused.getReason());
                if (next != null) {
                    // the one retry the client makes itself: refresh, then replay once
                    replayed = true;
                    send(next);
                    return;
                }
            }
            if (args.failuresAsReplies()) {
                result.complete(new PhoneIncResponse(reply.status(), reply.bodyAsString(), null));
            } else {
                result.completeExceptionally(failure);
            }
        } catch (RuntimeException | Error | PhoneIncException e) {
            // whatever went wrong, the call must not complete as if it had succeeded
            result.completeExceptionally(e);
        }
    }

    @Override
    public void onFailure(Exception error, boolean possiblySent) {
        try {
            log(0);
            client.guard.onAnswer(
                    client.host,
                    client.authenticator.guardKey(),
                    client.invalidKeyBlockTime,
                    0,
                    null);
            result.completeExceptionally(client.errors.fromFailure(request, error, possiblySent));
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    /** No credential could be had (OAuth refresh failed, grant ended): nothing was sent. */
    private void failLocally(Throwable error) {
        result.completeExceptionally(Futures.cause(error));
    }

    private void rejected(InvalidKeyGuard.Rejection rejection) {
        PhoneIncRequestInfo info = PhoneIncRequestInfo.notSent(request.method(), request.logPath());
        String head = "Phone.inc " + request.method() + " " + request.logPath() + " not sent: ";
        long ms = rejection.remaining().toMillis();
        result.completeExceptionally(
                switch (rejection.cause()) {
                    case IP_BLOCKED ->
                            client.errors.rateLimited(
                                    head
                                            + "Phone.inc answered 429 (too many failed API key"
                                            + " attempts from this IP); calls wait until its"
                                            + " Retry-After has passed, "
                                            + ms
                                            + " ms from now",
                                    info,
                                    rejection.remaining());
                    case KEY_REFUSED ->
                            new PhoneIncAuthenticationException(
                                    head
                                            + "Phone.inc rejected this API key (401), so calls with"
                                            + " it fail locally for another "
                                            + ms
                                            + " ms (invalidKeyBlockTime) to keep Phone.inc from"
                                            + " blocking this IP. Fix the apiKey option.",
                                    info,
                                    PhoneIncAuthenticationException.Reason.INVALID_API_KEY);
                    case KEY_UNVERIFIED ->
                            new PhoneIncConnectionException(
                                    head
                                            + "this API key has not been accepted by Phone.inc yet,"
                                            + " so only one call at a time tries it (to keep a"
                                            + " wrong key from getting this IP blocked), and "
                                            + rejection.detail()
                                            + ". Safe to retry.",
                                    info,
                                    null);
                });
    }

    private void log(int status) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "Phone.inc {} {} -> {} in {} ms{}",
                    request.method(),
                    request.logPath(),
                    status == 0 ? "no answer" : status,
                    (System.nanoTime() - started) / 1_000_000,
                    replayed ? " (replayed after token refresh)" : "");
        }
    }
}
