package com.example.phoneinc.internal;

import java.net.URI;

/**
 * One request to send. {@code logPath} is what messages and logs may show: the path without query
 * string and without any credential.
 */
public record HttpCall(String method, URI uri, String logPath, byte[] body) {

    /** Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2). */
    public boolean isIdempotent() {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }
}
