package com.example.phoneinc.example;

import com.example.phoneinc.errorhandling.PhoneIncErrorHandling;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.camel.RoutesBuilder;

/**
 * The component's documented retry policy ({@link PhoneIncErrorHandling}), with delays from {@code
 * phoneinc.retry.*} and the dead-letter route of this application, opted in as a CDI bean (Camel
 * Quarkus adds the route configurations among the application's beans). Routes name it with {@code
 * routeConfigurationId(PhoneIncErrorHandling.ID)}.
 */
@ApplicationScoped
public class TriageErrorHandling {

    /** Where exhausted and non-retryable failures go. */
    public static final String DEAD_LETTER_URI = "direct:dead-letter";

    @Produces
    @Singleton // no client proxy: Camel calls the builder itself
    @Unremovable // nothing injects it: Camel finds it among the beans, so Arc must not drop it
    RoutesBuilder phoneIncErrorHandling(ExampleConfig config) {
        return PhoneIncErrorHandling.builder()
                .deadLetterUri(DEAD_LETTER_URI)
                .maximumRedeliveries(config.retry().maximumRedeliveries())
                .baseDelay(config.retry().baseDelay().toMillis())
                .maxDelay(config.retry().maxDelay().toMillis())
                .build();
    }
}
