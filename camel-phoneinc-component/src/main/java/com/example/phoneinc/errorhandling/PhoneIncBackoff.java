package com.example.phoneinc.errorhandling;

import com.example.phoneinc.api.PhoneIncException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Sets {@code CamelRedeliveryDelay} to Phone.inc's documented backoff before each redelivery:
 * {@code base · 2^n}, capped at {@code max}, times a jitter factor drawn fresh each attempt from
 * {@code [1 - jitter, 1 + jitter]} (and never above {@code max}). Each delay is computed from the
 * attempt number alone, so jitter does not compound the way Camel's collision avoidance does (which
 * multiplies the previous, already jittered, delay).
 *
 * <p>A 429 keeps the delay the producer took from {@code Retry-After}. Use it as the {@code
 * onExceptionOccurred} processor of an {@code onException} clause (it runs before Camel computes
 * the delay); in YAML or XML reference it as a bean ({@code
 * #class:com.example.phoneinc.errorhandling.PhoneIncBackoff}).
 */
public class PhoneIncBackoff implements Processor {

    private long baseDelay = 1000;
    private long maxDelay = 30_000;
    private double jitter = 0.1;

    public PhoneIncBackoff() {}

    public PhoneIncBackoff(long baseDelay, long maxDelay, double jitter) {
        setBaseDelay(baseDelay);
        setMaxDelay(maxDelay);
        setJitter(jitter);
    }

    @Override
    public void process(Exchange exchange) {
        PhoneIncException failure = exchange.getException(PhoneIncException.class);
        if (failure != null
                && failure.getRetryAfter().isPresent()
                && exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY) != null) {
            return; // the producer already set the wait Phone.inc asked for
        }
        // Camel increments CamelRedeliveryCounter before onExceptionOccurred runs: it is already 1
        // after the first failure (the number of the coming redelivery), so attempt 0 is counter 1
        int counter =
                exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        exchange.getMessage()
                .setHeader(Exchange.REDELIVERY_DELAY, delayFor(Math.max(0, counter - 1)));
    }

    /**
     * @param attempt 0 for the first redelivery
     * @return the delay in milliseconds before that redelivery
     */
    public long delayFor(int attempt) {
        int n = Math.max(0, Math.min(attempt, 62));
        double nominal = Math.min(maxDelay, baseDelay * Math.pow(2, n));
        double factor =
                1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
        return Math.round(Math.min(maxDelay, nominal * factor));
    }

    public long getBaseDelay() {
        return baseDelay;
    }

    /** Delay before the first redelivery, in milliseconds (default 1000). */
    public void setBaseDelay(long baseDelay) {
        if (baseDelay < 0) {
            throw new IllegalArgumentException("baseDelay must not be negative");
        }
        this.baseDelay = baseDelay;
    }

    public long getMaxDelay() {
        return maxDelay;
    }

    /** Longest delay, in milliseconds (default 30000). */
    public void setMaxDelay(long maxDelay) {
        if (maxDelay < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative");
        }
        this.maxDelay = maxDelay;
    }

    public double getJitter() {
        return jitter;
    }

    /** Relative jitter, 0 to 1 (default 0.1, i.e. ±10 %). */
    public void setJitter(double jitter) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.jitter = jitter;
    }
}
