package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * An address-book entry: calls from or to a saved number are labelled with the contact's name,
 * employer and note. Returned by {@code GET /contacts} (a bare JSON array) and the single-contact
 * endpoints, carried as {@code data} by the {@code contact.created}, {@code contact.updated} and
 * {@code contact.deleted} webhook events, and used as the request body of create and update (only
 * non-null properties are sent, so an update carries just what was set).
 *
 * <p>Provenance (API.md §5.3): every property below is documented; numbers are unique per company.
 * The create/retrieve/update/delete endpoints themselves are inferred.
 */
public class Contact extends PhoneIncObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("name")
    private String name;

    @JsonProperty("email")
    private String email;

    @JsonProperty("phone")
    private String phone;

    @JsonProperty("phone_formatted")
    private String phoneFormatted;

    @JsonProperty("company_name")
    private String companyName;

    @JsonProperty("note")
    private String note;

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

    /** Optional: absent or null when only the number is known. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Optional; format-checked by Phone.inc when present. */
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /**
     * Required on create. Stored in E.164; input with spaces or punctuation (e.g. {@code +1 (415)
     * 555-0177}) is normalised by Phone.inc. Unique within the company.
     */
    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    /** Read-only display form, e.g. {@code +1 415-555-0177}; do not send. */
    public String getPhoneFormatted() {
        return phoneFormatted;
    }

    public void setPhoneFormatted(String phoneFormatted) {
        this.phoneFormatted = phoneFormatted;
    }

    /** The contact's employer or business. */
    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    /** Free text, at most 10,000 characters. */
    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
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
