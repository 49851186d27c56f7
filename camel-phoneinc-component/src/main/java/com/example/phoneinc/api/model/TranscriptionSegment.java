package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One speaker-separated piece of a {@link Call}'s transcript (an element of {@code
 * transcription_segments}).
 *
 * <p>Provenance (API.md §5.1): {@code speaker}, {@code text} and the optional {@code employee_id}
 * are documented; the set of {@code speaker} values is not (the examples use {@code employee} and
 * {@code caller}, which are placeholders).
 */
public class TranscriptionSegment extends PhoneIncObject {

    @JsonProperty("speaker")
    private String speaker;

    @JsonProperty("text")
    private String text;

    @JsonProperty("employee_id")
    private String employeeId;

    /** Speaker label; the value set is undocumented. */
    public String getSpeaker() {
        return speaker;
    }

    public void setSpeaker(String speaker) {
        this.speaker = speaker;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /**
     * Public id of the speaking {@link Employee}, when the speaker is one; otherwise absent or
     * null.
     */
    public String getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(String employeeId) {
        this.employeeId = employeeId;
    }
}
