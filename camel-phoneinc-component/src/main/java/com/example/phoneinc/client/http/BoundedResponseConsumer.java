package com.example.phoneinc.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Reads a response into memory, bounded. A successful (2xx) answer whose body grows beyond {@code
 * limit} (maxResponseSize) fails as soon as it does, since a cut-off result cannot be used. An
 * error answer is never failed for its size, and needs only kilobytes: reading stops after its
 * first {@value #ERROR_BODY_LIMIT} bytes, which are reported with its status and headers (a 429's
 * Retry-After, say) through {@link Truncated}; the connection is then closed rather than drained.
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<HttpReply> {

    /** Most bytes of a non-2xx body kept: enough for any error JSON or an HTML error page. */
    static final int ERROR_BODY_LIMIT = 64 * 1024;

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
    private int status;
    private boolean truncate;
    private Map<String, String> headers;
    private ByteArrayOutputStream body;

    BoundedResponseConsumer(int limit) {
        this.limit = limit;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType)
            throws ResponseTooLargeException {
        status = response.getCode();
        headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : response.getHeaders()) {
            headers.putIfAbsent(h.getName(), h.getValue());
        }
        truncate = status < 200 || status >= 300;
        long declared = parseLength(headers.get("Content-Length"));
        if (declared > limit && !truncate) {
            throw new ResponseTooLargeException(status, limit);
        }
        int max = max();
        body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, max) : 1024);
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    private int max() {
        return truncate ? Math.min(limit, ERROR_BODY_LIMIT) : limit;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int n = src.remaining();
        int max = max();
        boolean full = false;
        if (body.size() + (long) n > max) {
            if (!truncate) {
                throw new ResponseTooLargeException(status, limit);
            }
            n = Math.max(0, max - body.size()); // keep what fits of an error body
            full = true;
        }
        if (src.hasArray()) {
            body.write(src.array(), src.arrayOffset() + src.position(), n);
        } else {
            byte[] chunk = new byte[n];
            src.duplicate().get(chunk);
            body.write(chunk, 0, n);
        }
        src.position(src.limit()); // everything is consumed, kept or not
        if (full && !endOfStream) {
            throw new Truncated(buildResult()); // the rest of an error body is not worth reading
        }
    }

    @Override
    protected HttpReply buildResult() {
        return new HttpReply(status, headers, body.toByteArray());
    }

    @Override
    public void releaseResources() {
        body = null;
    }

    private static long parseLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
