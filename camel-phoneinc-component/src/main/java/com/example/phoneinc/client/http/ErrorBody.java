package com.example.phoneinc.client.http;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an error response body says, read leniently: {@code {"error": "..."}}, {@code {"errors":
 * {field: [msgs]}}} and OAuth's {@code error_description}. A body that is not that JSON (an HTML
 * 502 page, empty, truncated, odd types) yields empty values, never an exception.
 */
record ErrorBody(String error, String errorDescription, Map<String, List<String>> fieldErrors) {

    static final ErrorBody EMPTY = new ErrorBody(null, null, Map.of());

    static ErrorBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            return EMPTY;
        }
        JsonNode root;
        try {
            root = PhoneIncJson.mapper().readTree(body);
        } catch (Exception notJson) {
            return EMPTY;
        }
        if (root == null || !root.isObject()) {
            return EMPTY;
        }
        return new ErrorBody(
                text(root.get("error")),
                text(root.get("error_description")),
                fieldErrors(root.get("errors")));
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        JsonNode message = node.get("message");
        return message != null && message.isValueNode() ? message.asText() : node.toString();
    }

    private static Map<String, List<String>> fieldErrors(JsonNode errors) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (errors == null || !errors.isObject()) {
            return out;
        }
        errors.fields()
                .forEachRemaining(
                        e -> {
                            List<String> messages = new ArrayList<>();
                            JsonNode v = e.getValue();
                            if (v.isArray()) {
                                v.forEach(
                                        m ->
                                                messages.add(
                                                        m.isValueNode()
                                                                ? m.asText()
                                                                : m.toString()));
                            } else if (!v.isNull()) {
                                messages.add(v.isValueNode() ? v.asText() : v.toString());
                            }
                            out.put(e.getKey(), messages);
                        });
        return out;
    }
}
