package com.example.phoneinc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's data: two companies plus a cache of serialized GET responses. Every read and
 * write of company data happens while holding this object's monitor; any write clears the cache.
 */
final class SimState {

    static final List<String> EVENT_TYPES =
            List.of(
                    "call.initiated",
                    "call.outside_opening_hours",
                    "call.answered",
                    "call.ended",
                    "call.lost",
                    "call.transcription_done",
                    "voicemail.new",
                    "contact.created",
                    "contact.updated",
                    "contact.deleted");

    private static final int CACHE_LIMIT = 2048;

    final Company companyA;
    final Company companyB;
    final Clock clock;
    private final WebhookDispatcher dispatcher;

    /** Serialized 200 responses of GET requests, keyed by company + URI. */
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    SimState(String apiKeyA, String apiKeyB, Clock clock, WebhookDispatcher dispatcher) {
        this.companyA = new Company("A", apiKeyA);
        this.companyB = new Company("B", apiKeyB);
        this.clock = clock;
        this.dispatcher = dispatcher;
        reseed();
    }

    synchronized void reseed() {
        companyA.seed("company-a");
        companyB.seed("company-b");
        cache.clear();
    }

    Company byApiKey(String key) {
        if (companyA.apiKey.equals(key)) {
            return companyA;
        }
        if (companyB.apiKey.equals(key)) {
            return companyB;
        }
        return null;
    }

    /** ISO-8601 UTC timestamp with second precision, like the API's. */
    String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    String newId() {
        return Ids.uuidV7(clock.millis());
    }

    byte[] cached(String key) {
        return cache.get(key);
    }

