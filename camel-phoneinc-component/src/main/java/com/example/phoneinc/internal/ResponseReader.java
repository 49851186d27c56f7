package com.example.phoneinc.internal;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;

/**
 * Turns a 2xx answer into the message body: a typed model, a {@code java.util.List} of models
 * (whether Phone.inc sent a bare array or wrapped it in an object), or the raw JSON text.
 */
public final class ResponseReader {

    private final PhoneIncOperation.Result result;
    private final boolean rawJson;
    private final ObjectReader reader;

    public ResponseReader(PhoneIncOperation operation, boolean rawJson) {
        this.result = operation.result();
        this.rawJson = rawJson || result.raw();
        this.reader =
                result.type() == null || this.rawJson
                        ? null
                        : result.list()
                                ? Json.mapper().readerForListOf(result.type())
                                : Json.mapper().readerFor(result.type());
    }

    public void apply(HttpCall call, HttpReply reply, Message out) throws PhoneIncException {
        // output headers of an earlier list call in the same route must not pass for this one's
        out.removeHeader(PhoneIncConstants.LIST_METADATA);
        out.removeHeader(PhoneIncConstants.UNLISTENED_COUNT);
        if (rawJson) {
            out.setBody(reply.body().length == 0 ? null : reply.bodyAsString());
            return;
        }
        if (result.type() == null) {
            out.setBody(null);
            return;
        }
        if (reply.body().length == 0) {
            if (!call.method().equals("GET")) {
                out.setBody(null); // the write was done; Phone.inc just did not echo it
                return;
            }
            if (result.list() && reply.status() == 204) {
                out.setBody(List.of()); // "no content": nothing to list
                return;
            }
            // a get or list that answers 2xx without a body is not a result a route can use
            throw new PhoneIncException(
                    "Phone.inc "
                            + call.method()
                            + " "
                            + call.logPath()
                            + " answered "
                            + reply.status()
                            + " with an empty body instead of "
                            + (result.list() ? "a list of " : "a ")
                            + result.type().getSimpleName()
                            + ".",
                    new PhoneIncRequestInfo(
                            call.method(),
                            call.logPath(),
                            reply.status(),
                            null,
                            reply.headers(),
                            "",
                            true),
                    null);
        }
        try {
            List<?> fast = result.list() ? readListInOnePass(reply.body(), out) : null;
            if (fast != null) {
                out.setBody(fast);
                return;
            }
            JsonNode root = Json.mapper().readTree(reply.body());
            if (result.list()) {
                out.setBody(readList(root, out));
            } else if (root != null && root.isObject()) {
                out.setBody(reader.readValue(root));
            } else {
                throw new IOException("expected a JSON object");
            }
        } catch (IOException e) {
            throw new PhoneIncException(
                    "Phone.inc "
                            + call.method()
                            + " "
                            + call.logPath()
                            + " answered "
                            + reply.status()
                            + " but the body is not "
                            + (result.list() ? "a list of " : "a ")
                            + result.type().getSimpleName()
                            + ": "
                            + firstLine(e.getMessage())
                            + ". Use rawJson=true to receive the body as text.",
                    new PhoneIncRequestInfo(
                            call.method(),
                            call.logPath(),
                            reply.status(),
                            null,
                            reply.headers(),
                            reply.bodyAsString(),
                            true),
                    e);
        }
    }

    /**
     * The expected shapes (a bare array, or the object with the documented list key) bound in one
     * pass, without building a tree first; null for any other shape, which {@link #readList}
     * handles.
     */
    private List<?> readListInOnePass(byte[] body, Message out) throws IOException {
        try (JsonParser p = Json.mapper().createParser(body)) {
            JsonToken token = p.nextToken();
            if (token == JsonToken.START_ARRAY) {
                List<?> items = reader.readValue(p);
                return p.nextToken() == null ? items : null;
            }
            if (token != JsonToken.START_OBJECT) {
                return null;
            }
            List<?> items = null;
            Map<String, Object> metadata = new LinkedHashMap<>();
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                token = p.nextToken();
                if (items == null
                        && token == JsonToken.START_ARRAY
                        && name.equals(result.envelope())) {
                    items = reader.readValue(p);
                } else {
                    metadata.put(name, Json.mapper().readValue(p, Object.class));
                }
            }
            if (token != JsonToken.END_OBJECT || items == null || p.nextToken() != null) {
                return null;
            }
            setMetadata(metadata, out);
            return items;
        }
    }

    private static void setMetadata(Map<String, Object> metadata, Message out) {
        if (!metadata.isEmpty()) {
            out.setHeader(PhoneIncConstants.LIST_METADATA, metadata);
            if (metadata.get("unlistened_count") instanceof Number n) {
                out.setHeader(PhoneIncConstants.UNLISTENED_COUNT, n.intValue());
            }
        }
    }

    private List<?> readList(JsonNode root, Message out) throws IOException {
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
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals(itemsField)) {
                metadata.put(
                        field.getKey(), Json.mapper().treeToValue(field.getValue(), Object.class));
            }
        }
        setMetadata(metadata, out);
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
