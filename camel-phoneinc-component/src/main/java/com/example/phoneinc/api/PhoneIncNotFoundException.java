package com.example.phoneinc.api;

/**
 * 404: the resource does not exist, <em>or it belongs to another company</em> than the credential
 * (API keys and OAuth tokens each see one company only).
 */
public class PhoneIncNotFoundException extends PhoneIncClientException {

    public PhoneIncNotFoundException(String message, PhoneIncRequestInfo info) {
        super(message, info, null);
    }
}
