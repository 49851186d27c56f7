package com.example.phoneinc.example;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The example's own settings ({@code phoneinc.*}; the component's are {@code
 * camel.component.phoneinc.*} in application.properties). Every property can be overridden by an
 * environment variable of the same name in upper case with dots and dashes as underscores, e.g.
 * {@code PHONEINC_TRIAGE_PERIOD}, {@code PHONEINC_TRIAGE_OUTBOX_DIR}.
 */
@ConfigMapping(prefix = "phoneinc")
public interface ExampleConfig {

    Simulator simulator();

    Triage triage();

    Retry retry();

    Http http();

    Webhook webhook();

    /** Phone.inc's webhook deliveries, next to the polling consumer. */
    interface Webhook {
        /**
         * Where Phone.inc reaches this service ({@code https://triage.example.com}); unset: no
         * webhook, polling only. The subscription is registered at start and deleted at stop.
         */
        java.util.Optional<String> externalUrl();
    }

    /**
     * The simulator the packaged application starts in-process when no API key is set ({@link
     * OfflineDemo}); in dev and test mode the extension's Dev Services start one instead.
     */
    interface Simulator {
        /** Port on 127.0.0.1; 0 picks a free one. */
        int port();
    }

    /** The voicemail triage. */
    interface Triage {
        /** Whether the voicemail consumer polls (the HTTP trigger and tests work without it). */
        boolean scheduleEnabled();

        /** Time between two polls of the voicemail consumer, e.g. {@code 30s}. */
        Duration period();

        /** Time from start to the first poll. */
        Duration initialDelay();

        /** Where tickets are written, one {@code <voicemail id>.json} per voicemail. */
        Path outboxDir();

        /** Where failed messages and their error descriptions are written. */
        Path deadLetterDir();

        /** Where the ledger of ticketed voicemail ids and the consumer's watermark are kept. */
        Path stateDir();
    }

    /** Redelivery of retryable failures (429, 5xx, safe I/O errors) by the shipped policy. */
    interface Retry {
        int maximumRedeliveries();

        Duration baseDelay();

        Duration maxDelay();
    }

    /** The HTTP API. */
    interface Http {
        /** Retries of a retryable failure before answering 503. */
        int maximumRedeliveries();

        Duration redeliveryDelay();

        /** How many recent calls GET /callers/{phoneNumber} returns at most. */
        int recentCalls();
    }
}
