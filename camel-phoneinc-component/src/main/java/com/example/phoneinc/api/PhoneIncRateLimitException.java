package com.example.phoneinc.api;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 Too Many Requests. Phone.inc's one documented limit blocks a client IP for 60 s after 10
 * invalid-key attempts in 60 s; {@link #getRetryAfter()} says how long to wait.
 *
 * <p>When the wait is within the endpoint's {@code maxRetryAfter}, the component has already set
 * the {@code CamelRedeliveryDelay} header, so Camel's redelivery waits exactly that long. A longer
 * wait makes {@link #isRetryable()} false: holding an exchange for longer is rarely right, and the
 * shipped route configuration sends it to the dead-letter channel at once.
 */
public class PhoneIncRateLimitException extends PhoneIncRetryableException {

    private final Duration retryAfter;
    private final boolean retryable;

    public PhoneIncRateLimitException(
            String message, PhoneIncRequestInfo info, Duration retryAfter, boolean retryable) {
        super(message, info, null);
        this.retryAfter = retryAfter;
        this.retryable = retryable;
    }

    @Override
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
