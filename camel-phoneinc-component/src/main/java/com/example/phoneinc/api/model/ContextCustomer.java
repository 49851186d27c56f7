package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The customer record a provider matched for a caller (see {@link ProviderContext#getCustomer()}).
 *
 * <p>Provenance (API.md §5.6): all properties below are documented.
 */
public class ContextCustomer extends PhoneIncObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("name")
    private String name;

    @JsonProperty("email")
    private String email;

    @JsonProperty("phone")
    private String phone;

    @JsonProperty("admin_url")
    private String adminUrl;

    /** The provider's own customer id (not a Phone.inc id). */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Usually "First Last". */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** May be null. */
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /** E.164, e.g. {@code +14155550177}. */
    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    /** Deep link into the provider's admin for this customer. */
    public String getAdminUrl() {
        return adminUrl;
    }

    public void setAdminUrl(String adminUrl) {
        this.adminUrl = adminUrl;
    }
}
