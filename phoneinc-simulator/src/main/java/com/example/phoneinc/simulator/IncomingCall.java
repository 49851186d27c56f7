package com.example.phoneinc.simulator;

import java.util.Objects;

/**
 * Describes a simulated inbound call for {@link
 * PhoneIncSimulator#simulateIncomingCall(IncomingCall)}.
 *
 * <pre>{@code
 * sim.simulateIncomingCall(IncomingCall.from("+14155550177").outcome(CallOutcome.LOST));
 * }</pre>
 */
public final class IncomingCall {

    String from;
    String mainNumberId;
    CallOutcome outcome = CallOutcome.ANSWERED;
    int durationSeconds = 42;
    boolean transcribe;
    boolean outsideOpeningHours;
    boolean otherCompany;
    String voicemailTranscription;

    private IncomingCall(String from) {
        this.from = Objects.requireNonNull(from, "from");
    }

    /** A call from the given E.164 number to company A's first main number ("Sales"). */
    public static IncomingCall from(String from) {
        return new IncomingCall(from);
    }

    /** The main number that is called (default: the company's first main number). */
    public IncomingCall mainNumberId(String mainNumberId) {
        this.mainNumberId = mainNumberId;
        return this;
    }

    public IncomingCall outcome(CallOutcome outcome) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        return this;
    }

    /** Talk time of an answered call (default 42 s). */
    public IncomingCall durationSeconds(int durationSeconds) {
        this.durationSeconds = durationSeconds;
        return this;
    }

    /**
     * Adds a transcript and summary to an answered call and emits {@code call.transcription_done}.
     */
    public IncomingCall transcribe(boolean transcribe) {
        this.transcribe = transcribe;
        return this;
    }

    /** Emits {@code call.outside_opening_hours} right after {@code call.initiated}. */
    public IncomingCall outsideOpeningHours(boolean outsideOpeningHours) {
        this.outsideOpeningHours = outsideOpeningHours;
        return this;
    }

    /** The call goes to company B (the one of {@link PhoneIncSimulator#otherCompanyApiKey()}). */
    public IncomingCall otherCompany(boolean otherCompany) {
        this.otherCompany = otherCompany;
        return this;
    }

    /** Transcription of the voicemail left with {@link CallOutcome#VOICEMAIL}. */
    public IncomingCall voicemailTranscription(String text) {
        this.voicemailTranscription = text;
        return this;
    }
}
