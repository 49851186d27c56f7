package com.example.phoneinc.client.auth;

import com.example.phoneinc.auth.PhoneIncTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;

/**
 * The credential options of one endpoint, as configured (any of them may be null or blank).
 *
 * @param owner what the options belong to, for messages (an endpoint URI without secrets)
 */
public record CredentialOptions(
        String owner,
        String authenticationType,
        String apiKey,
        String clientId,
        String accessToken,
        String refreshToken,
        PhoneIncTokenStore tokenStore) {

    /** Whether OAuth tokens or a token store are set. */
    public boolean hasOAuth() {
        return !blank(accessToken) || !blank(refreshToken) || tokenStore != null;
    }

    public boolean hasApiKey() {
        return !blank(apiKey);
    }

    /** The configured tokens (stripped), or null when none are set. */
    public PhoneIncTokens configuredTokens() {
        return blank(accessToken) && blank(refreshToken)
                ? null
                : new PhoneIncTokens(strip(accessToken), strip(refreshToken), null, null);
    }

    /** The client id, stripped; null when blank. */
    public String clientIdStripped() {
        return strip(clientId);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    /** Never prints a credential. */
    @Override
    public String toString() {
        return "CredentialOptions[" + owner + "]";
    }
}
