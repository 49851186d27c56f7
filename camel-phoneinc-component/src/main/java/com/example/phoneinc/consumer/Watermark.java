package com.example.phoneinc.consumer;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a polling consumer got: the newest timestamp it delivered (inclusive), and the keys of
 * the events it delivered at or after {@code mark - window}. An event is new when it is not older
 * than that and its key was not delivered. With no window (voicemails) that is "the ids already
 * seen at the boundary timestamp", so several voicemails of the same second across two polls are
 * neither skipped nor repeated; calls use a window because they are ordered by start but reach
 * their state later. Never the local clock: the mark only ever comes from Phone.inc's data.
 * Serialised as one line of JSON for a {@code StateRepository}.
 */
final class Watermark {

    private final Duration window;
    private Instant mark;
    private final Map<String, Instant> delivered = new LinkedHashMap<>();

    Watermark(Instant mark, Duration window) {
        this.mark = mark;
        this.window = window;
    }

    Instant mark() {
        return mark;
    }

    boolean isNew(PhoneIncEvent event) {
        return event.occurredAt() != null
                && !event.occurredAt().isBefore(horizon())
                && !delivered.containsKey(event.key());
    }

    /** Records a delivered event and forgets what fell behind the window. */
    void advance(PhoneIncEvent event) {
        delivered.put(event.key(), event.occurredAt());
        if (event.occurredAt().isAfter(mark)) {
            mark = event.occurredAt();
        }
        Instant horizon = horizon();
        delivered.values().removeIf(t -> t.isBefore(horizon));
    }

    private Instant horizon() {
        return mark.minus(window);
    }

    /** What was there when the consumer first polled ({@code startFrom=now}): none of it is new. */
    static Watermark baseline(Iterable<PhoneIncEvent> existing, Duration window) {
        Watermark w = new Watermark(Instant.EPOCH, window);
        for (PhoneIncEvent e : existing) {
            if (e.occurredAt() != null) {
                w.advance(e);
            }
        }
        return w;
    }

    String toJson() {
        ObjectNode json = PhoneIncJson.mapper().createObjectNode();
        json.put("mark", mark.toString());
        ObjectNode keys = json.putObject("delivered");
        delivered.forEach((k, t) -> keys.put(k, t.toString()));
        return json.toString();
    }

    /** Reads a saved watermark; the window is the endpoint's, not the saved one. */
    static Watermark fromJson(String text, Duration window) throws IOException {
        JsonNode json = PhoneIncJson.mapper().readTree(text);
        if (json == null || !json.hasNonNull("mark")) {
            throw new IOException("not a phoneinc watermark");
        }
        Watermark w = new Watermark(Instant.parse(json.get("mark").asText()), window);
        JsonNode keys = json.path("delivered");
        for (Iterator<Map.Entry<String, JsonNode>> it = keys.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            w.delivered.put(e.getKey(), Instant.parse(e.getValue().asText()));
        }
        return w;
    }

    @Override
    public String toString() {
        return "Watermark["
                + mark
                + ", "
                + delivered.size()
                + " delivered at or after the horizon]";
    }
}
