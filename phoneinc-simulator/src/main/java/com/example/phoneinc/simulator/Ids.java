package com.example.phoneinc.simulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Identifier and secret generation. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE58 =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();

    private Ids() {}

    /** A UUIDv7-shaped public id (48-bit millisecond timestamp, version 7, random rest). */
    static String uuidV7(long epochMillis) {
        long rand1 = RANDOM.nextLong();
        long rand2 = RANDOM.nextLong();
        long msb = (epochMillis << 16) | 0x7000L | (rand1 & 0x0FFFL);
        long lsb = (rand2 & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** A URL-safe random token (no padding), e.g. for OAuth codes and tokens. */
    static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A base58 string of the given length (the alphabet of API keys). */
    static String base58(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(BASE58[RANDOM.nextInt(BASE58.length)]);
        }
        return sb.toString();
    }
}
