package com.example.phoneinc.example;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Counters of one triage run, shared by the run's split exchanges. */
public final class TriageRun {

    /** Exchange property holding the run. */
    public static final String PROPERTY = "phoneincTriageRun";

    final AtomicInteger voicemails = new AtomicInteger();
    final AtomicInteger unlistened = new AtomicInteger();
    final AtomicInteger ticketsWritten = new AtomicInteger();
    final AtomicInteger alreadyTicketed = new AtomicInteger();
    final AtomicInteger markedListened = new AtomicInteger();
    final AtomicInteger deadLettered = new AtomicInteger();

    boolean anythingHappened() {
        return unlistened.get() > 0 || deadLettered.get() > 0;
    }

    /** The counters as JSON-friendly map (the answer of POST /triage). */
    public Map<String, Integer> toMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("voicemails", voicemails.get());
        m.put("unlistened", unlistened.get());
        m.put("tickets_written", ticketsWritten.get());
        m.put("already_ticketed", alreadyTicketed.get());
        m.put("marked_listened", markedListened.get());
        m.put("dead_lettered", deadLettered.get());
        return m;
    }

    @Override
    public String toString() {
        return String.format(
                "%d voicemails, %d unlistened: %d tickets written, %d already ticketed,"
                        + " %d marked listened, %d dead-lettered",
                voicemails.get(),
                unlistened.get(),
                ticketsWritten.get(),
                alreadyTicketed.get(),
                markedListened.get(),
                deadLettered.get());
    }
}
