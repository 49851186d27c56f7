package com.example.phoneinc.api;

/** 403: the credential is valid but does not grant access to this resource. */
public class PhoneIncForbiddenException extends PhoneIncClientException {

    public PhoneIncForbiddenException(String message, PhoneIncRequestInfo info) {
        super(message, info, null);
    }
}
