package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A voicemail left on one of the company's main numbers. Returned by {@code GET /voicemails}
 * (inside {@code {"unlistened_count": n, "voicemails": [...]}}), {@code GET /voicemails/{id}} and
 * {@code PATCH /voicemails/{id}}, and carried as {@code data} by the {@code voicemail.new} webhook
 * event.
 *
 * <p>Provenance (API.md §5.2): every property below is documented. The single-voicemail endpoints
 * and the {@code voicemail.new} event name are inferred. To mark a voicemail listened or unlistened
 * send a {@link VoicemailUpdate}.
 */
public class Voicemail extends PhoneIncObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("from")
    private String from;

    @JsonProperty("listened_at")
    private OffsetDateTime listenedAt;

    @JsonProperty("transcription")
    private String transcription;

    @JsonProperty("created_at")
    private OffsetDateTime createdAt;

    @JsonProperty("recording_url")
    private String recordingUrl;

    @JsonProperty("main_number_id")
    private String mainNumberId;

    @JsonProperty("main_number_name")
    private String mainNumberName;

    @JsonProperty("main_number")
    private String mainNumber;

    @JsonProperty("main_number_formatted")
    private String mainNumberFormatted;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Caller number, E.164, e.g. {@code +14155550177}. */
    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    /** First time the voicemail was marked listened; null if never (or marked unlistened again). */
    public OffsetDateTime getListenedAt() {
        return listenedAt;
    }

    public void setListenedAt(OffsetDateTime listenedAt) {
        this.listenedAt = listenedAt;
    }

    /** Plain-text transcript; null until transcribed. */
    public String getTranscription() {
        return transcription;
    }

    public void setTranscription(String transcription) {
        this.transcription = transcription;
    }

    /** When the voicemail was recorded. */
    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(OffsetDateTime createdAt) {
        this.createdAt = createdAt;
    }

    /**
     * Download URL of the recording: signed, short-lived and generated per request, so do not cache
     * or store it; null while the recording is still processing.
     */
    public String getRecordingUrl() {
        return recordingUrl;
    }

    public void setRecordingUrl(String recordingUrl) {
        this.recordingUrl = recordingUrl;
    }

    /** Id of the {@link MainNumber} that was dialled. */
    public String getMainNumberId() {
        return mainNumberId;
    }

    public void setMainNumberId(String mainNumberId) {
        this.mainNumberId = mainNumberId;
    }

    /** Label of the dialled main number, e.g. {@code Support}. */
    public String getMainNumberName() {
        return mainNumberName;
    }

    public void setMainNumberName(String mainNumberName) {
        this.mainNumberName = mainNumberName;
    }

    /** The dialled main number, E.164, e.g. {@code +14155550177}. */
    public String getMainNumber() {
        return mainNumber;
    }

    public void setMainNumber(String mainNumber) {
        this.mainNumber = mainNumber;
    }

    /** Display form of {@code main_number}, e.g. {@code +1 415-555-0101}. */
    public String getMainNumberFormatted() {
        return mainNumberFormatted;
    }

    public void setMainNumberFormatted(String mainNumberFormatted) {
        this.mainNumberFormatted = mainNumberFormatted;
    }
}
