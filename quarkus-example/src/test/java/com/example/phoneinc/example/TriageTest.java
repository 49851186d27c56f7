package com.example.phoneinc.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.simulator.SimulatorClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TempDirsResource.class)
class TriageTest {

    /** Unlistened voicemails of the simulator's seed data, newest first. */
    static final String VM_NO_TRANSCRIPT = "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c03";

    static final String VM_DAMAGED = "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01";
    static final String VM_LISTENED = "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c02";

    /** The Dev Services' simulator: no key or base URL is configured in test mode. */
    final SimulatorClient sim = DevServicesSimulator.client();

    @Inject ProducerTemplate template;

    @Inject TicketOutbox outbox;

    @Inject DeadLetterWriter deadLetters;

    @Inject ExampleConfig config;

    @Inject ObjectMapper mapper;

    @BeforeEach
    void reset() throws Exception {
        sim.reset();
        outbox.clear();
        for (Path p : deadLetters.files()) {
            Files.delete(p);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Integer> triage() {
        return template.requestBody(TriageRoutes.TRIAGE, null, Map.class);
    }

    @SuppressWarnings("unchecked")
    List<Voicemail> voicemails() {
        return template.requestBody("phoneinc:voicemails", null, List.class);
    }

    Voicemail voicemail(String id) {
        return voicemails().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
    }

    JsonNode json(Path file) throws Exception {
        return mapper.readTree(file.toFile());
    }

    long patches(String voicemailId) {
        return sim.hits("PATCH", "/api/v1/voicemails/" + voicemailId);
    }

    @Test
    void ticketsEveryUnlistenedVoicemailOnceAndMarksItListened() throws Exception {
        Map<String, Integer> first = triage();

        assertEquals(3, first.get("voicemails"));
        assertEquals(2, first.get("unlistened"));
        assertEquals(2, first.get("tickets_written"));
        assertEquals(2, first.get("marked_listened"));
        assertEquals(0, first.get("dead_lettered"));
        assertEquals(
                List.of(outbox.ticketFile(VM_NO_TRANSCRIPT), outbox.ticketFile(VM_DAMAGED)).stream()
                        .sorted()
                        .toList(),
                outbox.tickets());

        JsonNode ticket = json(outbox.ticketFile(VM_DAMAGED));
        assertEquals(VM_DAMAGED, ticket.get("voicemail_id").asText());
        assertEquals("high", ticket.get("priority").asText());
        assertEquals("+14155550188", ticket.get("from").asText());
        assertEquals("Support", ticket.at("/main_number/name").asText());
        assertEquals("0196a9f1-2d3e-7f40-a1b2-c3d4e5f60a22", ticket.at("/contact/id").asText());
        assertTrue(ticket.get("transcription").asText().contains("arrived damaged"));
        assertEquals("normal", json(outbox.ticketFile(VM_NO_TRANSCRIPT)).get("priority").asText());

        for (Voicemail vm : voicemails()) {
            assertNotNull(vm.getListenedAt(), vm.getId() + " marked listened");
        }
        assertEquals(1, patches(VM_DAMAGED));
        assertEquals(1, patches(VM_NO_TRANSCRIPT));
        assertEquals(0, patches(VM_LISTENED), "an already listened voicemail is left alone");

        // a second run writes nothing new and touches nothing
        Map<Path, FileTime> written = new HashMap<>();
        for (Path p : outbox.tickets()) {
            written.put(p, Files.getLastModifiedTime(p));
        }
        Map<String, Integer> second = triage();
        assertEquals(0, second.get("unlistened"));
        assertEquals(0, second.get("tickets_written"));
        assertEquals(written.keySet().stream().sorted().toList(), outbox.tickets());
        for (Path p : outbox.tickets()) {
            assertEquals(written.get(p), Files.getLastModifiedTime(p));
        }
        assertEquals(1, patches(VM_DAMAGED));
        assertTrue(deadLetters.files().isEmpty());
    }

    @Test
    void aNewVoicemailGetsATicketWithTheCallersCustomerRecord() throws Exception {
        triage();
        String id =
                sim.simulateVoicemail(
                        "+14155550177", "Hi, it's Morgan. I need a refund for order 1042, urgent.");

        Map<String, Integer> run = triage();

        assertEquals(1, run.get("tickets_written"));
        JsonNode ticket = json(outbox.ticketFile(id));
        assertEquals("high", ticket.get("priority").asText());
        assertEquals("shopify", ticket.at("/customers/0/provider").asText());
        assertEquals("Morgan Ellis", ticket.at("/customers/0/name").asText());
        assertEquals("#1042", ticket.at("/customers/0/orders/0/name").asText());
        assertTrue(ticket.get("summary").asText().startsWith("Morgan Ellis (+14155550177)"));
        assertNotNull(voicemail(id).getListenedAt());
    }

    @Test
    void aTicketLeftByACrashBeforeMarkingIsNotWrittenAgain() throws Exception {
        // as if the service died after renaming the ticket into place, before the ledger entry
        // and the "mark listened" call
        Path left = outbox.ticketFile(VM_DAMAGED);
        Files.createDirectories(left.getParent());
        Files.writeString(left, "{\"voicemail_id\":\"" + VM_DAMAGED + "\"}");

        Map<String, Integer> run = triage();

        assertEquals(1, run.get("already_ticketed"));
        assertEquals(1, run.get("tickets_written"));
        assertEquals(2, run.get("marked_listened"));
        assertEquals("{\"voicemail_id\":\"" + VM_DAMAGED + "\"}", Files.readString(left));
        assertNotNull(voicemail(VM_DAMAGED).getListenedAt());
        assertTrue(
                outbox.tickets().stream()
                        .noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void aBurstOf5xxIsRetriedAndTheRunSucceeds() throws Exception {
        sim.faults().next(2).on("GET", "/api/v1/voicemails").status(503);
        sim.faults().next(2).on("PATCH", "/api/v1/voicemails/").status(502);

        Map<String, Integer> run = triage();

        assertEquals(2, run.get("tickets_written"));
        assertEquals(2, run.get("marked_listened"));
        assertEquals(0, run.get("dead_lettered"));
        assertEquals(3, sim.hits("GET", "/api/v1/voicemails"), "1 call + 2 redeliveries");
        assertEquals(4, patches(VM_DAMAGED) + patches(VM_NO_TRANSCRIPT), "2 calls + 2 retries");
        assertEquals(0, sim.faults().pending());
        assertTrue(deadLetters.files().isEmpty());
        for (Voicemail vm : voicemails()) {
            assertNotNull(vm.getListenedAt());
        }
    }

    @Test
    void a404IsNotRetriedAndEndsInTheDeadLetterDirectoryWithTheOriginalVoicemail()
            throws Exception {
        // the first voicemail's "mark listened" answers 404, after its ticket was written
        sim.faults().next(1).on("PATCH", "/api/v1/voicemails/").status(404);

        Map<String, Integer> run = triage();

        assertEquals(2, run.get("tickets_written"));
        assertEquals(1, run.get("marked_listened"));
        assertEquals(1, run.get("dead_lettered"));
        assertEquals(1, patches(VM_NO_TRANSCRIPT), "a 404 is not retried");

        List<Path> files = deadLetters.files();
        assertEquals(2, files.size(), files.toString());
        Path body = only(files, ".json", ".error.json");
        Path error = only(files, ".error.json", null);
        JsonNode original = json(body);
        assertEquals(VM_NO_TRANSCRIPT, original.get("id").asText());
        assertEquals("+14155550199", original.get("from").asText());
        assertTrue(original.get("listened_at") == null || original.get("listened_at").isNull());

        JsonNode e = json(error);
        assertEquals(
                "com.example.phoneinc.api.PhoneIncNotFoundException", e.get("exception").asText());
        assertEquals(404, e.get("status").asInt());
        assertFalse(e.get("retryable").asBoolean());
        assertEquals("PATCH", e.get("method").asText());
        assertEquals(VM_NO_TRANSCRIPT, e.get("voicemail_id").asText());
        assertEquals("triage-voicemail", e.get("route_id").asText()); // the route that failed
        assertEquals(body.getFileName().toString(), e.get("body_file").asText());
        assertNotNull(e.get("failed_at").asText());
        assertNoApiKey(files);

        // the ticket is kept; the next run only marks the voicemail listened
        assertNull(voicemail(VM_NO_TRANSCRIPT).getListenedAt());
        Map<String, Integer> next = triage();
        assertEquals(0, next.get("tickets_written"));
        assertEquals(1, next.get("already_ticketed"));
        assertEquals(1, next.get("marked_listened"));
        assertNotNull(voicemail(VM_NO_TRANSCRIPT).getListenedAt());
        assertEquals(2, outbox.tickets().size());
    }

    @Test
    void a422EndsInTheDeadLetterDirectoryWithTheFieldErrorsAndNoTicket() throws Exception {
        sim.faults()
                .next(1)
                .on("GET", "/api/v1/caller_context")
                .status(
                        422,
                        "application/json",
                        "{\"error\":\"Validation failed\",\"errors\":{\"phone\":[\"is invalid\"]}}");

        Map<String, Integer> run = triage();

        assertEquals(1, run.get("tickets_written"));
        assertEquals(1, run.get("dead_lettered"));
        assertEquals(List.of(outbox.ticketFile(VM_DAMAGED)), outbox.tickets());
        assertNull(voicemail(VM_NO_TRANSCRIPT).getListenedAt(), "not marked without a ticket");

        List<Path> files = deadLetters.files();
        JsonNode original = json(only(files, ".json", ".error.json"));
        assertEquals(VM_NO_TRANSCRIPT, original.get("id").asText());
        JsonNode e = json(only(files, ".error.json", null));
        assertEquals(
                "com.example.phoneinc.api.PhoneIncValidationException",
                e.get("exception").asText());
        assertEquals(422, e.get("status").asInt());
        assertEquals("is invalid", e.at("/field_errors/phone/0").asText());
        assertFalse(e.get("retryable").asBoolean());
        assertNoApiKey(files);

        // nothing is lost: the next run tickets it
        Map<String, Integer> next = triage();
        assertEquals(1, next.get("tickets_written"));
        assertNotNull(voicemail(VM_NO_TRANSCRIPT).getListenedAt());
    }

    @Test
    void retriesThatRunOutEndInTheDeadLetterDirectory() throws Exception {
        int attempts = config.retry().maximumRedeliveries() + 1;
        sim.faults().next(attempts).on("GET", "/api/v1/voicemails").status(503);

        Map<String, Integer> run = triage();

        assertNull(run, "the run was dead-lettered");
        assertEquals(attempts, sim.hits("GET", "/api/v1/voicemails"));
        List<Path> files = deadLetters.files();
        assertEquals(2, files.size(), files.toString());
        JsonNode e = json(only(files, ".error.json", null));
        assertEquals(
                "com.example.phoneinc.api.PhoneIncServerException", e.get("exception").asText());
        assertTrue(e.get("retryable").asBoolean());
        assertEquals(503, e.get("status").asInt());
        assertEquals("GET", e.get("method").asText());
        assertEquals("/voicemails", e.get("path").asText());
        assertEquals("null", Files.readString(only(files, ".json", ".error.json")).strip());
        assertTrue(outbox.tickets().isEmpty());
    }

    private static Path only(List<Path> files, String suffix, String notSuffix) {
        List<Path> matching =
                files.stream()
                        .filter(p -> p.getFileName().toString().endsWith(suffix))
                        .filter(
                                p ->
                                        notSuffix == null
                                                || !p.getFileName().toString().endsWith(notSuffix))
                        .toList();
        assertEquals(1, matching.size(), files.toString());
        return matching.get(0);
    }

    private void assertNoApiKey(List<Path> files) throws Exception {
        for (Path p : files) {
            assertFalse(
                    Files.readString(p).contains(DevServicesSimulator.apiKey()),
                    p + " contains the API key");
        }
    }
}
