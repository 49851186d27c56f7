package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one connected integration (e.g. Shopify) knows about a caller: the matching customer and
 * their recent orders. An element of {@link CallerContext#getContexts()}.
 *
 * <p>Provenance (API.md §5.6): documented (the OpenAPI file calls this schema {@code
 * CallerContext}). More providers are promised with the same shape.
 */
public class ProviderContext extends PhoneIncObject {

    @JsonProperty("provider")
    private String provider;

    @JsonProperty("store")
    private String store;

    @JsonProperty("customer")
    private ContextCustomer customer;

    @JsonProperty("orders")
    private List<ContextOrder> orders;

    /** Integration name, e.g. {@code shopify}. */
    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    /** Store of the provider, e.g. the Shopify shop domain {@code ellis-outdoor.myshopify.com}. */
    public String getStore() {
        return store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    public ContextCustomer getCustomer() {
        return customer;
    }

    public void setCustomer(ContextCustomer customer) {
        this.customer = customer;
    }

    /** Recent orders, newest first. */
    public List<ContextOrder> getOrders() {
        return orders;
    }

    public void setOrders(List<ContextOrder> orders) {
        this.orders = orders;
    }
}
