package com.example.phoneinc.api.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration Phone.inc JSON is read and written with: by the component, and by
 * routes or tests that turn a model into JSON or back ({@code PhoneIncJson.mapper().readValue(json,
 * Call.class)}) exactly as the component does.
 */
public final class PhoneIncJson {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    // Phone.inc documents only part of each model: unknown fields are kept by
                    // PhoneIncObject's any-setter, and never fatal for Maps or nested objects.
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .build();

    private PhoneIncJson() {}

    /** Shared and thread-safe; do not reconfigure it (copy it first: {@code mapper().copy()}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
