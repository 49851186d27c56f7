package com.example.phoneinc.client;

import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.CallerContext;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.Employee;
import com.example.phoneinc.api.model.MainNumber;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.api.model.VoicemailUpdate;
import com.example.phoneinc.api.model.Webhook;
import com.example.phoneinc.auth.PhoneIncTokens;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every documented Phone.inc endpoint as data: URI resource/action, HTTP method, path, parameters,
 * body type and result type. The producer has no per-endpoint code; adding an endpoint is one line.
 *
 * <p>Paths are relative to the base URL ({@code https://app.phone.inc/api/v1}). {@code {id}} is the
 * resource id from the {@code CamelPhoneIncId} header or the {@code id} option.
 */
public enum PhoneIncOperation {
    CALLS_LIST(
            "calls",
            "list",
            "GET",
            "/calls",
            Result.list(Call.class, "calls"),
            null,
            Query.e164(RequestParameter.PHONE_NUMBER, "phone_number", false),
            Query.of(RequestParameter.DIRECTION, "direction"),
            Query.of(RequestParameter.STATE, "state"),
            Query.of(RequestParameter.PAGE, "page")),
    CALLS_GET("calls", "get", "GET", "/calls/{id}", Result.one(Call.class), null),

    VOICEMAILS_LIST(
            "voicemails",
            "list",
            "GET",
            "/voicemails",
            Result.list(Voicemail.class, "voicemails"),
            null,
            Query.of(RequestParameter.PAGE, "page")),
    VOICEMAILS_GET(
            "voicemails", "get", "GET", "/voicemails/{id}", Result.one(Voicemail.class), null),
    VOICEMAILS_UPDATE(
            "voicemails",
            "update",
            "PATCH",
            "/voicemails/{id}",
            Result.one(Voicemail.class),
            VoicemailUpdate.class),

    CONTACTS_LIST(
            "contacts",
            "list",
            "GET",
            "/contacts",
            Result.list(Contact.class, "contacts"),
            null,
            // contacts normalise free-form numbers server-side: passed on as given
            Query.of(RequestParameter.PHONE_NUMBER, "phone")),
    CONTACTS_CREATE(
            "contacts", "create", "POST", "/contacts", Result.one(Contact.class), Contact.class),
    CONTACTS_GET("contacts", "get", "GET", "/contacts/{id}", Result.one(Contact.class), null),
    CONTACTS_UPDATE(
            "contacts",
            "update",
            "PATCH",
            "/contacts/{id}",
            Result.one(Contact.class),
            Contact.class),
    CONTACTS_DELETE("contacts", "delete", "DELETE", "/contacts/{id}", Result.NONE, null),

    MAIN_NUMBERS_LIST(
            "mainNumbers",
            "list",
            "GET",
            "/main_numbers",
            Result.list(MainNumber.class, "main_numbers"),
            null),
    MAIN_NUMBERS_GET(
            "mainNumbers", "get", "GET", "/main_numbers/{id}", Result.one(MainNumber.class), null),
    MAIN_NUMBERS_UPDATE(
            "mainNumbers",
            "update",
            "PATCH",
            "/main_numbers/{id}",
            Result.one(MainNumber.class),
            MainNumber.class),

    EMPLOYEES_LIST(
            "employees",
            "list",
            "GET",
            "/employees",
            Result.list(Employee.class, "employees"),
            null),
    EMPLOYEES_CREATE(
            "employees",
            "create",
            "POST",
            "/employees",
            Result.one(Employee.class),
            Employee.class),
    EMPLOYEES_GET("employees", "get", "GET", "/employees/{id}", Result.one(Employee.class), null),
    EMPLOYEES_UPDATE(
            "employees",
            "update",
            "PATCH",
            "/employees/{id}",
            Result.one(Employee.class),
            Employee.class),
    EMPLOYEES_DELETE("employees", "delete", "DELETE", "/employees/{id}", Result.NONE, null),

    CALLER_CONTEXT_GET(
            "callerContext",
            "get",
            "GET",
            "/caller_context",
            Result.one(CallerContext.class),
            null,
            Query.e164(RequestParameter.PHONE_NUMBER, "phone", true)),

    WEBHOOKS_LIST(
            "webhooks", "list", "GET", "/webhooks", Result.list(Webhook.class, "webhooks"), null),
    WEBHOOKS_CREATE(
            "webhooks", "create", "POST", "/webhooks", Result.one(Webhook.class), Webhook.class),
    WEBHOOKS_GET("webhooks", "get", "GET", "/webhooks/{id}", Result.one(Webhook.class), null),
    WEBHOOKS_UPDATE(
            "webhooks",
            "update",
            "PATCH",
            "/webhooks/{id}",
            Result.one(Webhook.class),
            Webhook.class),
    WEBHOOKS_DELETE("webhooks", "delete", "DELETE", "/webhooks/{id}", Result.NONE, null),

    /**
     * Not a call: what {@code from("webhook:phoneinc:events")} receives (Phone.inc pushes the
     * events; subscriptions are managed with the webhooks operations).
     */
    EVENTS("events", "receive", null, null, Result.NONE, null),

    /** A raw call to any path: method and path come from options or headers. */
    REQUEST("request", "send", null, null, Result.RAW, Object.class),

    /** Exchanges an authorization code for tokens (on the OAuth base URL, form-encoded). */
    OAUTH_TOKEN("oauth", "token", "POST", "/oauth/token", Result.one(PhoneIncTokens.class), null),
    /** Revokes a token (RFC 7009, on the OAuth base URL, form-encoded). */
    OAUTH_REVOKE("oauth", "revoke", "POST", "/oauth/revoke", Result.NONE, null);

    /**
     * Resource names in table order, for the endpoint's {@code @UriPath} enums (an annotation needs
     * a constant; a test checks it equals {@link #resources()}).
     */
    public static final String RESOURCES =
            "calls,voicemails,contacts,mainNumbers,employees,callerContext,webhooks,events,request,oauth";

    /** Action names in table order (a test checks it equals {@link #actions()}). */
    public static final String ACTIONS = "list,get,create,update,delete,receive,send,token,revoke";

    private final String resource;
    private final String action;
    private final String method;
    private final String path;
    private final Result result;
    private final Class<?> bodyType;
    private final List<Query> query;

    PhoneIncOperation(
            String resource,
            String action,
            String method,
            String path,
            Result result,
            Class<?> bodyType,
            Query... query) {
        this.resource = resource;
        this.action = action;
        this.method = method;
        this.path = path;
        this.result = result;
        this.bodyType = bodyType;
        this.query = List.of(query);
    }

    /**
     * Finds the operation of a {@code phoneinc:resource[/action]} URI. The action defaults to
     * {@code list}, or to {@code get} for {@code callerContext} and {@code send} for {@code
     * request}, the only actions they have.
     */
    public static Optional<PhoneIncOperation> find(String resource, String action) {
        List<PhoneIncOperation> ofResource = forResource(resource);
        if (action == null || action.isEmpty()) {
            return ofResource.size() == 1
                    ? Optional.of(ofResource.get(0))
                    : ofResource.stream().filter(o -> o.action.equals("list")).findFirst();
        }
        return ofResource.stream().filter(o -> o.action.equals(action)).findFirst();
    }

    /**
     * The operation of the {@code resource[/action]} part of a {@code phoneinc:} URI.
     *
     * @throws IllegalArgumentException naming the valid resources or actions
     */
    public static PhoneIncOperation fromUriPath(String uriPath) {
        int slash = uriPath.indexOf('/');
        String resource = slash < 0 ? uriPath : uriPath.substring(0, slash);
        String action = slash < 0 ? null : uriPath.substring(slash + 1);
        List<PhoneIncOperation> ofResource = forResource(resource);
        if (ofResource.isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown Phone.inc resource '"
                            + resource
                            + "' in phoneinc:"
                            + uriPath
                            + "; use one of "
                            + RESOURCES.replace(",", ", "));
        }
        return find(resource, action)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "Unknown action in phoneinc:"
                                                + uriPath
                                                + "; "
                                                + resource
                                                + " supports "
                                                + ofResource.stream()
                                                        .map(PhoneIncOperation::action)
                                                        .collect(Collectors.joining(", "))));
    }

    /** The operations of one resource; empty if the resource is unknown. */
    public static List<PhoneIncOperation> forResource(String resource) {
        return Arrays.stream(values())
                .filter(o -> o.resource.equals(resource))
                .collect(Collectors.toList());
    }

    public String resource() {
        return resource;
    }

    public String action() {
        return action;
    }

    /** HTTP method; null for {@link #REQUEST}, whose method is chosen per message. */
    public String method() {
        return method;
    }

    /** Path template relative to the base URL; null for {@link #REQUEST}. */
    public String path() {
        return path;
    }

    /** Whether this is one of Phone.inc's OAuth endpoints rather than the REST API. */
    public boolean isOAuth() {
        return resource.equals("oauth");
    }

    public boolean needsId() {
        return path != null && path.contains("{id}");
    }

    public Result result() {
        return result;
    }

    /** The model class a write operation takes as body; null when it sends no body. */
    public Class<?> bodyType() {
        return bodyType;
    }

    /** The query parameters it sends, in order. */
    public List<Query> query() {
        return query;
    }

    /** {@code resource/action} as written in a URI. */
    public String uriName() {
        return resource + "/" + action;
    }

    /** What a successful response is turned into. */
    public record Result(Class<?> type, boolean list, String envelope, boolean raw) {
        static final Result NONE = new Result(null, false, null, false);
        static final Result RAW = new Result(String.class, false, null, true);

        static Result one(Class<?> type) {
            return new Result(type, false, null, false);
        }

        static Result list(Class<?> type, String envelope) {
            return new Result(type, true, envelope, false);
        }
    }

    /**
     * A query parameter of one operation: which input it carries, its Phone.inc name, whether it is
     * required and whether it must be an E.164 number (Phone.inc silently answers "no match" for
     * anything else on calls and caller context, so the component refuses it up front).
     */
    public record Query(
            RequestParameter parameter, String wireName, boolean e164, boolean required) {
        static Query of(RequestParameter parameter, String wireName) {
            return new Query(parameter, wireName, false, false);
        }

        static Query e164(RequestParameter parameter, String wireName, boolean required) {
            return new Query(parameter, wireName, true, required);
        }
    }

    /** The resource names in table order, as {@link #RESOURCES} must list them. */
    public static List<String> resources() {
        return Arrays.stream(values()).map(PhoneIncOperation::resource).distinct().toList();
    }

    /** The action names in table order, as {@link #ACTIONS} must list them. */
    public static List<String> actions() {
        return Arrays.stream(values()).map(PhoneIncOperation::action).distinct().toList();
    }
}
