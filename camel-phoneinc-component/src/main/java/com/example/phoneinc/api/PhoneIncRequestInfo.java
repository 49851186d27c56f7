package com.example.phoneinc.api;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a failed Phone.inc call was and what came back: the immutable facts every {@link
 * PhoneIncException} carries.
 *
 * <p>{@code path} is the request path relative to the base URL, without the query string (which may
 * hold personal data such as phone numbers). Credentials are never part of it: the component sends
 * them only as headers. {@code statusCode} is 0 when no HTTP response was received. {@code
 * responseBody} is bounded (see {@link #MAX_BODY_CHARS}).
 */
public record PhoneIncRequestInfo(
        String method,
        String path,
        int statusCode,
        String errorMessage,
        Map<String, String> responseHeaders,
        String responseBody,
        boolean requestSent)
        implements Serializable {

    /** The longest body prefix kept on an exception. */
    public static final int MAX_BODY_CHARS = 8 * 1024;

    public PhoneIncRequestInfo {
        TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (responseHeaders != null) {
            headers.putAll(responseHeaders);
        }
        responseHeaders = Collections.unmodifiableMap(headers);
        if (responseBody != null && responseBody.length() > MAX_BODY_CHARS) {
            responseBody = responseBody.substring(0, MAX_BODY_CHARS);
        }
    }

    /** A request that failed before anything was sent. */
    public static PhoneIncRequestInfo notSent(String method, String path) {
        return new PhoneIncRequestInfo(method, path, 0, null, Map.of(), null, false);
    }

    /** A request that got no HTTP answer (I/O failure, timeout). */
    public static PhoneIncRequestInfo noAnswer(String method, String path, boolean possiblySent) {
        return new PhoneIncRequestInfo(method, path, 0, null, Map.of(), null, possiblySent);
    }

    /** A request Phone.inc answered with {@code status}. */
    public static PhoneIncRequestInfo answered(
            String method,
            String path,
            int status,
            String errorMessage,
            Map<String, String> responseHeaders,
            String responseBody) {
        return new PhoneIncRequestInfo(
                method, path, status, errorMessage, responseHeaders, responseBody, true);
    }
}
