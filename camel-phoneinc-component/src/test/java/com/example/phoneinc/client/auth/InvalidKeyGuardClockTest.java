package com.example.phoneinc.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The guard's arithmetic on a clock the test moves. The remaining time of a block becomes the
 * exchange's redelivery delay: while any of the block is left it must not read 0 ms, or the
 * redelivery comes at once, is refused again, and the exchange uses up its redeliveries within a
 * millisecond and is dead-lettered (how benchmarks P4 lost 1–4 of 500 exchanges in most runs).
 */
class InvalidKeyGuardClockTest {

    private static final String HOST = "app.phone.inc";
    private static final String KEY = "fingerprint";
    private static final Duration BLOCK_TIME = Duration.ofSeconds(60);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final InvalidKeyGuard guard = new InvalidKeyGuard(now::get, waiter -> {});

    @Test
    void theLastFractionOfAnIpBlockReadsAsAWholeMillisecond() {
        guard.onAnswer(HOST, KEY, BLOCK_TIME, 429, Duration.ofSeconds(1));

        now.addAndGet(Duration.ofSeconds(1).toNanos() - 400_000); // 0.4 ms left
        InvalidKeyGuard.Rejection r = admit();
        assertEquals(InvalidKeyGuard.Cause.IP_BLOCKED, r.cause());
        assertEquals(Duration.ofMillis(1), r.remaining());

        now.addAndGet(-Duration.ofMillis(250).toNanos() - 600_000); // back to 251 ms left
        assertEquals(Duration.ofMillis(251), admit().remaining());

        now.addAndGet(Duration.ofMillis(251).toNanos()); // the block has passed
        assertNull(admit(), "sent once the block is over");
    }

    @Test
    void theLastFractionOfAKeyBlockReadsAsAWholeMillisecond() {
        assertNull(admit(), "the first call with a new key is sent (the probe)");
        guard.onAnswer(HOST, KEY, BLOCK_TIME, 401, null);

        now.addAndGet(BLOCK_TIME.toNanos() - 1);
        InvalidKeyGuard.Rejection r = admit();
        assertEquals(InvalidKeyGuard.Cause.KEY_REFUSED, r.cause());
        assertEquals(Duration.ofMillis(1), r.remaining());
    }

    /** The rejection, or null when the call was sent. */
    private InvalidKeyGuard.Rejection admit() {
        AtomicReference<InvalidKeyGuard.Rejection> rejected = new AtomicReference<>();
        AtomicReference<Boolean> sent = new AtomicReference<>(false);
        guard.admit(
                HOST,
                KEY,
                BLOCK_TIME,
                now.get() + 5_000_000_000L,
                () -> sent.set(true),
                rejected::set);
        assertEquals(rejected.get() == null, sent.get(), "exactly one of send and reject");
        return rejected.get();
    }
}
