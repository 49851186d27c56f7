package com.example.phoneinc.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 422: the request was well-formed but failed validation. {@link #getErrors()} lists every field
 * problem exactly as Phone.inc sent it, e.g. {@code {"listened": ["must be a boolean"]}}.
 */
public class PhoneIncValidationException extends PhoneIncClientException {

    private final Map<String, List<String>> errors;

    public PhoneIncValidationException(
            String message, PhoneIncRequestInfo info, Map<String, List<String>> errors) {
        super(message, info, null);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (errors != null) {
            errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        }
        this.errors = Collections.unmodifiableMap(copy);
    }

    /** Field name → messages, in the order of the response body; never null. */
    public Map<String, List<String>> getErrors() {
        return errors;
    }
}
