package com.example.phoneinc.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps a misconfigured route from getting the client IP blocked. Phone.inc blocks an IP for 60 s
 * after 10 invalid-key attempts in 60 s, so:
 *
 * <ul>
 *   <li>a key not yet seen to work is tried by one call at a time; the others wait (without a
 *       thread) for its answer;
 *   <li>after a 401 the key fails locally for {@code blockTime};
 *   <li>after a 429 every call to that host fails locally until {@code Retry-After} has passed.
 * </ul>
 *
 * One guard per component, shared by its endpoints. Keys are held as SHA-256 fingerprints.
 */
public final class CredentialGuard {

    /** Why a call was failed locally, and for how much longer calls will be. */
    public record Rejection(boolean ipBlocked, Duration remaining) {}

    private static final Duration DEFAULT_IP_BLOCK = Duration.ofSeconds(60);

    /** Longest block; nanoTime arithmetic stays far from overflow below it. */
    private static final Duration MAX_BLOCK = Duration.ofDays(36_500);

    private final LongSupplier nanoTime;
    private final Map<String, KeyState> keys = new ConcurrentHashMap<>();
    private final Map<String, Long> hostBlockedUntil = new ConcurrentHashMap<>();

    public CredentialGuard(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Either runs {@code send} (now or once the key's probe answered) or calls {@code reject}.
     *
     * @param keyFingerprint the API key's fingerprint, or null when only the host block applies
     *     (OAuth tokens: their 401s are handled by refreshing)
     * @param blockTime how long a key fails locally after a 401; zero turns the key guard off
     */
    public void admit(
            String host,
            String keyFingerprint,
            Duration blockTime,
            Runnable send,
            Consumer<Rejection> reject) {
        long now = nanoTime.getAsLong();
        Long blockedUntil = hostBlockedUntil.get(host);
        if (blockedUntil != null) {
            if (blockedUntil - now > 0) {
                reject.accept(new Rejection(true, Duration.ofNanos(blockedUntil - now)));
                return;
            }
            hostBlockedUntil.remove(host, blockedUntil);
        }
        if (keyFingerprint == null || blockTime.isZero() || blockTime.isNegative()) {
            send.run();
            return;
        }
        KeyState key = keys.computeIfAbsent(host + ' ' + keyFingerprint, k -> new KeyState());
        if (key.valid) {
            send.run(); // the hot path: no lock
            return;
        }
        Rejection rejection = null;
        boolean sendNow = false;
        synchronized (key) {
            if (key.invalidUntil != 0 && key.invalidUntil - now > 0) {
                rejection = new Rejection(false, Duration.ofNanos(key.invalidUntil - now));
            } else if (key.valid || !key.probing) {
                key.probing = !key.valid;
                sendNow = true;
            } else {
                key.waiting.add(new Waiter(send, reject));
            }
        }
        if (rejection != null) {
            reject.accept(rejection);
        } else if (sendNow) {
            send.run();
        }
    }

    /**
     * Records Phone.inc's answer to a call admitted for this key and releases waiting calls.
     *
     * @param retryAfter the 429's Retry-After, or null
     */
    public void onAnswer(
            String host,
            String keyFingerprint,
            Duration blockTime,
            int status,
            Duration retryAfter) {
        if (status == 429) {
            Duration block = retryAfter != null ? retryAfter : DEFAULT_IP_BLOCK;
            hostBlockedUntil.put(host, nanoTime.getAsLong() + nanos(block));
        }
        KeyState key = keyFingerprint == null ? null : keys.get(host + ' ' + keyFingerprint);
        if (key == null || (key.valid && status != 401 && status != 429)) {
            return; // nothing changes for a key known to work: no lock on the hot path
        }
        List<Waiter> release = new ArrayList<>();
        List<Waiter> refuse = new ArrayList<>();
        Rejection rejection = null;
        synchronized (key) {
            if (status == 401) {
                key.valid = false;
                key.probing = false;
                long blockNanos = nanos(blockTime);
                key.invalidUntil = nanoTime.getAsLong() + blockNanos;
                rejection = new Rejection(false, Duration.ofNanos(blockNanos));
                refuse.addAll(key.waiting);
                key.waiting.clear();
            } else if (status == 429) {
                key.probing = false;
                rejection = new Rejection(true, retryAfter != null ? retryAfter : DEFAULT_IP_BLOCK);
                refuse.addAll(key.waiting);
                key.waiting.clear();
            } else if (status >= 500 || status == 0) {
                nextProbe(key, release); // the answer says nothing about the key
            } else {
                key.valid = true;
                key.probing = false;
                key.invalidUntil = 0;
                release.addAll(key.waiting);
                key.waiting.clear();
            }
        }
        for (Waiter w : refuse) {
            w.reject.accept(rejection);
        }
        for (Waiter w : release) {
            w.send.run();
        }
    }

    /** Saturates instead of overflowing: a block is at most about 100 years. */
    private static long nanos(Duration d) {
        return d.isNegative() ? 0 : d.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK.toNanos() : d.toNanos();
    }

    private static void nextProbe(KeyState key, List<Waiter> release) {
        key.probing = false;
        Waiter next = key.waiting.poll();
        if (next != null) {
            key.probing = true;
            release.add(next);
        }
    }

    private record Waiter(Runnable send, Consumer<Rejection> reject) {}

    private static final class KeyState {
        private volatile boolean valid;
        private boolean probing;
        private long invalidUntil;
        private final Queue<Waiter> waiting = new ArrayDeque<>();
    }
}
