package com.example.phoneinc.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Reads a response into memory, bounded by the limit. A successful (2xx) answer whose body grows
 * beyond the limit fails as soon as it does, since a cut-off result cannot be used. An error answer
 * is never failed for its size: its first {@code limit} bytes are kept and the rest is discarded,
 * so it is still reported by its status, with its headers (a 429's Retry-After, say).
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<HttpReply> {

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
        body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, limit) : 1024);
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws ResponseTooLargeException {
        int n = src.remaining();
        if (body.size() + (long) n > limit) {
            if (!truncate) {
                throw new ResponseTooLargeException(status, limit);
            }
            n = Math.max(0, limit - body.size()); // keep what fits of an error body
        }
        if (src.hasArray()) {
            body.write(src.array(), src.arrayOffset() + src.position(), n);
        } else {
            byte[] chunk = new byte[n];
            src.duplicate().get(chunk);
            body.write(chunk, 0, n);
        }
        src.position(src.limit()); // everything is consumed, kept or not
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
