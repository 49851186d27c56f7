package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A webhook delivery: {@code {"event": "call.ended", "data": {...}}}. {@code data} is the resource
 * the event is about: a {@link Call} for {@code call.*}, a {@link Voicemail} for {@code
 * voicemail.*} and a {@link Contact} for {@code contact.*} events; convert it with {@link
 * #dataAs(Class)}.
 *
 * <p>Provenance (API.md §6): the event names are documented (except {@code voicemail.new}, seen in
 * third-party code), but the envelope is an assumption taken from third-party handlers. No event
 * id, timestamp or signature is known; any further envelope fields are kept in {@link
 * #getAdditionalProperties()}.
 */
public class WebhookEvent extends PhoneIncObject {

    @JsonProperty("event")
    private String event;

    @JsonProperty("data")
    private JsonNode data;

    /**
     * Converts {@code data} into a model, e.g. {@code dataAs(Call.class)} for a {@code call.*}
     * event. The event type is not checked: choose the class from {@link #getEvent()}.
     *
     * @return the converted object, or {@code null} when {@code data} is absent or JSON null
     * @throws IllegalArgumentException when {@code data} cannot be converted into {@code type}
     */
    public <T> T dataAs(Class<T> type) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            return null;
        }
        try {
            return PhoneIncJson.mapper().treeToValue(data, type);
        } catch (JsonProcessingException e) {
            // The cause's message may quote field values (personal data): name only the path here.
            String at = e instanceof JsonMappingException m ? " at " + path(m) : "";
            throw new IllegalArgumentException(
                    "Cannot convert the data of Phone.inc webhook event '"
                            + event
                            + "' to "
                            + type.getSimpleName()
                            + at
                            + " (see cause)",
                    e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("data");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Event type, e.g. {@code call.ended}, {@code voicemail.new}, {@code contact.deleted}. */
    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    /** The resource the event is about, as a JSON tree; see {@link #dataAs(Class)}. */
    public JsonNode getData() {
        return data;
    }

    public void setData(JsonNode data) {
        this.data = data;
    }
}
