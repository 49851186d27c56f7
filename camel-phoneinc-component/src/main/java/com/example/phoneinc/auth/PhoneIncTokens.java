package com.example.phoneinc.auth;

import java.time.Instant;

/**
 * An OAuth token set as Phone.inc's token endpoint issues it. {@code expiresAt} is null when the
 * lifetime is unknown (a token configured by hand without one). {@code toString()} never prints the
 * tokens.
 */
public record PhoneIncTokens(
        String accessToken, String refreshToken, Instant expiresAt, String scope) {

    /** A copy with a new access token, keeping the refresh token if the response had none. */
    public PhoneIncTokens rotate(PhoneIncTokens issued) {
        return new PhoneIncTokens(
                issued.accessToken(),
                issued.refreshToken() != null ? issued.refreshToken() : refreshToken,
                issued.expiresAt(),
                issued.scope() != null ? issued.scope() : scope);
    }

    @Override
    public String toString() {
        return "PhoneIncTokens[accessToken="
                + (accessToken == null ? "none" : "xxxxxx")
                + ", refreshToken="
                + (refreshToken == null ? "none" : "xxxxxx")
                + ", expiresAt="
                + expiresAt
                + ", scope="
                + scope
                + "]";
    }
}
