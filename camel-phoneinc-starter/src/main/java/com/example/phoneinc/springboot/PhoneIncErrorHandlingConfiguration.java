package com.example.phoneinc.springboot;

import com.example.phoneinc.errorhandling.PhoneIncErrorHandling;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.phoneinc.error-handling.*} properties: with {@code enabled=true} the
 * starter adds Phone.inc's documented retry policy ({@link PhoneIncErrorHandling}) as a route
 * configuration, which routes name with {@code routeConfigurationId("phoneinc-error-handling")}. An
 * unset value keeps the policy's documented default, so the defaults live in one place.
 */
@ConfigurationProperties(prefix = PhoneIncErrorHandlingConfiguration.PREFIX)
public class PhoneIncErrorHandlingConfiguration {

    static final String PREFIX = "camel.component.phoneinc.error-handling";

    /**
     * Add Phone.inc's documented retry policy as the route configuration phoneinc-error-handling:
     * 429 after Retry-After, 5xx and safe I/O failures with exponential backoff, everything else
     * dead-lettered at once with the original message. Routes opt in with
     * routeConfigurationId("phoneinc-error-handling").
     */
    private boolean enabled;

    /**
     * Id of the route configuration, named by routes with routeConfigurationId (default
     * phoneinc-error-handling).
     */
    private String id;

    /**
     * Where failures go once retries are exhausted or not allowed, with the message as it entered
     * the route (default: logged at ERROR by log:phoneinc-dead-letter).
     */
    private String deadLetterUri;

    /** Redeliveries after the first attempt, shared by 429, 5xx and I/O failures (default 5). */
    private Integer maximumRedeliveries;

    /** Delay before the first redelivery, in milliseconds; doubles each time (default 1000). */
    private Long baseDelay;

    /** Longest delay between redeliveries, in milliseconds (default 30000). */
    private Long maxDelay;

    /** Relative jitter of each delay, 0 to below 1 (default 0.1, i.e. plus or minus 10 %). */
    private Double jitter;

    /** The policy with the values that are set, the documented defaults for the rest. */
    PhoneIncErrorHandling policy() {
        requireAtLeastZero("base-delay", baseDelay);
        requireAtLeastZero("max-delay", maxDelay);
        if (jitter != null && (jitter < 0 || jitter >= 1)) {
            throw new IllegalArgumentException(
                    PREFIX + ".jitter must be at least 0 and below 1, not " + jitter);
        }
        PhoneIncErrorHandling policy = PhoneIncErrorHandling.builder();
        if (id != null) {
            policy.id(id);
        }
        if (deadLetterUri != null) {
            policy.deadLetterUri(deadLetterUri);
        }
        if (maximumRedeliveries != null) {
            policy.maximumRedeliveries(maximumRedeliveries);
        }
        if (baseDelay != null) {
            policy.baseDelay(baseDelay);
        }
        if (maxDelay != null) {
            policy.maxDelay(maxDelay);
        }
        if (jitter != null) {
            policy.jitter(jitter);
        }
        return policy;
    }

    private static void requireAtLeastZero(String property, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(
                    PREFIX + "." + property + " must not be negative, not " + value);
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    public Integer getMaximumRedeliveries() {
        return maximumRedeliveries;
    }

    public void setMaximumRedeliveries(Integer maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
    }

    public Long getBaseDelay() {
        return baseDelay;
    }

    public void setBaseDelay(Long baseDelay) {
        this.baseDelay = baseDelay;
    }

    public Long getMaxDelay() {
        return maxDelay;
    }

    public void setMaxDelay(Long maxDelay) {
        this.maxDelay = maxDelay;
    }

    public Double getJitter() {
        return jitter;
    }

    public void setJitter(Double jitter) {
        this.jitter = jitter;
    }
}
