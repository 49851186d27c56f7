package com.example.phoneinc.client;

import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.client.http.HttpReply;
import com.example.phoneinc.client.http.PreparedRequest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a 2xx answer into the result: a typed model, a {@code java.util.List} of models (whether
 * Phone.inc sent a bare array or wrapped it in an object, whose other fields become the list
 * metadata), or the raw JSON text.
 */
final class ResponseReader {

    private final PhoneIncOperation.Result result;
    private final boolean rawJson;
    private final ObjectReader reader;

    ResponseReader(PhoneIncOperation operation, boolean rawJson) {
        this.result = operation.result();
        this.rawJson = rawJson || result.raw();
        this.reader =
                result.type() == null || this.rawJson
                        ? null
                        : result.list()
                                ? PhoneIncJson.mapper().readerForListOf(result.type())
                                : PhoneIncJson.mapper().readerFor(result.type());
    }

    PhoneIncResponse read(PreparedRequest call, HttpReply reply) throws PhoneIncException {
        int status = reply.status();
        if (rawJson) {
            return new PhoneIncResponse(
                    status, reply.body().length == 0 ? null : reply.bodyAsString(), null);
        }
        if (result.type() == null) {
            return new PhoneIncResponse(status, null, null);
        }
        if (reply.body().length == 0) {
            if (!call.method().equals("GET")) {
                // the write was done; Phone.inc just did not echo it
                return new PhoneIncResponse(status, null, null);
            }
            if (result.list() && status == 204) {
                return new PhoneIncResponse(status, List.of(), null); // nothing to list
            }
            // a get or list that answers 2xx without a body is not a result a route can use
            throw unusable(
                    call, reply, " with an empty body instead of " + expected() + ".", "", null);
        }
        try {
            Map<String, Object> metadata = new LinkedHashMap<>();
            List<?> fast = result.list() ? readListInOnePass(reply.body(), metadata) : null;
            if (fast != null) {
                return new PhoneIncResponse(status, fast, metadata);
            }
            metadata.clear();
            JsonNode root = PhoneIncJson.mapper().readTree(reply.body());
            if (result.list()) {
                List<?> items = readList(root, metadata);
                return new PhoneIncResponse(status, items, metadata);
            } else if (root != null && root.isObject()) {
                return new PhoneIncResponse(status, reader.readValue(root), null);
            } else {
                throw new IOException("expected a JSON object");
            }
        } catch (IOException e) {
            throw unusable(
                    call,
                    reply,
                    " but the body is not "
                            + expected()
                            + ": "
                            + firstLine(e.getMessage())
                            + ". Use rawJson=true to receive the body as text.",
                    reply.bodyAsString(),
                    e);
        }
    }

    private String expected() {
        return (result.list() ? "a list of " : "a ") + result.type().getSimpleName();
    }

    /** A 2xx answer a route cannot use; {@code body} is what the exception keeps of it. */
    private static PhoneIncException unusable(
            PreparedRequest call, HttpReply reply, String what, String body, Exception cause) {
        return new PhoneIncException(
                "Phone.inc "
                        + call.method()
                        + " "
                        + call.logPath()
                        + " answered "
                        + reply.status()
                        + what,
                PhoneIncRequestInfo.answered(
                        call.method(), call.logPath(), reply.status(), null, reply.headers(), body),
                cause);
    }

    /**
     * The expected shapes (a bare array, or the object with the documented list key) bound in one
     * pass, without building a tree first; null for any other shape, which {@link #readList}
     * handles.
     */
    private List<?> readListInOnePass(byte[] body, Map<String, Object> metadata)
            throws IOException {
        try (JsonParser p = PhoneIncJson.mapper().createParser(body)) {
            JsonToken token = p.nextToken();
            if (token == JsonToken.START_ARRAY) {
                List<?> items = reader.readValue(p);
                return p.nextToken() == null ? items : null;
            }
            if (token != JsonToken.START_OBJECT) {
                return null;
            }
            List<?> items = null;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                token = p.nextToken();
                if (items == null
                        && token == JsonToken.START_ARRAY
                        && name.equals(result.envelope())) {
                    items = reader.readValue(p);
                } else {
                    metadata.put(name, PhoneIncJson.mapper().readValue(p, Object.class));
                }
            }
            if (token != JsonToken.END_OBJECT || items == null || p.nextToken() != null) {
                return null;
            }
            return items;
        }
    }

    private List<?> readList(JsonNode root, Map<String, Object> metadata) throws IOException {
        if (root != null && root.isArray()) {
            return reader.readValue(root);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("expected a JSON array or an object holding one");
        }
        JsonNode items = root.get(result.envelope());
        String itemsField = result.envelope();
        if (items == null || !items.isArray()) {
            itemsField = null;
            items = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isArray()) {
                    itemsField = field.getKey();
                    items = field.getValue();
                    break;
                }
            }
        }
        if (items == null) {
            throw new IOException("no array in the response object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals(itemsField)) {
                metadata.put(
                        field.getKey(),
                        PhoneIncJson.mapper().treeToValue(field.getValue(), Object.class));
            }
        }
        return reader.readValue(items);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
