package com.example.phoneinc.errorhandling;

import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncRetryableException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;

/**
 * Phone.inc's documented retry policy as a Camel route configuration, ready to use: retryable
 * failures (429 after {@code Retry-After}, 5xx and safe I/O failures with exponential backoff 1 s,
 * 2 s, 4 s … capped at 30 s plus jitter) are redelivered without holding a thread while waiting;
 * everything else (400, 401, 403, 404, 422, ambiguous writes, invalid input) goes straight to the
 * dead-letter endpoint with the original message and the exception ({@code ${exception}}).
 *
 * <p>Users opt in, one line per runtime (docs/error-handling.adoc):
 *
 * <pre>{@code
 * context.addRoutes(PhoneIncErrorHandling.routeConfiguration());                  // Java
 * camel.beans.phoneincErrorHandling=#class:com.example.phoneinc.errorhandling.PhoneIncErrorHandling#routeConfiguration
 * camel.beans.phoneincErrorHandling=#class:com.example.phoneinc.errorhandling.PhoneIncErrorHandling#defaultRouteConfiguration('log:dead')
 * }</pre>
 *
 * and routes name it: {@code routeConfigurationId("phoneinc-error-handling")}; the second property
 * line makes it the default of every route that names none (Kamelet bindings cannot name one). This
 * class is not itself a {@code RoutesBuilder}, so no runtime (Camel Quarkus' route discovery,
 * Spring's component scan) adds it unasked. The redelivery counter is shared by all failure kinds
 * of one exchange (a Camel rule), so {@link #maximumRedeliveries} bounds 429s and 5xx together.
 */
public final class PhoneIncErrorHandling {

    /** Default id of the route configuration. */
    public static final String ID = "phoneinc-error-handling";

    private String id = ID;
    private String deadLetterUri = "log:phoneinc-dead-letter?level=ERROR&showCaughtException=true";
    private int maximumRedeliveries = 5;
    private long baseDelay = 1000;
    private long maxDelay = 30_000;
    private double jitter = 0.1;

    private PhoneIncErrorHandling() {}

    /** The policy with Phone.inc's documented values, dead letters logged at ERROR. */
    public static RoutesBuilder routeConfiguration() {
        return builder().build();
    }

    /** The documented policy with dead letters sent to {@code deadLetterUri}. */
    public static RoutesBuilder routeConfiguration(String deadLetterUri) {
        return builder().deadLetterUri(deadLetterUri).build();
    }

    /**
     * The documented policy as the <em>default</em> route configuration (no id), dead letters sent
     * to {@code deadLetterUri}: it applies to every route that names no route configuration, and so
     * to Kamelet bindings (Pipes), which cannot name one, and to the routes Kamelets create.
     * Failing calls are then retried inside the Kamelet, where they fail. Mind that the dead-letter
     * channel becomes the error handler of all those routes, phoneinc or not.
     */
    public static RoutesBuilder defaultRouteConfiguration(String deadLetterUri) {
        return builder().id(null).deadLetterUri(deadLetterUri).build();
    }

    /** Settings to change before {@link #build()}. */
    public static PhoneIncErrorHandling builder() {
        return new PhoneIncErrorHandling();
    }

    /** The route configuration with these settings, for {@code context.addRoutes(...)}. */
    public RoutesBuilder build() {
        return new Configuration(
                id, deadLetterUri, maximumRedeliveries, baseDelay, maxDelay, jitter);
    }

    /**
     * Id routes refer to with {@code routeConfigurationId(...)}; null makes it the default
     * configuration of every route that names none (see {@link #defaultRouteConfiguration}).
     */
    public PhoneIncErrorHandling id(String id) {
        this.id = id;
        return this;
    }

    /** Where failures go once retries are exhausted or not allowed. */
    public PhoneIncErrorHandling deadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
        return this;
    }

    /** Redeliveries after the first attempt (default 5), shared by 429, 5xx and I/O failures. */
    public PhoneIncErrorHandling maximumRedeliveries(int maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
        return this;
    }

    /** First backoff delay in milliseconds (default 1000). */
    public PhoneIncErrorHandling baseDelay(long baseDelay) {
        this.baseDelay = baseDelay;
        return this;
    }

    /** Backoff cap in milliseconds (default 30000). */
    public PhoneIncErrorHandling maxDelay(long maxDelay) {
        this.maxDelay = maxDelay;
        return this;
    }

    /** Relative jitter (default 0.1 = ±10 %). */
    public PhoneIncErrorHandling jitter(double jitter) {
        this.jitter = jitter;
        return this;
    }

    /** Not public: a public RoutesBuilder would be added by route discovery without being asked. */
    private static final class Configuration extends RouteConfigurationBuilder {
        private final String id;
        private final String deadLetterUri;
        private final int maximumRedeliveries;
        private final long baseDelay;
        private final long maxDelay;
        private final double jitter;

        Configuration(
                String id,
                String deadLetterUri,
                int maximumRedeliveries,
                long baseDelay,
                long maxDelay,
                double jitter) {
            this.id = id;
            this.deadLetterUri = deadLetterUri;
            this.maximumRedeliveries = maximumRedeliveries;
            this.baseDelay = baseDelay;
            this.maxDelay = maxDelay;
            this.jitter = jitter;
        }

        @Override
        public void configuration() {
            RouteConfigurationDefinition config =
                    id == null ? routeConfiguration() : routeConfiguration(id);
            config.errorHandler(
                    deadLetterChannel(deadLetterUri)
                            .useOriginalMessage()
                            .logExhausted(true)
                            .logExhaustedMessageHistory(false));
            config.onException(PhoneIncRetryableException.class)
                    .onWhen(
                            exchange -> {
                                PhoneIncException e =
                                        exchange.getException(PhoneIncException.class);
                                return e != null && e.isRetryable();
                            })
                    .maximumRedeliveries(maximumRedeliveries)
                    .redeliveryDelay(baseDelay)
                    .maximumRedeliveryDelay(Math.max(maxDelay, 1))
                    .asyncDelayedRedelivery()
                    .onExceptionOccurred(new PhoneIncBackoff(baseDelay, maxDelay, jitter))
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .useOriginalMessage();
            // Every other component failure is final. This clause is needed although the
            // dead-letter channel does not redeliver by default: when no clause matches an
            // exception, Camel keeps the policy of the clause that matched the previous failure of
            // the same exchange, so without it a 404 (or a 429 beyond maxRetryAfter) following a
            // 503 would be redelivered.
            config.onException(PhoneIncException.class).maximumRedeliveries(0).useOriginalMessage();
        }

        @Override
        public String toString() {
            return "PhoneIncErrorHandling["
                    + (id == null ? "default" : id)
                    + " -> "
                    + deadLetterUri
                    + "]";
        }
    }
}
