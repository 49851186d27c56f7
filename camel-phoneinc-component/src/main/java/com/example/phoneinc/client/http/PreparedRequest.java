package com.example.phoneinc.client.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One HTTP request, ready to send (named so as not to be confused with a phone call). {@code
 * logPath} is what messages and logs may show: the path without query string and without any
 * credential. {@code contentType} describes {@code body} (JSON for the REST API, a form for the
 * OAuth endpoints).
 */
public record PreparedRequest(
        String method, URI uri, String logPath, byte[] body, String contentType) {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    public PreparedRequest(String method, URI uri, String logPath, byte[] body) {
        this(method, uri, logPath, body, JSON);
    }

    /** A form POST (the OAuth endpoints); null values are left out. */
    public static PreparedRequest formPost(URI uri, String logPath, Map<String, String> form) {
        return new PreparedRequest(
                "POST", uri, logPath, formEncode(form).getBytes(StandardCharsets.UTF_8), FORM);
    }

    /** {@code application/x-www-form-urlencoded} text of {@code form}, null values left out. */
    public static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(
                        e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2). */
    public boolean isIdempotent() {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }
}
