package com.example.phoneinc.client.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Reads an async response into memory within the {@link BoundedBody} bounds. An error answer cut at
 * its bound is reported with its status and headers (a 429's Retry-After, say) through {@link
 * Truncated}, which makes the client close the connection rather than drain it.
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<HttpReply> {

    /** Ends reading an error answer early; carries what was read. */
    static final class Truncated extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient HttpReply reply;

        Truncated(HttpReply reply) {
            super("error body truncated");
            this.reply = reply;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow, not an error: no stack needed
        }

        HttpReply reply() {
            return reply;
        }
    }

    private final int limit;
    private BoundedBody body;

    BoundedResponseConsumer(int limit) {
        this.limit = limit;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType)
            throws ResponseTooLargeException {
        body =
                new BoundedBody(
                        response.getCode(), BoundedBody.headers(response.getHeaders()), limit);
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int n = src.remaining();
        boolean more;
        if (src.hasArray()) {
            more = body.append(src.array(), src.arrayOffset() + src.position(), n);
        } else {
            byte[] chunk = new byte[n];
            src.duplicate().get(chunk);
            more = body.append(chunk, 0, n);
        }
        src.position(src.limit()); // everything is consumed, kept or not
        if (!more && !endOfStream) {
            throw new Truncated(buildResult()); // the rest of an error body is not worth reading
        }
    }

    @Override
    protected HttpReply buildResult() {
        return body.reply();
    }

    @Override
    public void releaseResources() {
        body = null;
    }
}
