package com.example.phoneinc.api;

/**
 * A POST or PATCH failed with an I/O error or timeout after the request may have reached Phone.inc:
 * it may or may not have taken effect. Never replayed blindly (Phone.inc documents no idempotency
 * keys, so a replayed create could duplicate a contact or employee). Reconcile first, for example
 * by listing contacts with the phone number, then decide.
 */
public class PhoneIncAmbiguousResultException extends PhoneIncClientException {

    public PhoneIncAmbiguousResultException(
            String message, PhoneIncRequestInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
