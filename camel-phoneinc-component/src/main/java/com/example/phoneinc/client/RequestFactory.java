package com.example.phoneinc.client;

import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.api.model.PhoneIncObject;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.api.model.VoicemailUpdate;
import com.example.phoneinc.client.http.BaseUrls;
import com.example.phoneinc.client.http.PreparedRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the HTTP request of one call from the operation table and its arguments. Everything a user
 * can get wrong is checked here, so a wrong input fails with a {@link
 * PhoneIncInvalidInputException} naming the field, and nothing is sent.
 */
final class RequestFactory {

    private final String baseUrl;
    private final PhoneNumbers phoneNumbers;

    RequestFactory(String baseUrl, PhoneNumbers phoneNumbers) {
        this.baseUrl = BaseUrls.withoutTrailingSlash(baseUrl.strip());
        this.phoneNumbers = phoneNumbers;
    }

    PreparedRequest create(PhoneIncOperation operation, RequestArguments args)
            throws PhoneIncInvalidInputException {
        if (operation == PhoneIncOperation.REQUEST) {
            return rawRequest(args);
        }
        String path = operation.path();
        if (operation.needsId()) {
            path = path.replace("{id}", percentEncode(resolveId(operation, args)));
        }
        StringBuilder query = new StringBuilder();
        for (PhoneIncOperation.Query q : operation.query()) {
            RequestParameter p = q.parameter();
            String value = args.value(p);
            if (value == null) {
                if (q.required()) {
                    throw invalid(
                            operation,
                            p.field(),
                            "needs a phone number: set the "
                                    + p.option()
                                    + " option or the "
                                    + p.header()
                                    + " header");
                }
                continue;
            }
            query.append(query.length() == 0 ? '?' : '&')
                    .append(q.wireName())
                    .append('=')
                    .append(percentEncode(check(operation, q, args.get(p).source(), value)));
        }
        byte[] body = operation.bodyType() == null ? null : body(operation, args);
        return new PreparedRequest(
                operation.method(), URI.create(baseUrl + path + query), path, body);
    }

    private String check(
            PhoneIncOperation operation, PhoneIncOperation.Query q, String source, String value)
            throws PhoneIncInvalidInputException {
        RequestParameter p = q.parameter();
        if (q.e164()) {
            try {
                return phoneNumbers.toE164(value);
            } catch (IllegalArgumentException e) {
                throw invalid(operation, p.field(), "the " + source + " " + e.getMessage());
            }
        }
        String canonical = p.canonical(value);
        if (canonical == null) {
            throw invalid(
                    operation,
                    p.field(),
                    "the " + source + " must be " + String.join(" or ", p.allowed()));
        }
        return canonical;
    }

    private String resolveId(PhoneIncOperation operation, RequestArguments args)
            throws PhoneIncInvalidInputException {
        String id = args.value(RequestParameter.ID);
        if (id == null && args.body() instanceof PhoneIncObject model) {
            id = idOf(model);
        }
        if (id == null && isUpdate(operation)) {
            // a JSON body (a Kamelet sink's input, say) names the entry it changes
            JsonNode tree = jsonObject(args);
            JsonNode inBody = tree == null ? null : tree.get("id");
            id =
                    inBody != null && inBody.isValueNode() && !inBody.isNull()
                            ? inBody.asText()
                            : null;
        }
        if (id == null || id.isBlank()) {
            throw invalid(
                    operation,
                    "id",
                    "needs the id of the "
                            + operation.resource()
                            + " entry: set the id option, the "
                            + RequestParameter.ID.header()
                            + " header, or (for update) send a body whose id is set");
        }
        return id.strip();
    }

