package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A webhook subscription: Phone.inc POSTs a {@link WebhookEvent} to {@code url} when one of {@code
 * events} occurs. Returned by the {@code /webhooks} endpoints (list inside {@code {"webhooks":
 * [...]}}) and used as the body of create and update (only non-null properties are sent, e.g. just
 * {@code active=false} to pause).
 *
 * <p>Provenance (API.md §5.7): the properties below are documented; the endpoints, bodies and list
 * envelope are inferred. Whether a signing secret is returned on create is unknown; if one is, it
 * lands in {@link #getAdditionalProperties()}.
 */
public class Webhook extends PhoneIncObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("name")
    private String name;

    @JsonProperty("url")
    private String url;

    @JsonProperty("events")
    private List<String> events;

    @JsonProperty("active")
    private Boolean active;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("updated_at")
    private OffsetDateTime updatedAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Human label, e.g. {@code CRM sync}. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /**
     * HTTPS endpoint receiving the POSTs. May embed a secret token (the connector does so): treat
     * it as a credential.
     */
    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** Subscribed event types, e.g. {@code call.ended}, {@code voicemail.new} (see API.md §6.1). */
    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }

    /** {@code false} pauses delivery without deleting the subscription. */
    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
