package com.example.phoneinc.quarkus;

import java.util.List;

/**
 * The configuration keys by which an application says which Phone.inc it talks to, or with which
 * credential. Any of them set means the application chose: the extension's Dev Services stay off,
 * and so should anything else of the application that would start a simulator in its place.
 */
public final class PhoneIncSettings {

    /** The prefix of the component's options. */
    public static final String PREFIX = "camel.component.phoneinc.";

    public static final String API_KEY = PREFIX + "api-key";
    public static final String BASE_URL = PREFIX + "base-url";
    public static final String OAUTH_BASE_URL = PREFIX + "oauth-base-url";

    /**
     * Any of these set means the application chose its Phone.inc (or its credential). Environment
     * variables count too (CAMEL_COMPONENT_PHONEINC_API_KEY).
     */
    public static final List<String> USER_CHOICES =
            List.of(
                    API_KEY,
                    BASE_URL,
                    OAUTH_BASE_URL,
                    PREFIX + "access-token",
                    PREFIX + "refresh-token",
                    PREFIX + "token-store",
                    PREFIX + "client-id");

    private PhoneIncSettings() {}
}
