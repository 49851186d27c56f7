package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A team member who takes and makes calls and uses the dashboard. Returned by {@code GET
 * /employees} (inside {@code {"employees": [...]}}) and the single-employee endpoints, and used as
 * the body of create and update (only non-null properties are sent). Passwords and 2FA are not
 * exposed.
 *
 * <p>Provenance (API.md §5.5): the properties and the list envelope are documented; the create,
 * retrieve, update and delete endpoints and their bodies ({@code name}, {@code email}, {@code
 * phone}) are inferred.
 */
public class Employee extends PhoneIncObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("name")
    private String name;

    @JsonProperty("email")
    private String email;

    @JsonProperty("phone")
    private String phone;

    @JsonProperty("invitation_pending")
    private Boolean invitationPending;

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

    /** Display name, e.g. {@code Alex Wong}. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /**
     * Unique across all Phone.inc accounts, so a create can be rejected even if no employee of this
     * company uses the address.
     */
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /** Fallback destination when the employee is not connected via WebRTC; may be null. */
    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    /** True until the invited employee signs in for the first time; read-only. */
    public Boolean getInvitationPending() {
        return invitationPending;
    }

    public void setInvitationPending(Boolean invitationPending) {
        this.invitationPending = invitationPending;
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
