package com.example.phoneinc;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition, for tests that wait for something done on other threads. */
public final class Await {

    private Await() {}

    /**
     * Checks {@code condition} every 20 ms until it holds.
     *
     * @throws AssertionError naming {@code what} when it still does not hold after {@code timeout}
     */
    public static void until(BooleanSupplier condition, String what, Duration timeout)
            throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
