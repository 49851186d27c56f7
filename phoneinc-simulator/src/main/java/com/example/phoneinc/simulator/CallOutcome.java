package com.example.phoneinc.simulator;

/** How a simulated incoming call ends, and therefore which webhook events it emits. */
public enum CallOutcome {
    /** {@code call.initiated} only; the call stays in state {@code ringing}. */
    RINGING,
    /** {@code call.initiated}, {@code call.answered}, {@code call.ended}. */
    ANSWERED,
    /** {@code call.initiated}, {@code call.ended}, {@code call.lost}. */
    LOST,
    /**
     * {@code call.initiated}, {@code call.ended}, {@code voicemail.new} (a voicemail is stored).
     */
    VOICEMAIL
}
