package com.example.phoneinc.client.auth;

import java.util.Locale;

/**
 * How an endpoint authenticates — chosen and validated here, in one place, with messages that say
 * exactly which option to set. Messages never quote a credential. A new kind of credential is one
 * more value here and one more {@link Authenticator}.
 */
public enum AuthenticationType {
    /** {@code X-Api-Key}: the company's own key. */
    API_KEY("apiKey"),
    /** {@code Authorization: Bearer}: a partner app's OAuth 2.0 tokens. */
    OAUTH("oauth");

    private final String option;

    AuthenticationType(String option) {
        this.option = option;
    }

    /** The value of the {@code authenticationType} option. */
    public String option() {
        return option;
    }

    /**
     * The authentication the options ask for, after checking they are complete and unambiguous.
     *
     * @throws IllegalArgumentException naming the options to set
     */
    public static AuthenticationType choose(CredentialOptions o) {
        AuthenticationType type = fromOption(o);
        boolean hasKey = o.hasApiKey();
        boolean hasOAuth = o.hasOAuth();
        if (type == null) {
            if (hasKey && hasOAuth) {
                throw new IllegalArgumentException(
                        "Both an API key (apiKey) and OAuth credentials (accessToken, refreshToken"
                                + " or tokenStore) are set for "
                                + o.owner()
                                + ": set only one, or choose with authenticationType=apiKey|oauth");
            }
            if (!hasKey && !hasOAuth) {
                throw new IllegalArgumentException(
                        "No Phone.inc credential for "
                                + o.owner()
                                + ": set the apiKey option (camel.component.phoneinc.api-key), or"
                                + " for OAuth clientId with accessToken/refreshToken or tokenStore");
            }
            type = hasKey ? API_KEY : OAUTH;
        }
        type.validate(o);
        return type;
    }

    private void validate(CredentialOptions o) {
        switch (this) {
            case API_KEY -> {
                String key = o.apiKey() == null ? "" : o.apiKey().strip();
                if (key.isEmpty()) {
                    throw new IllegalArgumentException(
                            "No Phone.inc credential for "
                                    + o.owner()
                                    + ": set the apiKey option on the endpoint or on the component"
                                    + " (camel.component.phoneinc.api-key)");
                }
                if (!key.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
                    throw new IllegalArgumentException(
                            "The Phone.inc apiKey of "
                                    + o.owner()
                                    + " contains spaces, line breaks or other characters an API"
                                    + " key never has: check how it was copied");
                }
            }
            case OAUTH -> {
                if (!o.hasOAuth()) {
                    throw new IllegalArgumentException(
                            "authenticationType=oauth for "
                                    + o.owner()
                                    + " needs accessToken, refreshToken or tokenStore");
                }
                boolean canRefresh =
                        !CredentialOptions.blank(o.refreshToken()) || o.tokenStore() != null;
                if (canRefresh && CredentialOptions.blank(o.clientId())) {
                    throw new IllegalArgumentException(
                            "OAuth for "
                                    + o.owner()
                                    + " needs the clientId option to refresh tokens (the client id"
                                    + " Phone.inc issued for the app)");
                }
            }
        }
    }

    private static AuthenticationType fromOption(CredentialOptions o) {
        String v = o.authenticationType();
        if (v == null || v.isBlank()) {
            return null;
        }
        for (AuthenticationType t : values()) {
            if (t.option.toLowerCase(Locale.ROOT).equals(v.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "Invalid authenticationType for " + o.owner() + ": use apiKey or oauth");
    }
}
