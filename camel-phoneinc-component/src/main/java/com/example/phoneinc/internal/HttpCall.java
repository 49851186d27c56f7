package com.example.phoneinc.internal;

import java.net.URI;

/**
 * One request to send. {@code logPath} is what messages and logs may show: the path without query
 * string and without any credential. {@code contentType} describes {@code body} (JSON for the REST
 * API, a form for the OAuth endpoints).
 */
public record HttpCall(String method, URI uri, String logPath, byte[] body, String contentType) {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    public HttpCall(String method, URI uri, String logPath, byte[] body) {
        this(method, uri, logPath, body, JSON);
    }

    /** Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2). */
    public boolean isIdempotent() {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }
}
