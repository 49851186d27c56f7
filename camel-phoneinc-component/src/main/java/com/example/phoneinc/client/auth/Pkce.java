package com.example.phoneinc.client.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** PKCE (RFC 7636) with the S256 method, the one Phone.inc documents. */
public final class Pkce {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pkce() {}

    /** A fresh code verifier: 32 random bytes, base64url without padding (43 characters). */
    public static String newVerifier() {
        return randomToken(32);
    }

    /** A random, unguessable value for the {@code state} parameter. */
    public static String newState() {
        return randomToken(16);
    }

    /** {@code BASE64URL(SHA-256(ASCII(verifier)))}, no padding (a verifier is ASCII). */
    public static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest(verifier));
    }

    private static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
