package com.example.phoneinc.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a call returned: the HTTP status, the body (a model, a {@code List} of models, JSON text, a
 * token set, or null) and, for a wrapped list, the other top-level fields of the answer.
 */
public record PhoneIncResponse(int status, Object body, Map<String, Object> listMetadata) {

    public PhoneIncResponse {
        // JSON nulls are kept, so no Map.copyOf
        listMetadata =
                listMetadata == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(listMetadata));
    }

    /** {@code unlistened_count} of a voicemails list, if the answer had it. */
    public Integer unlistenedCount() {
        return listMetadata.get("unlistened_count") instanceof Number n ? n.intValue() : null;
    }
}
