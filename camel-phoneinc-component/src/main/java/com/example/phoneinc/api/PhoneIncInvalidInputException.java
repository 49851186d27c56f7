package com.example.phoneinc.api;

/**
 * The component's own validation rejected the exchange before anything was sent: a phone number
 * that is not E.164, a missing id, a body of the wrong type. {@link #getField()} names the option,
 * header or body that is wrong.
 */
public class PhoneIncInvalidInputException extends PhoneIncClientException {

    private final String field;

    public PhoneIncInvalidInputException(String field, String message, PhoneIncRequestInfo info) {
        super(message, info, null);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
