package com.example.phoneinc.simulator;

/** Tokens issued by the simulator's OAuth server, as returned by {@code POST /oauth/token}. */
public final class TokenSet {

    private final String accessToken;
    private final String refreshToken;
    private final long expiresIn;
    private final String scope;
    private final long createdAt;

    TokenSet(
            String accessToken, String refreshToken, long expiresIn, String scope, long createdAt) {
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.expiresIn = expiresIn;
        this.scope = scope;
        this.createdAt = createdAt;
    }

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    /** Lifetime of the access token in seconds. */
    public long expiresIn() {
        return expiresIn;
    }

    public String scope() {
        return scope;
    }

    /** Issue time, epoch seconds. */
    public long createdAt() {
        return createdAt;
    }
}
