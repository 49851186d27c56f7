package com.example.phoneinc.simulator;

import java.time.Instant;

/** The outcome of one webhook POST made by the simulator. */
public final class WebhookDelivery {

    private final String webhookId;
    private final String url;
    private final String event;
    private final String body;
    private final int status;
    private final String error;
    private final Instant attemptedAt;

    WebhookDelivery(
            String webhookId,
            String url,
            String event,
            String body,
            int status,
            String error,
            Instant attemptedAt) {
        this.webhookId = webhookId;
        this.url = url;
        this.event = event;
        this.body = body;
        this.status = status;
        this.error = error;
        this.attemptedAt = attemptedAt;
    }

    /** Id of the subscription the delivery was made for. */
    public String webhookId() {
        return webhookId;
    }

    /** Target URL. */
    public String url() {
        return url;
    }

    /** Event type, e.g. {@code contact.created}. */
    public String event() {
        return event;
    }

    /** The JSON document that was POSTed: {@code {"event": ..., "data": {...}}}. */
    public String body() {
        return body;
    }

    /**
     * HTTP status the receiver answered, or 0 when no response was received (see {@link #error()}).
     */
    public int status() {
        return status;
    }

    /** Why no response was received (connection refused, timeout, ...), or null. */
    public String error() {
        return error;
    }

    /** True when the receiver answered 2xx. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** When the delivery was attempted (simulator clock). */
    public Instant attemptedAt() {
        return attemptedAt;
    }

    @Override
    public String toString() {
        return event + " -> " + url + " : " + (error != null ? error : String.valueOf(status));
    }
}
