package com.example.phoneinc.client.http;

import java.io.IOException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * Sends one request on Apache HttpClient 5's async client without holding the caller's thread, and
 * guarantees the listener hears exactly once: from the HTTP client (on one of its I/O threads), or
 * from the component's own deadline sweeper when the client's timeouts fail to end a call (a hung
 * server, a stalled pool). The listener must not block: it runs on those threads.
 */
public final class AsyncHttpTransport extends SharedClientTransport<CloseableHttpAsyncClient> {

    /**
     * @param clients gives the (shared, started) client on first use, so that endpoints that never
     *     send asynchronously never start one
     * @param deadlineMillis the longest one request may take before the sweeper ends it
     */
    public AsyncHttpTransport(
            Supplier<CloseableHttpAsyncClient> clients,
            DeadlineSweeper sweeper,
            long deadlineMillis,
            int maxResponseSize) {
        super(clients, sweeper, deadlineMillis, maxResponseSize);
    }

    @Override
    public void send(
            PreparedRequest call,
            Credential credential,
            long deadlineNanos,
            TransportListener listener) {
        SimpleHttpRequest request = SimpleHttpRequest.create(call.method(), call.uri());
        addHeaders(request, credential);
        if (call.body() != null) {
            request.setBody(call.body(), contentType(call));
        }
        Once once = new Once(listener, deadlineNanos);
        Future<HttpReply> future;
        try {
            future =
                    client().execute(
                                    SimpleRequestProducer.create(request),
                                    new BoundedResponseConsumer(maxResponseSize),
                                    once);
        } catch (RuntimeException e) {
            // e.g. the client was closed: nothing was sent
            once.failed(new IOException("HTTP client unavailable: " + e.getMessage(), e), false);
            return;
        }
        once.future = future;
        sweeper.watch(once);
    }

    /** Delivers one outcome to the listener and drops the rest (late client callbacks, timer). */
    private final class Once extends DeadlineSweeper.Watched implements FutureCallback<HttpReply> {
        private final TransportListener listener;
        private volatile Future<HttpReply> future;

        Once(TransportListener listener, long deadlineNanos) {
            super(deadlineNanos);
            this.listener = listener;
        }

        @Override
        public void completed(HttpReply reply) {
            if (end()) {
                listener.onReply(reply);
            }
        }

        @Override
        public void failed(Exception error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof BoundedResponseConsumer.Truncated truncated) {
                    completed(truncated.reply()); // an error answer, read as far as worth it
                    return;
                }
            }
            failed(SendErrors.reported(error, deadlineMillis), !SendErrors.certainlyNotSent(error));
        }

        boolean failed(Exception error, boolean possiblySent) {
            if (end()) {
                listener.onFailure(error, possiblySent);
                return true;
            }
            return false;
        }

        @Override
        public void cancelled() {
            failed(new IOException("request cancelled"), true);
        }

        @Override
        protected void expire() {
            if (failed(SendErrors.deadlinePassed(deadlineMillis), true)) {
                Future<HttpReply> f = future;
                if (f != null) {
                    f.cancel(true);
                }
            }
        }
    }
}
