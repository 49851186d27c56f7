package com.example.phoneinc.client.http;

/**
 * The credential header one request carries. {@code token} is the raw OAuth access token (null for
 * an API key), kept to tell whether a refused token is still the current one. Never printed.
 */
public record Credential(String header, String value, String token) {

    public static Credential apiKey(String key) {
        return new Credential("X-Api-Key", key, null);
    }

    public static Credential bearer(String accessToken) {
        return new Credential("Authorization", "Bearer " + accessToken, accessToken);
    }

    @Override
    public String toString() {
        return "Credential[" + header + ": xxxxxx]";
    }
}
