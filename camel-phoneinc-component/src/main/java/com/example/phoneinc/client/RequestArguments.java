package com.example.phoneinc.client;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one request is made of besides its operation: a value per {@link RequestParameter} (each
 * with where it came from, for error messages), the body, and how the answer is wanted. Immutable;
 * build with {@link #builder()}.
 */
public final class RequestArguments {

    /** A value and where it came from, e.g. "CamelPhoneIncDirection header". */
    public record Argument(String value, String source) {}

    private final Map<RequestParameter, Argument> values;
    private final Object body;
    private final String bodyText;
    private final boolean rawJson;
    private final boolean failuresAsReplies;

    private RequestArguments(Builder b) {
        this.values = b.values;
        this.body = b.body;
        this.bodyText = b.bodyText;
        this.rawJson = b.rawJson;
        this.failuresAsReplies = b.failuresAsReplies;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The argument given for {@code parameter}, or null. */
    public Argument get(RequestParameter parameter) {
        return values.get(parameter);
    }

    /** The value given for {@code parameter} (blank counts as not given), or null. */
    public String value(RequestParameter parameter) {
        Argument a = values.get(parameter);
        return a == null || a.value() == null || a.value().isBlank() ? null : a.value();
    }

    /**
     * The body as given: a model, a {@code Map}, a {@code Collection}, text, or anything else
     * (refused with its class named); null when there is none.
     */
    public Object body() {
        return body;
    }

    /** The body as text when it is neither a model, a Map nor a Collection; else null. */
    public String bodyText() {
        return bodyText;
    }

    /** Return JSON text instead of models. */
    public boolean rawJson() {
        return rawJson;
    }

    /** Return non-2xx answers (status and text) instead of failing with an exception. */
    public boolean failuresAsReplies() {
        return failuresAsReplies;
    }

    /** Never prints values: a token may be among them. */
    @Override
    public String toString() {
        return "RequestArguments" + values.keySet();
    }

    public static final class Builder {
        private final Map<RequestParameter, Argument> values =
                new EnumMap<>(RequestParameter.class);
        private Object body;
        private String bodyText;
        private boolean rawJson;
        private boolean failuresAsReplies;

        private Builder() {}

        /** Sets {@code parameter} unless {@code value} is null. */
        public Builder set(RequestParameter parameter, String value, String source) {
            if (value != null) {
                values.put(parameter, new Argument(value, source));
            }
            return this;
        }

        /**
         * @param body the body as given (null: none)
         * @param text the body as text, when it is not a model, Map or Collection and can be
         *     converted
         */
        public Builder body(Object body, String text) {
            this.body = body;
            this.bodyText = text;
            return this;
        }

        public Builder rawJson(boolean rawJson) {
            this.rawJson = rawJson;
            return this;
        }

        public Builder failuresAsReplies(boolean failuresAsReplies) {
            this.failuresAsReplies = failuresAsReplies;
            return this;
        }

        public RequestArguments build() {
            return new RequestArguments(this);
        }
    }
}
