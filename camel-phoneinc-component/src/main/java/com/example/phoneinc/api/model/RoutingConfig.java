package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A main number's routing configuration ({@code incoming_call_config}, {@code
 * outside_opening_hours_config}, {@code no_answer_config}): a {@code type} discriminator plus
 * type-specific attributes.
 *
 * <p>Provenance (API.md §5.4): the {@code type} field is documented; the list of types and their
 * attributes is not. Everything besides {@code type} is therefore kept untyped in {@link
 * #getAdditionalProperties()} and written back unchanged; e.g. the {@code employee_ids} array seen
 * in the examples (with types {@code transfer} and {@code voicemail}, both placeholders) is read
 * with {@code getAdditionalProperties().get("employee_ids")} and set with {@link
 * #setAdditionalProperty(String, Object)}.
 */
public class RoutingConfig extends PhoneIncObject {

    @JsonProperty("type")
    private String type;

    /** Routing type; the value set is undocumented. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
