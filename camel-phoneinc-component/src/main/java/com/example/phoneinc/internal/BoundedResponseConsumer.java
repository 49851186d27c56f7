package com.example.phoneinc.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** Reads a response into memory, failing as soon as the body grows beyond the limit. */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<HttpReply> {

    private final int limit;
    private int status;
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
        long declared = parseLength(headers.get("Content-Length"));
        if (declared > limit) {
            throw new ResponseTooLargeException(status, limit);
        }
        body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws ResponseTooLargeException {
        int n = src.remaining();
        if (body.size() + (long) n > limit) {
            throw new ResponseTooLargeException(status, limit);
        }
        if (src.hasArray()) {
            body.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.limit());
        } else {
            byte[] chunk = new byte[n];
            src.get(chunk);
            body.write(chunk, 0, n);
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
