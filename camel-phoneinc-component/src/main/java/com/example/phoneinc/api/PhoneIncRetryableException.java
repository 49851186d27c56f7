package com.example.phoneinc.api;

/**
 * Group of failures that may succeed when repeated: rate limiting (429), server faults (5xx) and
 * I/O failures that are safe to repeat. Name this class in one {@code onException} clause.
 */
public class PhoneIncRetryableException extends PhoneIncException {

    public PhoneIncRetryableException(String message, PhoneIncRequestInfo info, Throwable cause) {
        super(message, info, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
