package com.example.phoneinc.example;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A triage ticket: one voicemail with what Phone.inc knows about the caller, ready for a help desk
 * to pick up from the outbox. Written as JSON, one file per voicemail.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ticket(
        @JsonProperty("voicemail_id") String voicemailId,
        @JsonProperty("priority") String priority,
        @JsonProperty("summary") String summary,
        @JsonProperty("from") String from,
        @JsonProperty("received_at") OffsetDateTime receivedAt,
        @JsonProperty("main_number") MainNumberRef mainNumber,
        @JsonProperty("transcription") String transcription,
        @JsonProperty("contact") ContactRef contact,
        @JsonProperty("customers") List<CustomerRef> customers,
        @JsonProperty("triaged_at") OffsetDateTime triagedAt) {

    /** The company number the caller dialled. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MainNumberRef(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("number") String number) {}

    /** The address-book contact saved for the caller's number. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactRef(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("company") String company,
            @JsonProperty("email") String email,
            @JsonProperty("note") String note) {}

    /** A customer record an integration (e.g. Shopify) has for the caller's number. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerRef(
            @JsonProperty("provider") String provider,
            @JsonProperty("name") String name,
            @JsonProperty("email") String email,
            @JsonProperty("admin_url") String adminUrl,
            @JsonProperty("orders") List<OrderRef> orders) {}

    /** One of the customer's recent orders. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderRef(
            @JsonProperty("name") String name,
            @JsonProperty("created_at") OffsetDateTime createdAt,
            @JsonProperty("total_price") String totalPrice,
            @JsonProperty("currency") String currency,
            @JsonProperty("financial_status") String financialStatus,
            @JsonProperty("fulfillment_status") String fulfillmentStatus) {}
}
