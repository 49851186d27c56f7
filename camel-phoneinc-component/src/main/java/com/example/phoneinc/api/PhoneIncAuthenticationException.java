package com.example.phoneinc.api;

/**
 * 401: the credential is missing, wrong, expired or revoked. {@link #getReason()} says which. API
 * keys never expire, so with an API key this is final: fix the key. After a 401 the component fails
 * further calls with the same key locally for a while (see {@code invalidKeyBlockTime}) so a
 * misconfigured route cannot trigger Phone.inc's IP block; those failures have {@link
 * #isRequestSent()} false.
 */
public class PhoneIncAuthenticationException extends PhoneIncClientException {

    /** Why the credential was refused. */
    public enum Reason {
        /** Phone.inc does not know the API key ({@code "Invalid API key"}). */
        INVALID_API_KEY,
        /** No credential was sent, or it was blank. */
        MISSING_CREDENTIAL,
        /** The OAuth access token is unknown or malformed. */
        INVALID_TOKEN,
        /** The OAuth access token has expired. */
        EXPIRED_TOKEN,
        /** The OAuth token was revoked: the user has to authorize again. */
        REVOKED_TOKEN,
        /** A 401 whose reason could not be determined. */
        UNKNOWN
    }

    private final Reason reason;

    public PhoneIncAuthenticationException(
            String message, PhoneIncRequestInfo info, Reason reason) {
        super(message, info, null);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
