package com.example.phoneinc.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A public-facing phone number of the account (e.g. "Sales", "Support"), with its routing settings.
 * Every call and voicemail belongs to exactly one. Returned by {@code GET /main_numbers} (inside
 * {@code {"main_numbers": [...]}}) and the single-number endpoints, and used as the body of {@code
 * PATCH /main_numbers/{id}} (only non-null properties are sent).
 *
 * <p>Provenance (API.md §5.4): the properties below are documented, but the table stops at {@code
 * no_answer_timeout_secs}; opening hours and more are expected in {@link
 * #getAdditionalProperties()}. The list/retrieve/update paths, the list envelope and which fields
 * are writable are inferred. A null routing config cannot be sent through this class (null means
 * "not set"); to clear one, send a {@code Map} with a {@code null} value.
 */
public class MainNumber extends PhoneIncObject {

    @JsonProperty("id")
    private String id;

    @JsonProperty("name")
    private String name;

    @JsonProperty("number")
    private String number;

    @JsonProperty("number_formatted")
    private String numberFormatted;

    @JsonProperty("timezone")
    private String timezone;

    @JsonProperty("language")
    private String language;

    @JsonProperty("recording_enabled")
    private Boolean recordingEnabled;

    @JsonProperty("incoming_call_config")
    private RoutingConfig incomingCallConfig;

    @JsonProperty("outside_opening_hours_config")
    private RoutingConfig outsideOpeningHoursConfig;

    @JsonProperty("no_answer_config")
    private RoutingConfig noAnswerConfig;

    @JsonProperty("no_answer_timeout_secs")
    private Integer noAnswerTimeoutSecs;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /**
     * Team label, e.g. {@code Sales}: ASCII letters, digits, spaces and {@code -_~!.+} only, no
     * accents, at most 128 characters.
     */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** E.164, e.g. {@code +14155550177}. */
    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    /** Display form, e.g. {@code +1 415-555-0100}. */
    public String getNumberFormatted() {
        return numberFormatted;
    }

    public void setNumberFormatted(String numberFormatted) {
        this.numberFormatted = numberFormatted;
    }

    /**
     * Documented as an IANA zone, but examples ({@code Copenhagen}, {@code Pacific Time (US &
     * Canada)}) look like Rails time-zone names: treat as opaque, do not pass to {@code ZoneId.of}.
     */
    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    /** Language code of automated prompts, e.g. {@code en}, {@code da}. */
    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** Whether calls on this number are recorded. */
    public Boolean getRecordingEnabled() {
        return recordingEnabled;
    }

    public void setRecordingEnabled(Boolean recordingEnabled) {
        this.recordingEnabled = recordingEnabled;
    }

    /** Routing of incoming calls. */
    public RoutingConfig getIncomingCallConfig() {
        return incomingCallConfig;
    }

    public void setIncomingCallConfig(RoutingConfig incomingCallConfig) {
        this.incomingCallConfig = incomingCallConfig;
    }

    /** Routing outside opening hours; null falls back to {@code incoming_call_config}. */
    public RoutingConfig getOutsideOpeningHoursConfig() {
        return outsideOpeningHoursConfig;
    }

    public void setOutsideOpeningHoursConfig(RoutingConfig outsideOpeningHoursConfig) {
        this.outsideOpeningHoursConfig = outsideOpeningHoursConfig;
    }

    /**
     * Fallback when a call transferred to employees is not answered within {@code
     * no_answer_timeout_secs}; null means no fallback.
     */
    public RoutingConfig getNoAnswerConfig() {
        return noAnswerConfig;
    }

    public void setNoAnswerConfig(RoutingConfig noAnswerConfig) {
        this.noAnswerConfig = noAnswerConfig;
    }

    /** Seconds a transferred call rings before {@code no_answer_config} applies; may be null. */
    public Integer getNoAnswerTimeoutSecs() {
        return noAnswerTimeoutSecs;
    }

    public void setNoAnswerTimeoutSecs(Integer noAnswerTimeoutSecs) {
        this.noAnswerTimeoutSecs = noAnswerTimeoutSecs;
    }
}
