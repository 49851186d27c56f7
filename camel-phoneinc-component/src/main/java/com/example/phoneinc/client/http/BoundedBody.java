package com.example.phoneinc.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.core5.http.Header;

/**
 * The one body-reading bound both transports apply. A successful (2xx) answer whose body grows
 * beyond {@code limit} (maxResponseSize) fails as soon as it does, since a cut-off result cannot be
 * used. An error answer is never failed for its size, and needs only kilobytes: only its first
 * {@value #ERROR_BODY_LIMIT} bytes are kept, and the transport stops reading there (and closes the
 * connection rather than draining it).
 */
final class BoundedBody {

    /** Most bytes of a non-2xx body kept: enough for any error JSON or an HTML error page. */
    static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final int status;
    private final Map<String, String> headers;
    private final int limit;
    private final boolean errorAnswer;
    private final long declared;
    private ByteArrayOutputStream body;
    private byte[] whole;

    /**
     * @param headers first value of each response header, case-insensitive keys ({@link
     *     #headers(Header[])})
     * @throws ResponseTooLargeException a 2xx whose declared Content-Length exceeds {@code limit}
     */
    BoundedBody(int status, Map<String, String> headers, int limit)
            throws ResponseTooLargeException {
        this.status = status;
        this.headers = headers;
        this.limit = limit;
        this.errorAnswer = status < 200 || status >= 300;
        this.declared = parseLength(headers.get("Content-Length"));
        if (declared > limit && !errorAnswer) {
            throw new ResponseTooLargeException(status, limit);
        }
    }

    /** First value of each header, case-insensitive keys: what {@link HttpReply} carries. */
    static Map<String, String> headers(Header[] all) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : all) {
            headers.putIfAbsent(h.getName(), h.getValue());
        }
        return headers;
    }

    /** The most bytes kept of this answer's body. */
    private int max() {
        return errorAnswer ? Math.min(limit, ERROR_BODY_LIMIT) : limit;
    }

    /**
     * Keeps {@code len} bytes, or what fits of them (the async client's chunks).
     *
     * @return false when the body is full (an error answer at its bound): stop reading
     * @throws ResponseTooLargeException a 2xx body grew beyond maxResponseSize
     */
    boolean append(byte[] bytes, int offset, int len) throws ResponseTooLargeException {
        if (body == null) {
            body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, max()) : 1024);
        }
        int max = max();
        if (body.size() + (long) len > max) {
            if (!errorAnswer) {
                throw new ResponseTooLargeException(status, limit);
            }
            body.write(bytes, offset, Math.max(0, max - body.size()));
            return false;
        }
        body.write(bytes, offset, len);
        return !errorAnswer || body.size() < max;
    }

    /**
     * Reads the body from a stream (the classic client). A body of declared length that fits is
     * read into one array of that size, with no copy.
     *
     * @return false when an error body was cut at its bound: close the connection, do not drain it
     * @throws ResponseTooLargeException a 2xx body grew beyond maxResponseSize
     */
    boolean readFrom(InputStream in) throws IOException {
        if (declared >= 0 && declared <= max()) {
            whole = in.readNBytes((int) declared);
            return true;
        }
        if (declared > max()) { // an error answer: what fits, and no more
            whole = in.readNBytes(max());
            return false;
        }
        byte[] chunk = new byte[8192];
        for (int n; (n = in.read(chunk)) >= 0; ) {
            if (!append(chunk, 0, n)) {
                return false;
            }
        }
        return true;
    }

    HttpReply reply() {
        byte[] bytes = whole != null ? whole : body != null ? body.toByteArray() : new byte[0];
        return new HttpReply(status, headers, bytes);
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
