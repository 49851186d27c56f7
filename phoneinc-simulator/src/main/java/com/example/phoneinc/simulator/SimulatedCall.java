package com.example.phoneinc.simulator;

import java.util.List;

/** Result of {@link PhoneIncSimulator#simulateIncomingCall(IncomingCall)}. */
public final class SimulatedCall {

    private final String callId;
    private final String voicemailId;
    private final List<String> events;

    SimulatedCall(String callId, String voicemailId, List<String> events) {
        this.callId = callId;
        this.voicemailId = voicemailId;
        this.events = List.copyOf(events);
    }

    /** Public id of the created call. */
    public String callId() {
        return callId;
    }

    /** Id of the voicemail left ({@link CallOutcome#VOICEMAIL}), otherwise null. */
    public String voicemailId() {
        return voicemailId;
    }

    /** Event types emitted, in order. */
    public List<String> events() {
        return events;
    }
}
