package com.example.phoneinc.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A request the simulator received (control requests under {@code /_sim} are not recorded). */
public final class RecordedRequest {

    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final String remoteAddress;
    private final Instant receivedAt;

    RecordedRequest(
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            String body,
            String remoteAddress,
            Instant receivedAt) {
        this.method = method;
        this.path = path;
        this.query = query;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = Collections.unmodifiableMap(h);
        this.body = body;
        this.remoteAddress = remoteAddress;
        this.receivedAt = receivedAt;
    }

    /** HTTP method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** Path without the query string, e.g. {@code /api/v1/calls}. */
    public String path() {
        return path;
    }

    /** Raw (still URL-encoded) query string, or null when the request had none. */
    public String query() {
        return query;
    }

    /** Request headers; lookups are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** First value of a header (case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Request body as UTF-8 text; empty string when there was none. */
    public String body() {
        return body;
    }

    /** Client address as seen by the simulator. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** When the simulator received the request (simulator clock). */
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query);
    }
}