    /** Caller must hold the lock (so that no write can slip in between compute and put). */
    void cache(String key, byte[] body) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, body);
    }

    /** Caller must hold the lock. */
    void changed() {
        cache.clear();
    }

    /** Emits a webhook event to the company's active subscriptions. Caller must hold the lock. */
    void emit(Company company, String event, ObjectNode data) {
        ObjectNode envelope = Json.object();
        envelope.put("event", event);
        envelope.set("data", data.deepCopy());
        byte[] body = null;
        for (ObjectNode hook : company.webhooks.values()) {
            if (!hook.path("active").asBoolean(false)) {
                continue;
            }
            boolean subscribed = false;
            for (JsonNode e : hook.path("events")) {
                if (event.equals(e.asText())) {
                    subscribed = true;
                    break;
                }
            }
            if (subscribed) {
                if (body == null) {
                    body = Json.bytes(envelope);
                }
                dispatcher.enqueue(hook.get("id").asText(), hook.get("url").asText(), event, body);
            }
        }
    }

    // ---------------------------------------------------------------- simulation of activity

    synchronized SimulatedCall simulateIncomingCall(IncomingCall spec) {
        if (!Phones.isE164(spec.from)) {
            throw new IllegalArgumentException("from must be E.164: " + spec.from);
        }
        Company c = spec.otherCompany ? companyB : companyA;
        ObjectNode mainNumber =
                spec.mainNumberId == null
                        ? c.firstMainNumber()
                        : c.mainNumbers.get(spec.mainNumberId);
        if (mainNumber == null) {
            throw new IllegalArgumentException("unknown main number " + spec.mainNumberId);
        }
        List<String> events = new ArrayList<>();
        String id = newId();
        ObjectNode call = Json.object();
        call.put("id", id);
        call.put("from", spec.from);
        call.put("to", mainNumber.get("number").asText());
        call.put("direction", "inbound");
        call.put("state", "ringing");
        call.put("started_at", now());
        call.putNull("answered_at");
        call.putNull("duration");
        call.putNull("summary");
        call.putNull("transcription");
        call.putNull("transcription_segments");
        call.put("main_number_id", mainNumber.get("id").asText());
        c.calls.put(id, call);
        changed();
        emitAndLog(c, "call.initiated", call, events);
        if (spec.outsideOpeningHours) {
            emitAndLog(c, "call.outside_opening_hours", call, events);
        }
        String voicemailId = null;
        switch (spec.outcome) {
            case RINGING:
                break;
            case ANSWERED:
                call.put("state", "answered");
                call.put("answered_at", now());
                emitAndLog(c, "call.answered", call, events);
                call.put("state", "ended");
                call.put("duration", spec.durationSeconds);
                emitAndLog(c, "call.ended", call, events);
                if (spec.transcribe) {
                    String caller = "Hi, I'm calling about my order.";
                    String agent = "Thanks for calling, let me look that up for you.";
                    call.put("summary", "The caller asked about an order; the employee helped.");
                    call.put("transcription", agent + " " + caller);
                    ArrayNode segments = call.putArray("transcription_segments");
                    ObjectNode s1 = segments.addObject();
                    s1.put("speaker", "employee");
                    s1.put("text", agent);
                    JsonNode empIds = mainNumber.path("incoming_call_config").path("employee_ids");
                    if (empIds.size() > 0) {
                        s1.put("employee_id", empIds.get(0).asText());
                    }
                    ObjectNode s2 = segments.addObject();
                    s2.put("speaker", "caller");
                    s2.put("text", caller);
                    emitAndLog(c, "call.transcription_done", call, events);
                }
                break;
            case LOST:
                call.put("state", "ended");
                emitAndLog(c, "call.ended", call, events);
                emitAndLog(c, "call.lost", call, events);
                break;
            case VOICEMAIL:
                call.put("state", "ended");
                emitAndLog(c, "call.ended", call, events);
                voicemailId =
                        createVoicemail(
                                c, spec.from, mainNumber, spec.voicemailTranscription, events);
                break;
            default:
                throw new IllegalStateException();
        }
        return new SimulatedCall(id, voicemailId, events);
    }

    /**
     * Ends a call that is still ringing or answered (a call simulated with outcome RINGING, say):
     * state {@code ended}, {@code call.ended} emitted. A call can thus end long after later calls.
     */
    synchronized void endCall(String id) {
        for (Company c : new Company[] {companyA, companyB}) {
            ObjectNode call = c.calls.get(id);
            if (call != null) {
                if (!call.path("state").asText().equals("ended")) {
                    call.put("state", "ended");
                    changed();
                    emitAndLog(c, "call.ended", call, new ArrayList<>());
                }
                return;
            }
        }
        throw new IllegalArgumentException("unknown call " + id);
    }

    synchronized String simulateVoicemail(
            String from, String mainNumberId, String transcription, boolean otherCompany) {
        if (!Phones.isE164(from)) {
            throw new IllegalArgumentException("from must be E.164: " + from);
        }
        Company c = otherCompany ? companyB : companyA;
        ObjectNode mainNumber =
                mainNumberId == null ? c.firstMainNumber() : c.mainNumbers.get(mainNumberId);
        if (mainNumber == null) {
            throw new IllegalArgumentException("unknown main number " + mainNumberId);
        }
        return createVoicemail(c, from, mainNumber, transcription, new ArrayList<>());
    }

    private String createVoicemail(
            Company c, String from, ObjectNode mainNumber, String transcription, List<String> log) {
        String id = newId();
        ObjectNode vm = Json.object();
        vm.put("id", id);
        vm.put("from", from);
        vm.putNull("listened_at");
        if (transcription == null) {
            vm.putNull("transcription");
        } else {
            vm.put("transcription", transcription);
        }
        vm.put("created_at", now());
        long expires = clock.instant().plus(1, ChronoUnit.HOURS).getEpochSecond();
        vm.put(
                "recording_url",
                "https://storage.example.com/phoneinc/voicemails/"
                        + id
                        + ".mp3?expires="
                        + expires
                        + "&signature=simulated");
        vm.put("main_number_id", mainNumber.get("id").asText());
        vm.put("main_number_name", mainNumber.get("name").asText());
        vm.put("main_number", mainNumber.get("number").asText());
        vm.put("main_number_formatted", mainNumber.get("number_formatted").asText());
        c.voicemails.put(id, vm);
        changed();
        emitAndLog(c, "voicemail.new", vm, log);
        return id;
    }

    private void emitAndLog(Company c, String event, ObjectNode data, List<String> log) {
        emit(c, event, data);
        log.add(event);
    }
}
