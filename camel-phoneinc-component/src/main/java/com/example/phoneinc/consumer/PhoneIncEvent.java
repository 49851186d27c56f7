package com.example.phoneinc.consumer;

import java.time.Instant;

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
        String type, String resourceId, String key, Instant occurredAt, Object body) {}
