package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A recent order of a matched customer (see {@link ProviderContext#getOrders()}).
 *
 * <p>Provenance (API.md §5.6): only {@code id} is documented. The other properties are inferred
 * from Shopify's order model and the docs' statement that everything links back to the source
 * system; verify them against the live API. Fields the provider actually sends beyond these are
 * kept in {@link #getAdditionalProperties()}.
 */
public class ContextOrder extends PhoneIncObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("name")
    private String name;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("total_price")
    private String totalPrice;

    @JsonProperty("currency")
    private String currency;

    @JsonProperty("financial_status")
    private String financialStatus;

    @JsonProperty("fulfillment_status")
    private String fulfillmentStatus;

    @JsonProperty("admin_url")
    private String adminUrl;

    /** The provider's order id. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Inferred: display name of the order, e.g. {@code #1042}. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Inferred. */
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    /**
     * Inferred: decimal amount as a string (e.g. {@code 148.50}), kept as text to avoid rounding;
     * see {@code currency}.
     */
    public String getTotalPrice() {
        return totalPrice;
    }

    public void setTotalPrice(String totalPrice) {
        this.totalPrice = totalPrice;
    }

    /** Inferred: ISO 4217 code, e.g. {@code USD}. */
    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** Inferred: e.g. {@code paid}, {@code refunded}. */
    public String getFinancialStatus() {
        return financialStatus;
    }

    public void setFinancialStatus(String financialStatus) {
        this.financialStatus = financialStatus;
    }

    /** Inferred: e.g. {@code fulfilled}; may be null. */
    public String getFulfillmentStatus() {
        return fulfillmentStatus;
    }

    public void setFulfillmentStatus(String fulfillmentStatus) {
        this.fulfillmentStatus = fulfillmentStatus;
    }

    /** Inferred: deep link into the provider's admin for this order. */
    public String getAdminUrl() {
        return adminUrl;
    }

    public void setAdminUrl(String adminUrl) {
        this.adminUrl = adminUrl;
    }
}
