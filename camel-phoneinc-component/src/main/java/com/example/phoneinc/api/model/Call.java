package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A call: every inbound or outbound voice interaction on one of the company's main numbers,
 * whatever its stage. Returned by {@code GET /calls} (inside {@code {"calls": [...]}}) and {@code
 * GET /calls/{id}}, and carried as {@code data} by the {@code call.*} webhook events.
 *
 * <p>Provenance (API.md §5.1): all properties below are documented, but the documented table stops
 * after {@code main_number_id}; the real payload very likely carries more fields, which end up in
 * {@link #getAdditionalProperties()}. The value sets of {@code state} and of the segments' {@code
 * speaker} are undocumented (only {@code ended} is confirmed), so both are plain strings.
 */
public class Call extends PhoneIncObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("from")
    private String from;

    @JsonProperty("to")
    private String to;

    @JsonProperty("direction")
    private String direction;

    @JsonProperty("state")
    private String state;

    @JsonProperty("started_at")
    private OffsetDateTime startedAt;

    @JsonProperty("answered_at")
    private OffsetDateTime answeredAt;

    @JsonProperty("duration")
    private Integer duration;

    @JsonProperty("summary")
    private String summary;

    @JsonProperty("transcription")
    private String transcription;

    @JsonProperty("transcription_segments")
    private List<TranscriptionSegment> transcriptionSegments;

    @JsonProperty("main_number_id")
    private String mainNumberId;

    /** Public identifier, used by {@code GET /calls/{id}}. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Originating number, E.164, e.g. {@code +14155550177}. */
    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    /** Destination number, E.164, e.g. {@code +14155550177}. */
    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    /**
     * {@code inbound} (someone called the company) or {@code outbound} (an employee dialled out).
     */
    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    /**
     * Lifecycle state. Only {@code ended} is documented; other values (e.g. {@code ringing}, {@code
     * answered}) are unconfirmed.
     */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    /** When the call was initiated; null if not started yet. */
    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(OffsetDateTime startedAt) {
        this.startedAt = startedAt;
    }

    /** When an employee answered; null for missed or rejected calls and while ringing. */
    public OffsetDateTime getAnsweredAt() {
        return answeredAt;
    }

    public void setAnsweredAt(OffsetDateTime answeredAt) {
        this.answeredAt = answeredAt;
    }

    /** Seconds counted from {@code answered_at}; null while in progress or when never answered. */
    public Integer getDuration() {
        return duration;
    }

    public void setDuration(Integer duration) {
        this.duration = duration;
    }

    /** Automatic summary produced after the call ended; null until produced. */
    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    /** Full transcript of the recording; null until transcribed. */
    public String getTranscription() {
        return transcription;
    }

    public void setTranscription(String transcription) {
        this.transcription = transcription;
    }

    /** Speaker-separated transcript; null until transcribed. */
    public List<TranscriptionSegment> getTranscriptionSegments() {
        return transcriptionSegments;
    }

    public void setTranscriptionSegments(List<TranscriptionSegment> transcriptionSegments) {
        this.transcriptionSegments = transcriptionSegments;
    }

    /** Id of the {@link MainNumber} the call belongs to. */
    public String getMainNumberId() {
        return mainNumberId;
    }

    public void setMainNumberId(String mainNumberId) {
        this.mainNumberId = mainNumberId;
    }
}
