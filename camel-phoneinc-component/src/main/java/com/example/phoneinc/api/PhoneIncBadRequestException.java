package com.example.phoneinc.api;

/** 400: a required parameter is missing or malformed. Fix the request. */
public class PhoneIncBadRequestException extends PhoneIncClientException {

    public PhoneIncBadRequestException(String message, PhoneIncRequestInfo info) {
        super(message, info, null);
    }
}
