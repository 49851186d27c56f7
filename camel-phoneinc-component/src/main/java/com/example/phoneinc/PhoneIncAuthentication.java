package com.example.phoneinc;

import com.example.phoneinc.internal.Authenticator;
import com.example.phoneinc.internal.OAuthTokenManager;
import com.example.phoneinc.oauth.PhoneIncTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Chooses how an endpoint authenticates — API key or OAuth — in one place, with messages that say
 * exactly which option to set. Messages never quote a credential.
 */
final class PhoneIncAuthentication {

    private PhoneIncAuthentication() {}

    static Authenticator choose(
            PhoneIncEndpoint endpoint, PhoneIncConfiguration config, PhoneIncComponent component)
            throws Exception {
        boolean hasKey = !blank(config.getApiKey());
        boolean hasOAuth = hasOAuth(config);
        String type =
                config.getAuthenticationType() == null
                        ? null
                        : config.getAuthenticationType().trim().toLowerCase(Locale.ROOT);
        if (type == null) {
            if (hasKey && hasOAuth) {
                throw new IllegalArgumentException(
                        "Both an API key (apiKey) and OAuth credentials (accessToken, refreshToken"
                                + " or tokenStore) are set for "
                                + endpoint
                                + ": set only one, or choose with authenticationType=apiKey|oauth");
            }
            if (!hasKey && !hasOAuth) {
                throw new IllegalArgumentException(
                        "No Phone.inc credential for "
                                + endpoint
                                + ": set the apiKey option (camel.component.phoneinc.api-key), or"
                                + " for OAuth clientId with accessToken/refreshToken or tokenStore");
            }
            type = hasKey ? "apikey" : "oauth";
        }
        return switch (type) {
            case "apikey" -> apiKey(endpoint, config);
            case "oauth" -> oauth(endpoint, config, component, hasOAuth);
            default ->
                    throw new IllegalArgumentException(
                            "Invalid authenticationType for " + endpoint + ": use apiKey or oauth");
        };
    }

    private static Authenticator apiKey(PhoneIncEndpoint endpoint, PhoneIncConfiguration config) {
        String key = config.getApiKey() == null ? "" : config.getApiKey().strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException(
                    "No Phone.inc credential for "
                            + endpoint
                            + ": set the apiKey option on the endpoint or on the component"
                            + " (camel.component.phoneinc.api-key)");
        }
        if (!key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "The Phone.inc apiKey of "
                            + endpoint
                            + " contains spaces, line breaks or other characters an API key never"
                            + " has: check how it was copied");
        }
        return Authenticator.apiKey(key, fingerprint(key));
    }

    private static Authenticator oauth(
            PhoneIncEndpoint endpoint,
            PhoneIncConfiguration config,
            PhoneIncComponent component,
            boolean hasOAuth)
            throws Exception {
        if (!hasOAuth) {
            throw new IllegalArgumentException(
                    "authenticationType=oauth for "
                            + endpoint
                            + " needs accessToken, refreshToken or tokenStore");
        }
        boolean canRefresh = !blank(config.getRefreshToken()) || config.getTokenStore() != null;
        if (canRefresh && blank(config.getClientId())) {
            throw new IllegalArgumentException(
                    "OAuth for "
                            + endpoint
                            + " needs the clientId option to refresh tokens (the client id"
                            + " Phone.inc issued for the app)");
        }
        return Authenticator.oauth(tokenManager(config, component));
    }

    /** The shared token manager of the credential configured in {@code config}. */
    static OAuthTokenManager tokenManager(PhoneIncConfiguration config, PhoneIncComponent component)
            throws Exception {
        PhoneIncTokens configured =
                blank(config.getAccessToken()) && blank(config.getRefreshToken())
                        ? null
                        : new PhoneIncTokens(
                                strip(config.getAccessToken()),
                                strip(config.getRefreshToken()),
                                null,
                                null);
        return component.tokenManager(config, configured);
    }

    /** Whether {@code config} holds OAuth tokens or a token store. */
    static boolean hasOAuth(PhoneIncConfiguration config) {
        return !blank(config.getAccessToken())
                || !blank(config.getRefreshToken())
                || config.getTokenStore() != null;
    }

    static String fingerprint(String secret) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
