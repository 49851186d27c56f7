package com.example.phoneinc.consumer;

import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.client.auth.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A delivery's {@code {event, data}} as the same event the polling consumer derives: the model as
 * body and the same key, so one idempotent repository dedupes both. Unknown event types pass
 * through with their raw data.
 */
final class WebhookEvents {

    private WebhookEvents() {}

    /**
     * @throws JsonProcessingException when {@code data} does not fit the model of its event type
     */
    static PhoneIncEvent of(String type, JsonNode data) throws JsonProcessingException {
        String id = data.path("id").isValueNode() ? data.path("id").asText() : null;
        if (type.startsWith("call.")) {
            Call call = PhoneIncJson.mapper().treeToValue(data, Call.class);
            return PhoneIncEvent.of(type, id, call.getStartedAt(), call);
        }
        if (type.startsWith("voicemail.")) {
            Voicemail v = PhoneIncJson.mapper().treeToValue(data, Voicemail.class);
            return PhoneIncEvent.of(type, id, v.getCreatedAt(), v);
        }
        if (type.startsWith("contact.")) {
            return PhoneIncEvent.ofContact(
                    type, id, PhoneIncJson.mapper().treeToValue(data, Contact.class));
        }
        // not a documented type: passed on as it came, keyed by its content if it has no id
        String key = type + ":" + (id != null ? id : Sha256.fingerprint(data.toString()));
        return new PhoneIncEvent(type, id, key, null, data);
    }
}
