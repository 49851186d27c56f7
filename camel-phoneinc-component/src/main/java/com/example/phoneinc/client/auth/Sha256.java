package com.example.phoneinc.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, for credential fingerprints and PKCE challenges. */
public final class Sha256 {

    private Sha256() {}

    public static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * A stable name for a secret that reveals nothing of it: the first 16 bytes of its SHA-256, in
     * hex. Used as a map key, a guard key and in state-store keys; never the secret itself.
     */
    public static String fingerprint(String secret) {
        return HexFormat.of().formatHex(digest(secret), 0, 16);
    }
}
