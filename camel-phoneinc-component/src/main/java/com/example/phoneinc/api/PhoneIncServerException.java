package com.example.phoneinc.api;

/** 5xx: something broke at Phone.inc. Retry with exponential backoff (1 s, 2 s, 4 s … 30 s). */
public class PhoneIncServerException extends PhoneIncRetryableException {

    public PhoneIncServerException(String message, PhoneIncRequestInfo info) {
        super(message, info, null);
    }
}
