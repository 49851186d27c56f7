package com.example.phoneinc.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.simulator.CallOutcome;
import com.example.phoneinc.simulator.IncomingCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code from("phoneinc:voicemails")}, {@code calls} and {@code contacts} against the simulator:
 * what is delivered, in which order, with which body and headers, and how often Phone.inc is asked.
 */
class PollingConsumerTest extends SimulatorConsumerSupport {

    private static final String FAST = "delay=100&initialDelay=0";

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    private void consume(String uri) throws Exception {
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(uri).routeId("consumer").process(e -> received.add(e.copy()));
                    }
                });
    }

    private List<String> ids() {
        List<String> ids = new ArrayList<>();
        received.forEach(
                e ->
                        ids.add(
                                e.getMessage()
                                        .getHeader(PhoneIncConstants.RESOURCE_ID, String.class)));
        return ids;
    }

    private long voicemailPolls() {
        return sim.hits("GET", "/api/v1/voicemails");
    }

    @Test
    void newVoicemailsAreDeliveredOnceOldestFirstWithTheModelAndEventHeaders() throws Exception {
        consume("phoneinc:voicemails?" + FAST);
        await(() -> voicemailPolls() >= 2, "the baseline poll and one more");
        assertEquals(List.of(), ids(), "startFrom=now: the voicemails already there are not new");

        String first = sim.simulateVoicemail("+14155550177", "Please call me back");
        clock.advance(Duration.ofSeconds(3));
        String second = sim.simulateVoicemail("+14155550188", "About my order");
        await(() -> received.size() == 2, "two new voicemails");
        long polls = voicemailPolls();
        await(() -> voicemailPolls() >= polls + 3, "three more polls");

        assertEquals(List.of(first, second), ids(), "once each, oldest first");
        Exchange e = received.get(0);
        Voicemail v = assertInstanceOf(Voicemail.class, e.getMessage().getBody());
        assertEquals(first, v.getId());
        assertEquals("+14155550177", v.getFrom());
        assertEquals("Please call me back", v.getTranscription());
        assertEquals("voicemail.new", e.getMessage().getHeader(PhoneIncConstants.EVENT_TYPE));
        assertEquals(
                "voicemail.new:" + first, e.getMessage().getHeader(PhoneIncConstants.EVENT_KEY));
    }

    @Test
    void aWrongFilterFailsTheRouteStartNamingTheOption() throws Exception {
        Exception e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        Exception.class,
                        () -> consume("phoneinc:calls?direction=sideways&" + FAST));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals(
                "Invalid direction option of the calls consumer: must be inbound or outbound",
                root.getMessage());
        assertEquals(0, sim.hits("GET", "/api/v1/calls"), "nothing was polled");
    }

    @Test
    void aPollWithNothingNewIsOneRequest() throws Exception {
        consume("phoneinc:voicemails?" + FAST);
        await(() -> voicemailPolls() >= 5, "five polls");
        sim.clearHits();
        await(() -> voicemailPolls() >= 10, "ten more polls");
        // stopped first (waits for a poll in flight): both counts are then read at the same point
        context.getRouteController().stopRoute("consumer");
        long polls = voicemailPolls();
        assertEquals(polls, sim.totalHits(), "nothing but one list request per poll");
        assertEquals(List.of(), ids());
    }

    @Test
    void voicemailsOfTheSameSecondAcrossAPollAreNeitherSkippedNorRepeated() throws Exception {
        consume("phoneinc:voicemails?" + FAST);
        awaitBaselines();
        // the clock stands still: all four get the same created_at
        String a = sim.simulateVoicemail("+14155550101", "a");
        String b = sim.simulateVoicemail("+14155550102", "b");
        await(() -> received.size() == 2, "the first two");
        String c = sim.simulateVoicemail("+14155550103", "c");
        String d = sim.simulateVoicemail("+14155550104", "d");
        await(() -> received.size() == 4, "the other two");
        long polls = voicemailPolls();
        await(() -> voicemailPolls() >= polls + 3, "three more polls");

        assertEquals(4, received.size(), ids().toString());
        assertEquals(
                List.of(a, b, c, d).stream().sorted().toList(), ids().stream().sorted().toList());
    }

    @Test
    void startFromBeginningDeliversWhatIsListedAndDrainsEveryPageFirst() throws Exception {
        sim.close();
        sim = simulator().listPageSize(2).build().start();
        context.getComponent("phoneinc", com.example.phoneinc.PhoneIncComponent.class)
                .setBaseUrl(sim.baseUrl());
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            sim.simulateVoicemail("+1415555020" + i, "vm " + i);
        }
        // 3 seeded + 4 = 7 voicemails: 4 pages of 2
        consume("phoneinc:voicemails?startFrom=beginning&delay=100000&initialDelay=0");
        await(() -> received.size() == 7, "every voicemail of every page");

        assertEquals(4, voicemailPolls(), "one poll, four pages");
        List<java.time.OffsetDateTime> created = new ArrayList<>();
        received.forEach(e -> created.add(e.getMessage().getBody(Voicemail.class).getCreatedAt()));
        List<java.time.OffsetDateTime> sorted = new ArrayList<>(created);
        sorted.sort(null);
        assertEquals(sorted, created, "oldest first across pages");
    }

    @Test
    void aFailedExchangeIsDeliveredAgainWithEverythingAfterItAndNothingIsSkipped()
            throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> done = new CopyOnWriteArrayList<>();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("phoneinc:voicemails?" + FAST)
                                .process(
                                        e -> {
                                            String id =
                                                    e.getMessage()
                                                            .getHeader(
                                                                    PhoneIncConstants.RESOURCE_ID,
                                                                    String.class);
                                            if (e.getMessage()
                                                            .getBody(Voicemail.class)
                                                            .getTranscription()
                                                            .equals("poison once")
                                                    && attempts.getAndIncrement() == 0) {
                                                throw new IllegalStateException("boom");
                                            }
                                            done.add(id);
                                        });
                    }
                });
        awaitBaselines();
        String a = sim.simulateVoicemail("+14155550101", "fine");
        clock.advance(Duration.ofSeconds(1));
        String b = sim.simulateVoicemail("+14155550102", "poison once");
        clock.advance(Duration.ofSeconds(1));
        String c = sim.simulateVoicemail("+14155550103", "fine too");
        await(() -> done.size() == 3, "all three, the failed one again");

        assertEquals(List.of(a, b, c), done);
        assertEquals(2, attempts.get());
    }

    @Test
    void callsAreDeliveredWhenTheyEndEvenAfterLaterCalls() throws Exception {
        consume("phoneinc:calls?" + FAST);
        awaitBaselines();
        String early =
                sim.simulateIncomingCall(
                                IncomingCall.from("+14155550177").outcome(CallOutcome.RINGING))
                        .callId();
        clock.advance(Duration.ofMinutes(1));
        String later = sim.simulateIncomingCall("+14155550188", CallOutcome.ANSWERED).callId();
        await(() -> received.size() == 1, "the call that ended first");
        sim.endCall(early); // started before `later`, ended after it
        await(() -> received.size() == 2, "the call that ended last");

        assertEquals(List.of(later, early), ids());
        Exchange e = received.get(1);
        assertEquals("ended", assertInstanceOf(Call.class, e.getMessage().getBody()).getState());
        assertEquals("call.ended", e.getMessage().getHeader(PhoneIncConstants.EVENT_TYPE));
        assertEquals("call.ended:" + early, e.getMessage().getHeader(PhoneIncConstants.EVENT_KEY));
        assertTrue(
                sim.lastRequest("GET", "/api/v1/calls")
                        .orElseThrow()
                        .query()
                        .contains("state=ended"));
    }

    @Test
    void contactsCreatedAndUpdatedAreEvents() throws Exception {
        consume("phoneinc:contacts?" + FAST);
        awaitBaselines();
        clock.advance(Duration.ofSeconds(5));
        Contact created =
                template.requestBody(
                        "phoneinc:contacts/create",
                        Map.of("phone", "+14155550199", "name", "Sam Lee"),
                        Contact.class);
        await(() -> received.size() == 1, "the new contact");
        clock.advance(Duration.ofSeconds(5));
        template.requestBodyAndHeader(
                "phoneinc:contacts/update",
                Map.of("note", "VIP"),
                PhoneIncConstants.ID,
                created.getId());
        await(() -> received.size() == 2, "its update");

        assertEquals(
                "contact.created",
                received.get(0).getMessage().getHeader(PhoneIncConstants.EVENT_TYPE));
        assertEquals(
                "contact.updated",
                received.get(1).getMessage().getHeader(PhoneIncConstants.EVENT_TYPE));
        assertEquals("VIP", received.get(1).getMessage().getBody(Contact.class).getNote());
        assertTrue(
                !received.get(0)
                        .getMessage()
                        .getHeader(PhoneIncConstants.EVENT_KEY)
                        .equals(
                                received.get(1)
                                        .getMessage()
                                        .getHeader(PhoneIncConstants.EVENT_KEY)));
    }

    @Test
    void aRestartResumesFromTheSavedWatermark(@TempDir Path dir) throws Exception {
        FileStateRepository store =
                FileStateRepository.fileStateRepository(dir.resolve("watermarks").toFile());
        context.getRegistry().bind("watermarks", store);
        consume("phoneinc:voicemails?watermarkRepository=#watermarks&" + FAST);
        awaitBaselines();
        String a = sim.simulateVoicemail("+14155550101", "before the restart");
        await(() -> received.size() == 1, "the first");

        context.getRouteController().stopRoute("consumer");
        clock.advance(Duration.ofSeconds(2));
        String b = sim.simulateVoicemail("+14155550102", "while stopped");
        context.getRouteController().startRoute("consumer");
        await(() -> received.size() == 2, "the one that came while stopped");
        long polls = voicemailPolls();
        await(() -> voicemailPolls() >= polls + 3, "three more polls");

        assertEquals(List.of(a, b), ids());
        assertTrue(
                java.nio.file.Files.readString(dir.resolve("watermarks")).contains(b),
                "the watermark is in the file, keyed without the API key");
        assertTrue(
                !java.nio.file.Files.readString(dir.resolve("watermarks")).contains(sim.apiKey()));
    }

    @Test
    void anIdempotentRepositorySkipsWhatWasProcessed() throws Exception {
        org.apache.camel.spi.IdempotentRepository seen =
                org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository
                        .memoryIdempotentRepository(100);
        context.getRegistry().bind("seen", seen);
        // a fresh watermark (startFrom=beginning) but the repository knows the seeded voicemails
        seen.start();
        for (String id :
                List.of(
                        "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01",
                        "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c02")) {
            seen.add("voicemail.new:" + id);
        }
        consume("phoneinc:voicemails?startFrom=beginning&idempotentRepository=#seen&" + FAST);
        await(() -> received.size() == 1, "the one voicemail not yet processed");
        long polls = voicemailPolls();
        await(() -> voicemailPolls() >= polls + 3, "three more polls");

        assertEquals(List.of("0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c03"), ids());
        assertTrue(seen.contains("voicemail.new:0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c03"));
    }
}