    private byte[] body(PhoneIncOperation operation, RequestArguments args)
            throws PhoneIncInvalidInputException {
        Object body = args.body();
        // a fetched Voicemail as body (e.g. split over voicemails/list) is the thing to update,
        // not the update itself: its id is used, and the listened option says what to send
        if (operation == PhoneIncOperation.VOICEMAILS_UPDATE
                && (isEmpty(body) || body instanceof Voicemail)) {
            String listened = args.value(RequestParameter.LISTENED);
            if (listened != null) {
                String canonical = RequestParameter.LISTENED.canonical(listened);
                if (canonical == null) {
                    throw invalid(
                            operation,
                            "listened",
                            "the "
                                    + args.get(RequestParameter.LISTENED).source()
                                    + " must be true or false");
                }
                return write(operation, VoicemailUpdate.listened(Boolean.parseBoolean(canonical)));
            }
        }
        if (isEmpty(body)) {
            throw invalid(
                    operation,
                    "body",
                    "needs a body: a "
                            + operation.bodyType().getSimpleName()
                            + ", a Map or a JSON object string"
                            + (operation == PhoneIncOperation.VOICEMAILS_UPDATE
                                    ? " (or set the listened option)"
                                    : ""));
        }
        if (body instanceof PhoneIncObject model) {
            if (!operation.bodyType().isInstance(model) && operation.bodyType() != Object.class) {
                throw invalid(
                        operation,
                        "body",
                        "takes a "
                                + operation.bodyType().getSimpleName()
                                + " body, not a "
                                + model.getClass().getSimpleName());
            }
            JsonNode tree = PhoneIncJson.mapper().valueToTree(model);
            stripReadOnly(tree);
            return write(operation, tree);
        }
        if (body instanceof Map<?, ?> || body instanceof Collection<?>) {
            if (body instanceof Collection<?> && operation != PhoneIncOperation.REQUEST) {
                throw invalid(operation, "body", "takes a JSON object, not a list");
            }
            if (isUpdate(operation) && body instanceof Map<?, ?> map && map.containsKey("id")) {
                // the id is in the path; Phone.inc's id is read-only, as for a model body
                JsonNode tree = PhoneIncJson.mapper().valueToTree(map);
                ((ObjectNode) tree).remove("id");
                return write(operation, tree);
            }
            return write(operation, body);
        }
        String json = args.bodyText();
        if (json == null) {
            throw invalid(operation, "body", wrongType(operation, body));
        }
        JsonNode parsed;
        try {
            parsed = PhoneIncJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(
                    operation,
                    "body",
                    wrongType(operation, body) + " (the text is not valid JSON)");
        }
        if (parsed == null
                || !(parsed.isObject()
                        || operation == PhoneIncOperation.REQUEST && parsed.isArray())) {
            throw invalid(
                    operation, "body", wrongType(operation, body) + " (the JSON is not an object)");
        }
        if (isUpdate(operation) && parsed.has("id")) {
            ((ObjectNode) parsed).remove("id");
            return write(operation, parsed);
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private PreparedRequest rawRequest(RequestArguments args) throws PhoneIncInvalidInputException {
        PhoneIncOperation operation = PhoneIncOperation.REQUEST;
        String given = args.value(RequestParameter.METHOD);
        String method = given == null ? null : RequestParameter.METHOD.canonical(given);
        if (method == null) {
            throw invalid(
                    operation,
                    "method",
                    "needs the method option or "
                            + RequestParameter.METHOD.header()
                            + " header: one of GET, POST, PUT, PATCH, DELETE");
        }
        String path = args.value(RequestParameter.PATH);
        if (path == null
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.contains("..")
                // an encoded dot segment is a ".." to servers that decode before normalising
                || path.toLowerCase(Locale.ROOT).contains("%2e")
                || path.contains("#")
                || path.contains("://")
                || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw invalid(
                    operation,
                    "path",
                    "needs the path option or "
                            + RequestParameter.PATH.header()
                            + " header: a path relative to the base URL such as /calls?state=ended"
                            + " (no scheme, host, '..' or spaces)");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw invalid(operation, "path", "is not a valid URI path (encode special characters)");
        }
        int q = path.indexOf('?');
        String logPath = q < 0 ? path : path.substring(0, q);
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        byte[] body = hasBody && !isEmpty(args.body()) ? body(operation, args) : null;
        return new PreparedRequest(method, uri, logPath, body);
    }

    private static boolean isUpdate(PhoneIncOperation operation) {
        return "update".equals(operation.action());
    }

    /** The body as a JSON object (a Map or JSON object text), or null when it is neither. */
    private static JsonNode jsonObject(RequestArguments args) {
        if (args.body() instanceof Map<?, ?> map) {
            return PhoneIncJson.mapper().valueToTree(map);
        }
        String text = args.bodyText();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode tree = PhoneIncJson.mapper().readTree(text);
            return tree != null && tree.isObject() ? tree : null;
        } catch (JsonProcessingException e) {
            return null; // body() says what is wrong with it
        }
    }

    private static boolean isEmpty(Object body) {
        return body == null || body instanceof String s && s.isBlank();
    }

    private static String wrongType(PhoneIncOperation operation, Object body) {
        String expected =
                operation.bodyType() == Object.class
                        ? "a model, a Map, a List or a JSON string"
                        : "a "
                                + operation.bodyType().getSimpleName()
                                + ", a Map or a JSON object string";
        return "takes " + expected + " as body, not " + body.getClass().getName();
    }

    /** Fields Phone.inc sets itself; echoing them back from a fetched model would be noise. */
    private static void stripReadOnly(JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            object.remove("id");
            object.remove("created_at");
            object.remove("updated_at");
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                if (names.next().endsWith("_formatted")) {
                    names.remove();
                }
            }
        }
    }

    private static byte[] write(PhoneIncOperation operation, Object value)
            throws PhoneIncInvalidInputException {
        try {
            return PhoneIncJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new PhoneIncInvalidInputException(
                    "body",
                    "The body cannot be written as JSON: " + e.getOriginalMessage(),
                    PhoneIncRequestInfo.notSent(operation.method(), operation.path()));
        }
    }

    private static String idOf(PhoneIncObject model) {
        JsonNode id = PhoneIncJson.mapper().valueToTree(model).get("id");
        return id != null && id.isValueNode() ? id.asText() : null;
    }

    static PhoneIncInvalidInputException invalid(
            PhoneIncOperation operation, String field, String problem) {
        return new PhoneIncInvalidInputException(
                field,
                "phoneinc:" + operation.uriName() + " " + problem + ". Nothing was sent.",
                PhoneIncRequestInfo.notSent(operation.method(), operation.path()));
    }

    /**
     * Percent-encodes everything but RFC 3986 unreserved characters, for path segments and query
     * values. A whole value of {@code .} or {@code ..} is encoded too, so an id can never become a
     * dot-segment that climbs out of the resource path.
     */
    static String percentEncode(String s) {
        boolean dotSegment = s.equals(".") || s.equals("..");
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.' && !dotSegment
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
