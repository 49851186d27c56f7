package com.example.phoneinc.client.http;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP request to Phone.inc. Never retries (Camel's error handler is the retry layer),
 * never follows redirects, reads bounded bodies, and guarantees the listener hears exactly once by
 * the deadline. {@link AsyncHttpTransport} returns at once and tells the listener later, on an HTTP
 * I/O thread; {@link ClassicHttpTransport} tells it on the calling thread before it returns.
 */
public interface Transport {

    /** The longest one request may take, when the caller gives no deadline of its own. */
    long requestTimeoutMillis();

    /**
     * Sends {@code request} with {@code credential} (null: none); {@code listener} hears the
     * outcome once, at the latest at {@code deadlineNanos} (a {@link System#nanoTime()} value).
     */
    void send(
            PreparedRequest request,
            Credential credential,
            long deadlineNanos,
            TransportListener listener);

    /**
     * Sends with a full {@link #requestTimeoutMillis()}; the future fails with a {@link
     * TransportFailure} when there is no answer.
     */
    default CompletableFuture<HttpReply> send(PreparedRequest request, Credential credential) {
        CompletableFuture<HttpReply> result = new CompletableFuture<>();
        send(
                request,
                credential,
                System.nanoTime() + requestTimeoutMillis() * 1_000_000L,
                new TransportListener() {
                    @Override
                    public void onReply(HttpReply reply) {
                        result.complete(reply);
                    }

                    @Override
                    public void onFailure(Exception error, boolean possiblySent) {
                        result.completeExceptionally(new TransportFailure(error, possiblySent));
                    }
                });
        return result;
    }

    /** No HTTP answer: the I/O error, and whether the request may have reached Phone.inc. */
    final class TransportFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean possiblySent;

        public TransportFailure(Exception cause, boolean possiblySent) {
            super(cause.getMessage(), cause);
            this.possiblySent = possiblySent;
        }

        public boolean possiblySent() {
            return possiblySent;
        }

        /** The I/O error itself. */
        public Exception error() {
            return (Exception) getCause();
        }
    }
}
