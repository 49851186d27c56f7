package com.example.phoneinc.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Fault injection. Each rule applies to the next {@code count} requests it matches (any request
 * outside {@code /_sim}, or only those with a given method and path prefix); rules are consumed in
 * the order they were added, one rule per request.
 *
 * <pre>{@code
 * sim.faults().next(2).status(503);                                  // next 2 requests: 503
 * sim.faults().next(1).on("GET", "/api/v1/calls").tooManyRequests(3); // 429 + Retry-After: 3
 * sim.faults().next(1).delay(Duration.ofMillis(300));                 // slow, then normal answer
 * sim.faults().next(1).resetConnection();                             // TCP RST, no response
 * }</pre>
 */
public final class Faults {

    /** The HTML page sent by {@link Rule#badGatewayHtml()}, like a proxy/load balancer would. */
    public static final String BAD_GATEWAY_HTML =
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                    + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    + "</body>\r\n</html>\r\n";

    /** The bytes sent by {@link Rule#garbageThenClose()} before the connection is closed. */
    static final String GARBAGE = "\u0000\u0017GARBAGE-NOT-HTTP \u00ff\u00fe\r\n\r\n{\"calls\":[";

    enum Kind {
        STATUS,
        DELAY,
        CLOSE,
        RESET,
        GARBAGE
    }

    /** An enqueued fault. */
    static final class Spec {
        final Kind kind;
        final String method;
        final String pathPrefix;
        final int status;
        final String contentType;
        final String body;
        final Map<String, String> headers;
        final long delayMillis;
        int remaining;

        Spec(Rule r, Kind kind, int status, String contentType, String body, long delayMillis) {
            this.kind = kind;
            this.method = r.method;
            this.pathPrefix = r.pathPrefix;
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.headers = Map.copyOf(r.headers);
            this.delayMillis = delayMillis;
            this.remaining = r.count;
        }

        boolean matches(String m, String path) {
            return (method == null || method.equalsIgnoreCase(m))
                    && (pathPrefix == null || path.startsWith(pathPrefix));
        }

        Map<String, Object> describe() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", kind.name().toLowerCase(Locale.ROOT));
            d.put("remaining", remaining);
            d.put("method", method);
            d.put("path", pathPrefix);
            if (kind == Kind.STATUS) {
                d.put("status", status);
            }
            if (kind == Kind.DELAY) {
                d.put("delay_ms", delayMillis);
            }
            return d;
        }
    }

    private final List<Spec> queue = new ArrayList<>();
    private volatile int size;

    Faults() {}

    /** Starts a rule for the next {@code count} matching requests. */
    public Rule next(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        return new Rule(count);
    }

    /** Starts a rule for the next matching request. */
    public Rule next() {
        return next(1);
    }

    /** Removes all pending faults. */
    public synchronized void clear() {
        queue.clear();
        size = 0;
    }

    /** How many faulted requests are still pending, summed over all rules. */
    public synchronized int pending() {
        int n = 0;
        for (Spec s : queue) {
            n += s.remaining;
        }
        return n;
    }

    synchronized List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Spec s : queue) {
            out.add(s.describe());
        }
        return out;
    }

    synchronized void add(Spec spec) {
        queue.add(spec);
        size = queue.size();
    }

    /** Consumes one use of the first rule matching the request, or returns null. */
    Spec poll(String method, String path) {
        if (size == 0) {
            return null;
        }
        synchronized (this) {
            for (int i = 0; i < queue.size(); i++) {
                Spec s = queue.get(i);
                if (s.matches(method, path)) {
                    if (--s.remaining <= 0) {
                        queue.remove(i);
                        size = queue.size();
                    }
                    return s;
                }
            }
            return null;
        }
    }

    /** Builder of one fault rule; a terminal method (status, delay, ...) enqueues it. */
    public final class Rule {
        private final int count;
        private String method;
        private String pathPrefix;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Rule(int count) {
            this.count = count;
        }

        /**
         * Restricts the rule to requests with this method (null or "*" = any) whose path starts
         * with {@code pathPrefix} (null = any), e.g. {@code on("POST", "/oauth/token")}.
         */
        public Rule on(String method, String pathPrefix) {
            this.method = method == null || "*".equals(method) ? null : method;
            this.pathPrefix = pathPrefix;
            return this;
        }

        /** Adds a response header (for status faults). */
        public Rule header(String name, String value) {
            headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** Answer {@code status} with a JSON body {@code {"error": "..."}}. */
        public void status(int status) {
            String msg = status >= 500 ? "Internal server error" : "Simulated error";
            if (status == 429) {
                msg = "Too many requests";
            }
            status(status, "application/json; charset=utf-8", "{\"error\":\"" + msg + "\"}");
        }

        /** Answer {@code status} with the given body and content type (both may be null). */
        public void status(int status, String contentType, String body) {
            add(new Spec(this, Kind.STATUS, status, contentType, body, 0));
        }

        /** Answer {@code status} with an empty body (Content-Length: 0, no Content-Type). */
        public void emptyBody(int status) {
            status(status, null, null);
        }

        /** Answer 502 with an HTML page as a reverse proxy would ({@link #BAD_GATEWAY_HTML}). */
        public void badGatewayHtml() {
            status(502, "text/html", BAD_GATEWAY_HTML);
        }

        /** Answer 429 with {@code Retry-After: seconds} and a JSON error body. */
        public void tooManyRequests(long retryAfterSeconds) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
            status(429);
        }

        /** Wait {@code delay}, then handle the request normally. */
        public void delay(Duration delay) {
            add(new Spec(this, Kind.DELAY, 0, null, null, Math.max(0, delay.toMillis())));
        }

        /** Close the connection (TCP FIN) without sending any response. */
        public void closeConnection() {
            add(new Spec(this, Kind.CLOSE, 0, null, null, 0));
        }

        /** Reset the connection (TCP RST, SO_LINGER 0) without sending any response. */
        public void resetConnection() {
            add(new Spec(this, Kind.RESET, 0, null, null, 0));
        }

        /** Send bytes that are not an HTTP response, then close the connection. */
        public void garbageThenClose() {
            add(new Spec(this, Kind.GARBAGE, 0, null, null, 0));
        }
    }
}
