package com.example.phoneinc.internal;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.api.model.PhoneIncObject;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.api.model.VoicemailUpdate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Message;

/**
 * Builds the HTTP request of one exchange from the operation table, the endpoint options and the
 * message (headers override options). Everything a user can get wrong is checked here, so a wrong
 * input fails with a {@link PhoneIncInvalidInputException} naming the option and nothing is sent.
 */
public final class RequestFactory {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound");

    private final PhoneIncOperation operation;
    private final String baseUrl;
    private final CallOptions options;
    private final PhoneNumbers phoneNumbers;

    public RequestFactory(
            PhoneIncOperation operation,
            String baseUrl,
            CallOptions options,
            PhoneNumbers phoneNumbers) {
        this.operation = operation;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.options = options;
        this.phoneNumbers = phoneNumbers;
    }

    public HttpCall create(Message message) throws PhoneIncInvalidInputException {
        if (operation == PhoneIncOperation.REQUEST) {
            return rawRequest(message);
        }
        String path = operation.path();
        if (operation.needsId()) {
            path = path.replace("{id}", percentEncode(resolveId(message)));
        }
        StringBuilder query = new StringBuilder();
        for (PhoneIncOperation.Param param : operation.params()) {
            String value = value(message, param.header(), options.option(param.option()));
            if (value == null || value.isBlank()) {
                if (param.required()) {
                    throw invalid(
                            param.option(),
                            "needs a phone number: set the "
                                    + param.option()
                                    + " option or the "
                                    + param.header()
                                    + " header");
                }
                continue;
            }
            value = check(param, value.trim(), message.getHeader(param.header()) != null);
            query.append(query.length() == 0 ? '?' : '&')
                    .append(param.wireName())
                    .append('=')
                    .append(percentEncode(value));
        }
        byte[] body = operation.bodyType() == null ? null : body(message);
        return new HttpCall(operation.method(), URI.create(baseUrl + path + query), path, body);
    }

    private String check(PhoneIncOperation.Param param, String value, boolean fromHeader)
            throws PhoneIncInvalidInputException {
        String source = fromHeader ? param.header() + " header" : param.option() + " option";
        if (param.e164()) {
            try {
                return phoneNumbers.toE164(value);
            } catch (IllegalArgumentException e) {
                throw invalid(param.option(), "the " + source + " " + e.getMessage());
            }
        }
        if (param.wireName().equals("direction")) {
            String direction = value.toLowerCase(Locale.ROOT);
            if (!DIRECTIONS.contains(direction)) {
                throw invalid(param.option(), "the " + source + " must be inbound or outbound");
            }
            return direction; // Phone.inc would treat "Inbound" as no match
        }
        return value;
    }

    private String resolveId(Message message) throws PhoneIncInvalidInputException {
        String id = value(message, PhoneIncConstants.ID, options.id());
        if ((id == null || id.isBlank()) && message.getBody() instanceof PhoneIncObject model) {
            id = idOf(model);
        }
        if (id == null || id.isBlank()) {
            throw invalid(
                    "id",
                    "needs the id of the "
                            + operation.resource()
                            + " entry: set the id option, the "
                            + PhoneIncConstants.ID
                            + " header, or (for update) send a model whose id is set");
        }
        return id.trim();
    }

    private byte[] body(Message message) throws PhoneIncInvalidInputException {
        Object body = message.getBody();
        // a fetched Voicemail as body (e.g. split over voicemails/list) is the thing to update,
        // not the update itself: its id is used, and the listened option says what to send
        if (operation == PhoneIncOperation.VOICEMAILS_UPDATE
                && (isEmpty(body) || body instanceof Voicemail)) {
            Boolean listened = message.getHeader(PhoneIncConstants.LISTENED, Boolean.class);
            listened = listened != null ? listened : options.listened();
            if (listened != null) {
                return write(VoicemailUpdate.listened(listened));
            }
        }
        if (isEmpty(body)) {
            throw invalid(
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
                        "body",
                        "takes a "
                                + operation.bodyType().getSimpleName()
                                + " body, not a "
                                + model.getClass().getSimpleName());
            }
            JsonNode tree = Json.mapper().valueToTree(model);
            stripReadOnly(tree);
            return write(tree);
        }
        if (body instanceof Map<?, ?> || body instanceof Collection<?>) {
            if (body instanceof Collection<?> && operation != PhoneIncOperation.REQUEST) {
                throw invalid("body", "takes a JSON object, not a list");
            }
            return write(body);
        }
        String json = message.getBody(String.class);
        if (json == null) {
            throw invalid("body", wrongType(body));
        }
        JsonNode parsed;
        try {
            parsed = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("body", wrongType(body) + " (the text is not valid JSON)");
        }
        if (parsed == null
                || !(parsed.isObject()
                        || operation == PhoneIncOperation.REQUEST && parsed.isArray())) {
            throw invalid("body", wrongType(body) + " (the JSON is not an object)");
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private HttpCall rawRequest(Message message) throws PhoneIncInvalidInputException {
        String method = value(message, PhoneIncConstants.HTTP_METHOD, options.method());
        if (method == null || !METHODS.contains(method.trim().toUpperCase(Locale.ROOT))) {
            throw invalid(
                    "method",
                    "needs the method option or "
                            + PhoneIncConstants.HTTP_METHOD
                            + " header: one of GET, POST, PUT, PATCH, DELETE");
        }
        method = method.trim().toUpperCase(Locale.ROOT);
        String path = value(message, PhoneIncConstants.PATH, options.path());
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
                    "path",
                    "needs the path option or "
                            + PhoneIncConstants.PATH
                            + " header: a path relative to the base URL such as /calls?state=ended"
                            + " (no scheme, host, '..' or spaces)");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw invalid("path", "is not a valid URI path (encode special characters)");
        }
        int q = path.indexOf('?');
        String logPath = q < 0 ? path : path.substring(0, q);
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        byte[] body = hasBody && !isEmpty(message.getBody()) ? body(message) : null;
        return new HttpCall(method, uri, logPath, body);
    }

    private static String value(Message message, String header, String option) {
        Object v = message.getHeader(header);
        return v != null ? v.toString() : option;
    }

    private static boolean isEmpty(Object body) {
        return body == null || body instanceof String s && s.isBlank();
    }

    private String wrongType(Object body) {
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

    private static byte[] write(Object value) throws PhoneIncInvalidInputException {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new PhoneIncInvalidInputException(
                    "body",
                    "The body cannot be written as JSON: " + e.getOriginalMessage(),
                    PhoneIncRequestInfo.notSent(null, null));
        }
    }

    private static String idOf(PhoneIncObject model) {
        JsonNode id = Json.mapper().valueToTree(model).get("id");
        return id != null && id.isValueNode() ? id.asText() : null;
    }

    private PhoneIncInvalidInputException invalid(String field, String problem) {
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
