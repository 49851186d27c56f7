package com.example.phoneinc.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * Base of every failure the {@code phoneinc:} component reports. Routes normally catch one of the
 * two groups instead: {@link PhoneIncRetryableException} (retry it) or {@link
 * PhoneIncClientException} (never retry: fix the input or the credential).
 *
 * <p>Immutable. Messages never contain credentials, request bodies or query strings.
 */
public class PhoneIncException extends CamelException implements HttpResponseAware {

    private final PhoneIncRequestInfo info;

    public PhoneIncException(String message, PhoneIncRequestInfo info, Throwable cause) {
        super(message, cause);
        this.info = info;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int getStatusCode() {
        return info.statusCode();
    }

    /** The {@code error} message of the response body, if the body had one. */
    public String getErrorMessage() {
        return info.errorMessage();
    }

    public String getMethod() {
        return info.method();
    }

    /** The request path relative to the base URL, without query string. */
    public String getPath() {
        return info.path();
    }

    /** Response headers; lookups ignore case ({@code getResponseHeaders().get("retry-after")}). */
    public Map<String, String> getResponseHeaders() {
        return info.responseHeaders();
    }

    /** The first {@value PhoneIncRequestInfo#MAX_BODY_CHARS} characters of the response body. */
    public String getResponseBody() {
        return info.responseBody();
    }

    /** False when the component failed the call locally and nothing reached Phone.inc. */
    public boolean isRequestSent() {
        return info.requestSent();
    }

    /** Whether repeating the same request later can succeed. */
    public boolean isRetryable() {
        return false;
    }

    /** How long Phone.inc asked to wait before retrying, when it said so. */
    public Optional<Duration> getRetryAfter() {
        return Optional.empty();
    }

    public PhoneIncRequestInfo getRequestInfo() {
        return info;
    }

    @Override
    public int getHttpResponseCode() {
        return info.statusCode();
    }

    /** Ignored: the exception is immutable. */
    @Override
    public void setHttpResponseCode(int code) {
        // immutable
    }

    @Override
    public String getHttpResponseStatus() {
        return info.errorMessage();
    }

    /** Ignored: the exception is immutable. */
    @Override
    public void setHttpResponseStatus(String status) {
        // immutable
    }
}
