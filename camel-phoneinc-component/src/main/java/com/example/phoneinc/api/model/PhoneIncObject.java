package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every Phone.inc model. Phone.inc's documentation shows only part of each model, so real
 * payloads carry more fields than the typed properties: those are kept in {@link
 * #getAdditionalProperties()} (and written back when the object is sent), never dropped and never
 * fatal.
 *
 * <p>Models are mutable beans so routes can build request bodies; {@code null} properties are not
 * sent, which gives PATCH requests "change only what is set" semantics. To clear a field
 * explicitly, send a {@code Map} with a {@code null} value instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class PhoneIncObject {

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    /** Fields of the JSON document that this class has no property for. */
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }
}
