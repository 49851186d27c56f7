package com.example.phoneinc.consumer;

import com.example.phoneinc.api.model.Contact;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Something that happened at Phone.inc, as both consumers deliver it: the polling consumer derives
 * it from a list, the webhook consumer receives it. A route cannot tell which one fed it.
 *
 * @param type what happened, in Phone.inc's webhook event names: {@code voicemail.new}, {@code
 *     call.ended}, {@code contact.updated}, …
 * @param resourceId the id of the voicemail, call or contact
 * @param key stable across redeliveries of the same event: type, id and the field that changes
 * @param occurredAt the timestamp the event is ordered by (null when the resource has none)
 * @param body the model (Voicemail, Call, Contact), or the raw JSON tree for an unknown type
 */
public record PhoneIncEvent(
        String type, String resourceId, String key, Instant occurredAt, Object body) {

    // The keys are made here only, for both consumers: one idempotent repository dedupes both.

    /** A voicemail or call event: a resource reaches each of these once, so type and id key it. */
    static PhoneIncEvent of(String type, String id, OffsetDateTime at, Object body) {
        return new PhoneIncEvent(type, id, type + ":" + id, instant(at), body);
    }

    /**
     * A contact event: a contact is updated again and again, so the key also carries when it
     * changed (its update time, or its creation time before any update).
     */
    static PhoneIncEvent ofContact(String type, String id, Contact contact) {
        OffsetDateTime changed =
                contact.getUpdatedAt() != null ? contact.getUpdatedAt() : contact.getCreatedAt();
        return new PhoneIncEvent(
                type, id, type + ":" + id + ":" + changed, instant(changed), contact);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
