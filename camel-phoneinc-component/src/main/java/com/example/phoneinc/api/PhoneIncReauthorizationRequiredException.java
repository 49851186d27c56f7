package com.example.phoneinc.api;

/**
 * The OAuth grant is gone: the access token was revoked, or Phone.inc refused the refresh token
 * ({@code invalid_grant}: expired after 30 days, revoked, or already rotated). No call with this
 * credential can succeed until the user authorizes the app again (see docs/authentication.adoc);
 * the component stops calling Phone.inc with it. Never retry.
 */
public class PhoneIncReauthorizationRequiredException extends PhoneIncAuthenticationException {

    public PhoneIncReauthorizationRequiredException(
            String message, PhoneIncRequestInfo info, Reason reason) {
        super(message, info, reason);
    }
}
