package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Response of {@code GET /caller_context?phone=...}: what the company's connected integrations
 * (today only Shopify) know about a phone number, one {@link ProviderContext} per provider that
 * matched.
 *
 * <p>Provenance (API.md §5.6): documented (the OpenAPI file calls this schema {@code
 * CallerContextResult}). A number that is not E.164 is silently treated as no match: {@code
 * contexts} is empty and {@code enriched_at} is null.
 */
public class CallerContext extends PhoneIncObject {

    @JsonProperty("contexts")
    private List<ProviderContext> contexts;

    @JsonProperty("enriched_at")
    private OffsetDateTime enrichedAt;

    /** One entry per provider that matched; empty when none did. */
    public List<ProviderContext> getContexts() {
        return contexts;
    }

    public void setContexts(List<ProviderContext> contexts) {
        this.contexts = contexts;
    }

    /** Time of the lookup; null when no provider was queried (e.g. invalid input). */
    public OffsetDateTime getEnrichedAt() {
        return enrichedAt;
    }

    public void setEnrichedAt(OffsetDateTime enrichedAt) {
        this.enrichedAt = enrichedAt;
    }
}
