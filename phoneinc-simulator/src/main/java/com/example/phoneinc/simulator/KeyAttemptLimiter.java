package com.example.phoneinc.simulator;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documented credential-stuffing defence: after {@code limit} invalid-key attempts from one
 * client address within {@code window}, the address is blocked for {@code block}. The attempt that
 * reaches the limit still gets its 401; every request after it gets 429 until the block ends.
 */
final class KeyAttemptLimiter {

    private static final class Entry {
        final ArrayDeque<Long> attempts = new ArrayDeque<>();
        long blockedUntil;
    }

    private final int limit;
    private final long windowMillis;
    private final long blockMillis;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    KeyAttemptLimiter(int limit, long windowMillis, long blockMillis) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.blockMillis = blockMillis;
    }

    /** Seconds (rounded up, at least 1) the address stays blocked, or 0 when it is not blocked. */
    long retryAfterSeconds(String address, long nowMillis) {
        Entry e = entries.get(address);
        if (e == null) {
            return 0;
        }
        synchronized (e) {
            long left = e.blockedUntil - nowMillis;
            return left > 0 ? Math.max(1, (left + 999) / 1000) : 0;
        }
    }

    /** Records a failed API-key lookup. */
    void recordFailure(String address, long nowMillis) {
        Entry e = entries.computeIfAbsent(address, k -> new Entry());
        synchronized (e) {
            while (!e.attempts.isEmpty() && e.attempts.peekFirst() <= nowMillis - windowMillis) {
                e.attempts.pollFirst();
            }
            e.attempts.addLast(nowMillis);
            if (e.attempts.size() >= limit) {
                e.blockedUntil = nowMillis + blockMillis;
                e.attempts.clear();
            }
        }
    }

    void clear() {
        entries.clear();
    }
}
