package com.example.phoneinc.client;

import java.util.List;
import java.util.Locale;

/**
 * Every per-request input an operation can take, declared once: the endpoint option that gives its
 * default, the message header that overrides it for one message, and the values it allows. Which
 * operations send it, under which wire name, is in {@link PhoneIncOperation}. A new parameter is
 * one value here plus the endpoint option and header entry the catalog documents (a test checks the
 * three agree).
 */
public enum RequestParameter {
    ID("id", "CamelPhoneIncId"),
    PHONE_NUMBER("phoneNumber", "CamelPhoneIncPhoneNumber"),
    DIRECTION("direction", "CamelPhoneIncDirection", "inbound", "outbound"),
    STATE("state", "CamelPhoneIncState"),
    LISTENED("listened", "CamelPhoneIncListened", "true", "false"),
    METHOD("method", "CamelPhoneIncHttpMethod", "GET", "POST", "PUT", "PATCH", "DELETE"),
    PATH("path", "CamelPhoneIncPath"),
    /** A page of a calls or voicemails list, where Phone.inc pages them (undocumented). */
    PAGE("page", "CamelPhoneIncPage"),
    /** oauth/revoke: the token to revoke (header or body only: a secret has no URI option). */
    TOKEN(null, "CamelPhoneIncToken"),
    AUTHORIZATION_CODE(null, "CamelPhoneIncAuthorizationCode"),
    CODE_VERIFIER(null, "CamelPhoneIncCodeVerifier"),
    REDIRECT_URI(null, "CamelPhoneIncRedirectUri");

    private final String option;
    private final String header;
    private final List<String> allowed;

    RequestParameter(String option, String header, String... values) {
        this.option = option;
        this.header = header;
        this.allowed = List.of(values);
    }

    /** The endpoint option giving the default; null for header-only inputs. */
    public String option() {
        return option;
    }

    /** The message header overriding the option for one message. */
    public String header() {
        return header;
    }

    /** The allowed values in their canonical spelling; empty when any value is allowed. */
    public List<String> allowed() {
        return allowed;
    }

    /** The name messages use for it: the option, or the header when it has no option. */
    public String field() {
        return option != null ? option : header;
    }

    /**
     * The canonical spelling of an allowed value (matched ignoring case: Phone.inc would treat
     * {@code Inbound} as no match), the trimmed value when any is allowed, or null when {@code
     * value} is not allowed.
     */
    public String canonical(String value) {
        String v = value.strip();
        if (allowed.isEmpty()) {
            return v;
        }
        for (String a : allowed) {
            if (a.toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }
}
