package com.example.phoneinc.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.Voicemail;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketFactoryTest {

    final TicketFactory factory =
            new TicketFactory(
                    Clock.fixed(Instant.parse("2026-05-12T17:00:00.123Z"), ZoneOffset.UTC));

    static Voicemail voicemail(String from, String transcription) {
        Voicemail vm = new Voicemail();
        vm.setId("vm-1");
        vm.setFrom(from);
        vm.setTranscription(transcription);
        vm.setCreatedAt(OffsetDateTime.parse("2026-05-12T16:31:05Z"));
        vm.setMainNumberName("Support");
        return vm;
    }

    @Test
    void urgentWordsMakeAHighPriorityTicket() {
        assertEquals(
                "high",
                factory.create(voicemail("+1", "It ARRIVED BROKEN"), null, null).priority());
        assertEquals(
                "high", factory.create(voicemail("+1", "please cancel it"), null, null).priority());
        assertEquals(
                "normal",
                factory.create(voicemail("+1", "send a price list"), null, null).priority());
    }

    @Test
    void theSummaryNamesTheContactAndShortensLongTranscriptions() {
        Contact contact = new Contact();
        contact.setName("Dana Whitfield");
        Ticket t =
                factory.create(voicemail("+14155550123", "x".repeat(500)), null, List.of(contact));

        assertTrue(t.summary().startsWith("Dana Whitfield (+14155550123) → Support: xxx"));
        assertTrue(t.summary().endsWith("…"));
        assertEquals(
                "Dana Whitfield (+14155550123) → Support: ".length() + 120, t.summary().length());
        assertEquals("2026-05-12T17:00Z", t.triagedAt().toString());
    }

    @Test
    void aVoicemailWithoutCallerNumberOrTranscriptionStillGetsATicket() {
        Ticket t = factory.create(voicemail(null, null), null, null);

        assertEquals("vm-1", t.voicemailId());
        assertEquals("normal", t.priority());
        assertNull(t.contact());
        assertTrue(t.customers().isEmpty());
        assertEquals(
                "Unknown caller → Support: no transcription yet, listen to the recording in"
                        + " Phone.inc",
                t.summary());
    }
}
