package com.example.phoneinc.example;

import com.example.phoneinc.PhoneIncRouteConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The component's shipped retry policy ({@link PhoneIncRouteConfiguration}), with delays from
 * {@code phoneinc.retry.*} and the dead-letter route of this application. Routes opt in with {@code
 * routeConfigurationId(PhoneIncRouteConfiguration.ID)}.
 */
@ApplicationScoped
public class TriageErrorHandling extends PhoneIncRouteConfiguration {

    /** Where exhausted and non-retryable failures go. */
    public static final String DEAD_LETTER_URI = "direct:dead-letter";

    @Inject ExampleConfig config;

    @Override
    public void configuration() {
        deadLetterUri(DEAD_LETTER_URI)
                .maximumRedeliveries(config.retry().maximumRedeliveries())
                .baseDelay(config.retry().baseDelay().toMillis())
                .maxDelay(config.retry().maxDelay().toMillis());
        super.configuration();
    }
}
