package com.example.phoneinc.api;

/**
 * An I/O failure or timeout that is safe to repeat: either the request never left this JVM (connect
 * failure, connect timeout, pool timeout) or the method is idempotent (GET, PUT, DELETE). A failure
 * that might have reached Phone.inc on a POST or PATCH is a {@link
 * PhoneIncAmbiguousResultException} instead.
 */
public class PhoneIncConnectionException extends PhoneIncRetryableException {

    public PhoneIncConnectionException(String message, PhoneIncRequestInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
