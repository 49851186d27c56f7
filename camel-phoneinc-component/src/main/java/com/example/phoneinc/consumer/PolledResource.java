package com.example.phoneinc.consumer;

import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.client.PhoneIncOperation;

/**
 * What a polling consumer watches: the list operation it polls and how a listed item becomes an
 * event (type, key, the timestamp it is ordered by). Calls are ordered by {@code started_at} but
 * reach a state later, so their consumer also remembers what it delivered within a window (see
 * {@link Watermark}).
 */
enum PolledResource {
    VOICEMAILS(PhoneIncOperation.VOICEMAILS_LIST) {
        @Override
        PhoneIncEvent event(Object item) {
            Voicemail v = (Voicemail) item;
            return PhoneIncEvent.of("voicemail.new", v.getId(), v.getCreatedAt(), v);
        }
    },
    CALLS(PhoneIncOperation.CALLS_LIST) {
        @Override
        PhoneIncEvent event(Object item) {
            Call c = (Call) item;
            String type = "call." + (c.getState() == null ? "unknown" : c.getState());
            return PhoneIncEvent.of(
                    type,
                    c.getId(),
                    c.getStartedAt() != null ? c.getStartedAt() : c.getAnsweredAt(),
                    c);
        }
    },
    CONTACTS(PhoneIncOperation.CONTACTS_LIST) {
        @Override
        PhoneIncEvent event(Object item) {
            Contact c = (Contact) item;
            boolean created =
                    c.getUpdatedAt() == null
                            || c.getCreatedAt() != null
                                    && !c.getUpdatedAt().isAfter(c.getCreatedAt());
            return PhoneIncEvent.ofContact(
                    created ? "contact.created" : "contact.updated", c.getId(), c);
        }
    };

    private final PhoneIncOperation operation;

    PolledResource(PhoneIncOperation operation) {
        this.operation = operation;
    }

    PhoneIncOperation operation() {
        return operation;
    }

    /** The event a listed item stands for. */
    abstract PhoneIncEvent event(Object item);

    /** The resource a {@code from("phoneinc:...")} operation watches, or null when none. */
    static PolledResource of(PhoneIncOperation operation) {
        for (PolledResource r : values()) {
            if (r.operation == operation) {
                return r;
            }
        }
        return null;
    }
}
