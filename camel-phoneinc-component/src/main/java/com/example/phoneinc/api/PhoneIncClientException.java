package com.example.phoneinc.api;

/**
 * Group of failures that will fail the same way every time until the input or the credential is
 * fixed: never retry them, send them to a dead-letter channel. 4xx statuses without a class of
 * their own are reported as this class.
 */
public class PhoneIncClientException extends PhoneIncException {

    public PhoneIncClientException(String message, PhoneIncRequestInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
