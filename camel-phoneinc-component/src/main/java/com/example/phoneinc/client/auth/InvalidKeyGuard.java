package com.example.phoneinc.client.auth;

import com.example.phoneinc.client.http.DeadlineSweeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps a misconfigured route from getting the client IP blocked. Phone.inc blocks an IP for 60 s
 * after 10 invalid-key attempts in 60 s, so:
 *
 * <ul>
 *   <li>a key not yet seen to work is tried by one call at a time (the probe); the others wait
 *       (without a thread) for its answer, but never past their own deadline;
 *   <li>an answer that says nothing about the key (5xx, no answer) fails the waiting calls at once
 *       as not sent, so they can be retried: during an outage calls end quickly instead of queueing
 *       behind one probe after another;
 *   <li>after a 401 the key fails locally for {@code blockTime};
 *   <li>after a 429 every call to that host fails locally until {@code Retry-After} has passed.
 * </ul>
 *
 * One guard per component, shared by its endpoints. Keys are held as SHA-256 fingerprints.
 */
public final class InvalidKeyGuard {

    /** Why a call was failed locally. */
    public enum Cause {
        /** Phone.inc answered 429: every call to the host waits out its Retry-After. */
        IP_BLOCKED,
        /** Phone.inc refused this API key (401) a moment ago. */
        KEY_REFUSED,
        /**
         * The key has not been accepted yet and the call could not be sent: its deadline passed
         * while the probe was on its way, or the probe got no answer about the key.
         */
        KEY_UNVERIFIED
    }

    /** Why a call was failed locally, and for how much longer such calls will be. */
    public record Rejection(Cause cause, Duration remaining, String detail) {}

    private static final Duration DEFAULT_IP_BLOCK = Duration.ofSeconds(60);

    /** Longest block; nanoTime arithmetic stays far from overflow below it. */
    private static final Duration MAX_BLOCK = Duration.ofDays(36_500);

    private final LongSupplier nanoTime;
    private final Consumer<DeadlineSweeper.Watched> deadlines;
    private final Map<String, KeyState> keys = new ConcurrentHashMap<>();
    private final Map<String, Long> hostBlockedUntil = new ConcurrentHashMap<>();

    /**
     * @param deadlines watches waiting calls so that each ends at its deadline (the component's
     *     {@link DeadlineSweeper})
     */
    public InvalidKeyGuard(LongSupplier nanoTime, Consumer<DeadlineSweeper.Watched> deadlines) {
        this.nanoTime = nanoTime;
        this.deadlines = deadlines;
    }

    /**
     * Either runs {@code send} (now or once the key's probe answered) or calls {@code reject};
     * exactly one of them, once.
     *
     * @param keyFingerprint the API key's fingerprint, or null when only the host block applies
     *     (OAuth tokens: their 401s are handled by refreshing)
     * @param blockTime how long a key fails locally after a 401; zero turns the key guard off
     * @param deadlineNanos {@link System#nanoTime()} by which a waiting call is rejected as {@link
     *     Cause#KEY_UNVERIFIED} if it could not be sent yet
     */
    public void admit(
            String host,
            String keyFingerprint,
            Duration blockTime,
            long deadlineNanos,
            Runnable send,
            Consumer<Rejection> reject) {
        long now = nanoTime.getAsLong();
        Long blockedUntil = hostBlockedUntil.get(host);
        if (blockedUntil != null) {
            if (blockedUntil - now > 0) {
                reject.accept(new Rejection(Cause.IP_BLOCKED, remaining(blockedUntil - now), null));
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
        Waiter waiter = null;
        synchronized (key) {
            if (key.invalidUntil != 0 && key.invalidUntil - now > 0) {
                rejection =
                        new Rejection(Cause.KEY_REFUSED, remaining(key.invalidUntil - now), null);
            } else if (key.valid || !key.probing) {
                key.probing = !key.valid;
                sendNow = true;
            } else {
                waiter = new Waiter(key, deadlineNanos, send, reject);
                key.waiting.add(waiter);
            }
        }
        if (rejection != null) {
            reject.accept(rejection);
        } else if (sendNow) {
            send.run();
        } else {
            deadlines.accept(waiter);
        }
    }

    /**
     * Records Phone.inc's answer to a call admitted for this key and releases or fails the calls
     * waiting for it.
     *
     * @param status the HTTP status, 0 when there was no answer
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
        List<Waiter> waiting;
        Rejection rejection;
        synchronized (key) {
            key.probing = false;
            if (status == 401) {
                key.valid = false;
                long blockNanos = nanos(blockTime);
                key.invalidUntil = nanoTime.getAsLong() + blockNanos;
                rejection = new Rejection(Cause.KEY_REFUSED, Duration.ofNanos(blockNanos), null);
            } else if (status == 429) {
                rejection =
                        new Rejection(
                                Cause.IP_BLOCKED,
                                retryAfter != null ? retryAfter : DEFAULT_IP_BLOCK,
                                null);
            } else if (status >= 500 || status == 0) {
                // the answer says nothing about the key; sending the waiting calls now would risk
                // one 401 each for a wrong key, so they fail as not sent and may be retried
                rejection =
                        new Rejection(
                                Cause.KEY_UNVERIFIED,
                                Duration.ZERO,
                                status == 0
                                        ? "the call checking it got no answer"
                                        : "the call checking it was answered " + status);
            } else {
                key.valid = true;
                key.invalidUntil = 0;
                rejection = null;
            }
            waiting = new ArrayList<>(key.waiting);
            key.waiting.clear();
        }
        for (Waiter w : waiting) {
            if (rejection == null) {
                w.release();
            } else {
                w.reject(rejection);
            }
        }
    }

    /**
     * What is left of a block, rounded up to a whole millisecond: it becomes the redelivery delay,
     * and a block with 0.4 ms left read as 0 ms would be retried at once, refused again, and so on
     * until the exchange's redeliveries were used up (seen in benchmarks P4: dead-lettered
     * exchanges).
     */
    private static Duration remaining(long nanos) {
        return Duration.ofMillis((nanos + 999_999) / 1_000_000);
    }

    /** Saturates instead of overflowing: a block is at most about 100 years. */
    private static long nanos(Duration d) {
        return d.isNegative() ? 0 : d.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK.toNanos() : d.toNanos();
    }

    /** A call waiting for the probe's answer; it hears exactly once: sent, rejected or expired. */
    private static final class Waiter extends DeadlineSweeper.Watched {
        private final KeyState key;
        private final Runnable send;
        private final Consumer<Rejection> reject;

        Waiter(KeyState key, long deadlineNanos, Runnable send, Consumer<Rejection> reject) {
            super(deadlineNanos);
            this.key = key;
            this.send = send;
            this.reject = reject;
        }

        void release() {
            if (end()) {
                send.run();
            }
        }

        void reject(Rejection rejection) {
            if (end()) {
                reject.accept(rejection);
            }
        }

        @Override
        protected void expire() {
            synchronized (key) {
                key.waiting.remove(this);
            }
            reject(
                    new Rejection(
                            Cause.KEY_UNVERIFIED,
                            Duration.ZERO,
                            "its deadline (requestTimeout) passed while the first call with it"
                                    + " was still on its way"));
        }
    }

    private static final class KeyState {
        private volatile boolean valid;
        private boolean probing;
        private long invalidUntil;
        private final Set<Waiter> waiting = new LinkedHashSet<>();
    }
}
