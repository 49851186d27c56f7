package com.example.phoneinc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The 24 REST endpoints under {@code /api/v1}. Authentication happens before (see Guard). */
final class ApiRoutes {

    static final String COMPANY = "phoneinc.company";
    static final String PREFIX = "/api/v1";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern MAIN_NUMBER_NAME = Pattern.compile("^[A-Za-z0-9 \\-_~!.+]*$");

    static final String BLANK = "can't be blank";
    static final String INVALID = "is invalid";
    static final String TAKEN = "has already been taken";
    static final String NOT_BOOLEAN = "must be a boolean";

    /** A computed response. */
    private static final class Resp {
        final int status;
        final byte[] body;

        Resp(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }
    }

    /** Collects 422 field errors in insertion order. */
    private static final class Errors {
        final Map<String, List<String>> map = new LinkedHashMap<>();

        void add(String field, String message) {
            map.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
        }

        boolean has(String field) {
            return map.containsKey(field);
        }

        boolean isEmpty() {
            return map.isEmpty();
        }
    }

    /** Validates the fields present in {@code body} and, when valid, applies them to target. */
    @FunctionalInterface
    private interface Apply {
        Errors apply(Company co, ObjectNode body, ObjectNode target, boolean create);
    }

    /** A resource-specific update, run under the state lock once the target and body exist. */
    @FunctionalInterface
    private interface Edit {
        void edit(RoutingContext ctx, Company co, String id, ObjectNode target, ObjectNode body);
    }

    /**
     * What differs between resources served by the generic handlers below, so that every resource
     * answers with exactly the same shape (status codes, locking, cache invalidation, events).
     *
     * @param plural the list wrapper, e.g. {@code {"employees": [...]}}
     * @param singular the Rails-style body wrapper, e.g. {@code {"employee": {...}}}
     * @param apply field validation for create/update; null where those are not generic
     * @param eventPrefix emits {@code <prefix>.created/updated/deleted}; null emits nothing
     */
    private record Resource(
            String plural,
            String singular,
            String notFound,
            Function<Company, LinkedHashMap<String, ObjectNode>> store,
            Apply apply,
            String eventPrefix) {}

    private final Resource calls =
            new Resource("calls", "call", "Call not found", co -> co.calls, null, null);
    private final Resource voicemails =
            new Resource(
                    "voicemails",
                    "voicemail",
                    "Voicemail not found",
                    co -> co.voicemails,
                    null,
                    null);
    private final Resource contacts =
            new Resource(
                    "contacts",
                    "contact",
                    "Contact not found",
                    co -> co.contacts,
                    this::applyContact,
                    "contact");
    private final Resource mainNumbers =
            new Resource(
                    "main_numbers",
                    "main_number",
                    "Main number not found",
                    co -> co.mainNumbers,
                    null,
                    null);
    private final Resource employees =
            new Resource(
                    "employees",
                    "employee",
                    "Employee not found",
                    co -> co.employees,
                    this::applyEmployee,
                    null);
    private final Resource webhooks =
            new Resource(
                    "webhooks",
                    "webhook",
                    "Webhook not found",
                    co -> co.webhooks,
                    (co, body, target, create) -> applyWebhook(body, target, create),
                    null);

    private final SimState state;
    private final boolean allowHttpLoopbackWebhooks;
    private final int listPageSize;

    ApiRoutes(SimState state, boolean allowHttpLoopbackWebhooks, int listPageSize) {
        this.state = state;
        this.allowHttpLoopbackWebhooks = allowHttpLoopbackWebhooks;
        this.listPageSize = listPageSize;
    }

    /**
     * Phone.inc documents no paging; with {@code listPageSize > 0} the calls and voicemails lists
     * answer in pages of that size ({@code ?page=N}, 1-based) and say {@code "next_page": N+1}
     * while more follow, so clients can be tested against a paged API too.
     */
    private void paged(RoutingContext ctx, ObjectNode out, String field, List<ObjectNode> items) {
        ArrayNode arr = out.putArray(field);
        if (listPageSize <= 0) {
            items.forEach(arr::add);
            return;
        }
        int page;
        try {
            page = Math.max(1, Integer.parseInt(ctx.queryParams().get("page")));
        } catch (NumberFormatException e) {
            page = 1;
        }
        int from = Math.min(items.size(), (page - 1) * listPageSize);
        int to = Math.min(items.size(), from + listPageSize);
        items.subList(from, to).forEach(arr::add);
        if (to < items.size()) {
            out.put("next_page", page + 1);
        }
    }

    void register(Router r) {
        get(r, "/calls", this::listCalls);
        get(r, "/calls/:id", c -> show(c, calls));

        get(r, "/voicemails", this::listVoicemails);
        get(r, "/voicemails/:id", c -> show(c, voicemails));
        patch(r, "/voicemails/:id", c -> update(c, voicemails, this::editVoicemail));

        get(r, "/contacts", this::listContacts);
        r.post(PREFIX + "/contacts").handler(c -> create(c, contacts));
        get(r, "/contacts/:id", c -> show(c, contacts));
        patch(r, "/contacts/:id", c -> update(c, contacts));
        r.delete(PREFIX + "/contacts/:id").handler(c -> delete(c, contacts));

        get(r, "/main_numbers", c -> list(c, mainNumbers));
        get(r, "/main_numbers/:id", c -> show(c, mainNumbers));
        patch(r, "/main_numbers/:id", c -> update(c, mainNumbers, this::editMainNumber));

        get(r, "/employees", c -> list(c, employees));
        r.post(PREFIX + "/employees").handler(c -> create(c, employees));
        get(r, "/employees/:id", c -> show(c, employees));
        patch(r, "/employees/:id", c -> update(c, employees));
        r.delete(PREFIX + "/employees/:id").handler(c -> delete(c, employees));

        r.get(PREFIX + "/caller_context").handler(this::callerContext);

        get(r, "/webhooks", c -> list(c, webhooks));
        r.post(PREFIX + "/webhooks").handler(c -> create(c, webhooks));
        get(r, "/webhooks/:id", c -> show(c, webhooks));
        patch(r, "/webhooks/:id", c -> update(c, webhooks));
        r.delete(PREFIX + "/webhooks/:id").handler(c -> delete(c, webhooks));

        r.route(PREFIX + "/*").handler(c -> Http.error(c, 404, "Not found"));
    }

    private static void get(Router r, String path, Handler<RoutingContext> h) {
        r.get(PREFIX + path).handler(h);
    }

    /** PATCH, plus PUT as Rails' resources routing also accepts it. */
    private static void patch(Router r, String path, Handler<RoutingContext> h) {
        r.route(HttpMethod.PATCH, PREFIX + path).handler(h);
        r.route(HttpMethod.PUT, PREFIX + path).handler(h);
    }

    // ---------------------------------------------------------------------------- plumbing

    /** Answers a GET from the response cache, computing (under the state lock) when missing. */
    private void cachedGet(RoutingContext ctx, Function<Company, Resp> build) {
        Company company = ctx.get(COMPANY);
        String key = company.key + ctx.request().uri();
        byte[] body = state.cached(key);
        if (body != null) {
            Http.send(ctx, 200, body);
            return;
        }
        Resp resp;
        synchronized (state) {
            resp = build.apply(company);
            if (resp.status == 200) {
                state.cache(key, resp.body);
            }
        }
        Http.send(ctx, resp.status, resp.body);
    }

    private static Resp notFound(String message) {
        return new Resp(404, Json.error(message));
    }

    private void list(RoutingContext ctx, Resource res) {
        cachedGet(
                ctx,
                co -> {
                    ObjectNode out = Json.object();
                    ArrayNode arr = out.putArray(res.plural());
                    res.store().apply(co).values().forEach(arr::add);
                    return new Resp(200, Json.bytes(out));
                });
    }

    private void show(RoutingContext ctx, Resource res) {
        String id = ctx.pathParam("id");
        cachedGet(
                ctx,
                co -> {
                    ObjectNode n = res.store().apply(co).get(id);
                    return n == null ? notFound(res.notFound()) : new Resp(200, Json.bytes(n));
                });
    }

    private void create(RoutingContext ctx, Resource res) {
        Company co = ctx.get(COMPANY);
        ObjectNode body = body(ctx, res.singular());
        if (body == null) {
            return;
        }
        synchronized (state) {
            ObjectNode created = Json.object();
            Errors errors = res.apply().apply(co, body, created, true);
            if (!errors.isEmpty()) {
                validationFailed(ctx, errors);
                return;
            }
            String now = state.now();
            created.put("created_at", now);
            created.put("updated_at", now);
            res.store().apply(co).put(created.get("id").asText(), created);
            state.changed();
            emit(co, res, "created", created);
            Http.send(ctx, 201, Json.bytes(created));
        }
    }

    /** Finds the target, then parses the body (so an unknown id is a 404 whatever the body). */
    private void update(RoutingContext ctx, Resource res, Edit edit) {
        Company co = ctx.get(COMPANY);
        String id = ctx.pathParam("id");
        synchronized (state) {
            ObjectNode target = res.store().apply(co).get(id);
            if (target == null) {
                Http.error(ctx, 404, res.notFound());
                return;
            }
            ObjectNode body = body(ctx, res.singular());
            if (body == null) {
                return;
            }
            edit.edit(ctx, co, id, target, body);
        }
    }

    /** The plain update: a no-op PATCH neither touches updated_at nor emits an event. */
    private void update(RoutingContext ctx, Resource res) {
        update(
                ctx,
                res,
                (c, co, id, target, body) -> {
                    ObjectNode updated = target.deepCopy();
                    Errors errors = res.apply().apply(co, body, updated, false);
                    if (!errors.isEmpty()) {
                        validationFailed(c, errors);
                        return;
                    }
                    if (!updated.equals(target)) {
                        updated.put("updated_at", state.now());
                        target.setAll(updated);
                        state.changed();
                        emit(co, res, "updated", target);
                    }
                    Http.send(c, 200, Json.bytes(target));
                });
    }

    private void delete(RoutingContext ctx, Resource res) {
        Company co = ctx.get(COMPANY);
        String id = ctx.pathParam("id");
        synchronized (state) {
            ObjectNode removed = res.store().apply(co).remove(id);
            if (removed == null) {
                Http.error(ctx, 404, res.notFound());
                return;
            }
            state.changed();
            emit(co, res, "deleted", removed);
        }
        Http.noContent(ctx);
    }

    private void emit(Company co, Resource res, String action, ObjectNode data) {
        if (res.eventPrefix() != null) {
            state.emit(co, res.eventPrefix() + "." + action, data);
        }
    }

    /**
     * Parses the JSON request body into an object (empty body = empty object). Accepts the
     * Rails-style wrapped form {@code {"contact": {...}}} too. Answers 400 and returns null when
     * the body is not a JSON object.
     */
    private static ObjectNode body(RoutingContext ctx, String wrapper) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        JsonNode n;
        try {
            n = Json.parse(text);
        } catch (Exception e) {
            Http.error(ctx, 400, "Malformed JSON in request body");
            return null;
        }
        if (n == null || !n.isObject()) {
            Http.error(ctx, 400, "Request body must be a JSON object");
            return null;
        }
        JsonNode wrapped = n.get(wrapper);
        if (n.size() == 1 && wrapped != null && wrapped.isObject()) {
            return (ObjectNode) wrapped;
        }
        return (ObjectNode) n;
    }

    private static boolean present(ObjectNode body, String field) {
        return body.has(field);
    }

    /** Validates an optional string field; returns its value (null when null/absent). */
    private static String optString(ObjectNode body, String field, Errors errors) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(field, INVALID);
            return null;
        }
        return v.asText();
    }

    private static void putNullable(ObjectNode n, String field, String value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    private static void validationFailed(RoutingContext ctx, Errors errors) {
        Http.send(ctx, 422, Json.validation(errors.map));
    }

    // ---------------------------------------------------------------------------- calls

    private void listCalls(RoutingContext ctx) {
        MultiMap q = ctx.queryParams();
        String phone = q.get("phone_number");
        String direction = q.get("direction");
        String callState = q.get("state");
        cachedGet(
                ctx,
                co -> {
                    ObjectNode out = Json.object();
                    List<ObjectNode> arr = new ArrayList<>();
                    boolean phoneFilter = phone != null && !phone.isEmpty();
                    if (!phoneFilter || Phones.isE164(phone)) {
                        for (ObjectNode call : Company.newestFirst(co.calls)) {
                            if (phoneFilter
                                    && !phone.equals(call.path("from").asText())
                                    && !phone.equals(call.path("to").asText())) {
                                continue;
                            }
                            if (direction != null
                                    && !direction.isEmpty()
                                    && !direction.equals(call.path("direction").asText())) {
                                continue;
                            }
                            if (callState != null
                                    && !callState.isEmpty()
                                    && !callState.equals(call.path("state").asText())) {
                                continue;
                            }
                            arr.add(call);
                        }
                    }
                    paged(ctx, out, "calls", arr);
                    return new Resp(200, Json.bytes(out));
                });
    }

    // ---------------------------------------------------------------------------- voicemails

    private void listVoicemails(RoutingContext ctx) {
        cachedGet(
                ctx,
                co -> {
                    ObjectNode out = Json.object();
                    int unlistened = 0;
                    for (ObjectNode vm : co.voicemails.values()) {
                        if (vm.path("listened_at").isNull()) {
                            unlistened++;
                        }
                    }
                    out.put("unlistened_count", unlistened);
                    List<ObjectNode> all = new ArrayList<>();
                    Company.newestFirst(co.voicemails).forEach(all::add);
                    paged(ctx, out, "voicemails", all);
                    return new Resp(200, Json.bytes(out));
                });
    }

    private void editVoicemail(
            RoutingContext ctx, Company co, String id, ObjectNode vm, ObjectNode body) {
        JsonNode listened = body.get("listened");
        if (listened == null || !listened.isBoolean()) {
            Errors e = new Errors();
            e.add("listened", NOT_BOOLEAN);
            validationFailed(ctx, e);
            return;
        }
        if (listened.booleanValue()) {
            if (vm.path("listened_at").isNull()) {
                vm.put("listened_at", state.now());
            }
        } else {
            vm.putNull("listened_at");
        }
        state.changed();
        Http.send(ctx, 200, Json.bytes(vm));
    }

    // ---------------------------------------------------------------------------- contacts

    private void listContacts(RoutingContext ctx) {
        String phone = ctx.queryParams().get("phone");
        cachedGet(
                ctx,
                co -> {
                    ArrayNode arr = Json.MAPPER.createArrayNode();
                    if (phone == null || phone.isEmpty()) {
                        Company.newestFirst(co.contacts).forEach(arr::add);
                    } else {
                        String normalized = Phones.normalize(phone);
                        if (normalized != null) {
                            for (ObjectNode c : Company.newestFirst(co.contacts)) {
                                if (normalized.equals(c.path("phone").asText())) {
                                    arr.add(c);
                                }
                            }
                        }
                    }
                    return new Resp(200, Json.bytes(arr));
                });
    }

    /** Validates contact fields present in {@code body} and applies them to {@code target}. */
    private Errors applyContact(Company co, ObjectNode body, ObjectNode target, boolean create) {
        Errors errors = new Errors();
        String phone = null;
        if (create || present(body, "phone")) {
            JsonNode v = body.get("phone");
            if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
                errors.add("phone", BLANK);
            } else if (!v.isTextual()) {
                errors.add("phone", INVALID);
            } else {
                phone = Phones.normalize(v.asText());
                if (phone == null) {
                    errors.add("phone", INVALID);
                } else {
                    for (ObjectNode other : co.contacts.values()) {
                        if (!other.path("id").asText().equals(target.path("id").asText())
                                && phone.equals(other.path("phone").asText())) {
                            errors.add("phone", TAKEN);
                            break;
                        }
                    }
                }
            }
        }
        String name = optString(body, "name", errors);
        String email = optString(body, "email", errors);
        if (email != null && email.isEmpty()) {
            email = null;
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add("email", INVALID);
        }
        String companyName = optString(body, "company_name", errors);
        String note = optString(body, "note", errors);
        if (note != null && note.length() > 10_000) {
            errors.add("note", "is too long (maximum is 10000 characters)");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (create) {
            target.put("id", state.newId());
        }
        if (create || present(body, "name")) {
            putNullable(target, "name", name);
        }
        if (create || present(body, "email")) {
            putNullable(target, "email", email);
        }
        if (phone != null) {
            target.put("phone", phone);
            target.put("phone_formatted", Phones.format(phone));
        }
        if (create || present(body, "company_name")) {
            putNullable(target, "company_name", companyName);
        }
        if (create || present(body, "note")) {
            putNullable(target, "note", note);
        }
        return errors;
    }

    // ---------------------------------------------------------------------------- main numbers

    private static boolean isRoutingConfig(JsonNode v) {
        return v != null && v.isObject() && v.path("type").isTextual();
    }

    /** Not a plain update: renames propagate to voicemails and updated_at is never touched. */
    private void editMainNumber(
            RoutingContext ctx, Company co, String id, ObjectNode mn, ObjectNode body) {
        ObjectNode updated = mn.deepCopy();
        Errors errors = applyMainNumber(body, updated);
        if (!errors.isEmpty()) {
            validationFailed(ctx, errors);
            return;
        }
        mn.setAll(updated);
        for (ObjectNode vm : co.voicemails.values()) {
            if (id.equals(vm.path("main_number_id").asText())) {
                vm.put("main_number_name", mn.get("name").asText());
            }
        }
        state.changed();
        Http.send(ctx, 200, Json.bytes(mn));
    }

    /** Validates main number fields present in {@code body}, applying valid ones to updated. */
    private static Errors applyMainNumber(ObjectNode body, ObjectNode updated) {
        Errors errors = new Errors();
        if (present(body, "name")) {
            JsonNode v = body.get("name");
            if (v.isNull() || v.isTextual() && v.asText().isBlank()) {
                errors.add("name", BLANK);
            } else if (!v.isTextual()) {
                errors.add("name", INVALID);
            } else {
                String name = v.asText();
                if (name.length() > 128) {
                    errors.add("name", "is too long (maximum is 128 characters)");
                }
                if (!MAIN_NUMBER_NAME.matcher(name).matches()) {
                    errors.add(
                            "name", "may only contain ASCII letters, numbers, spaces and -_~!.+");
                }
                updated.put("name", name);
            }
        }
        for (String f : List.of("timezone", "language")) {
            if (present(body, f)) {
                JsonNode v = body.get(f);
                if (v.isNull() || v.isTextual() && v.asText().isBlank()) {
                    errors.add(f, BLANK);
                } else if (!v.isTextual()) {
                    errors.add(f, INVALID);
                } else {
                    updated.put(f, v.asText());
                }
            }
        }
        if (present(body, "recording_enabled")) {
            JsonNode v = body.get("recording_enabled");
            if (!v.isBoolean()) {
                errors.add("recording_enabled", NOT_BOOLEAN);
            } else {
                updated.put("recording_enabled", v.booleanValue());
            }
        }
        if (present(body, "incoming_call_config")) {
            JsonNode v = body.get("incoming_call_config");
            if (v.isNull()) {
                errors.add("incoming_call_config", BLANK);
            } else if (!isRoutingConfig(v)) {
                errors.add("incoming_call_config", INVALID);
            } else {
                updated.set("incoming_call_config", v.deepCopy());
            }
        }
        for (String f : List.of("outside_opening_hours_config", "no_answer_config")) {
            if (present(body, f)) {
                JsonNode v = body.get(f);
                if (v.isNull()) {
                    updated.putNull(f);
                } else if (!isRoutingConfig(v)) {
                    errors.add(f, INVALID);
                } else {
                    updated.set(f, v.deepCopy());
                }
            }
        }
        if (present(body, "no_answer_timeout_secs")) {
            JsonNode v = body.get("no_answer_timeout_secs");
            if (v.isNull()) {
                updated.putNull("no_answer_timeout_secs");
            } else if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                errors.add("no_answer_timeout_secs", "must be an integer");
            } else if (v.intValue() < 0) {
                errors.add("no_answer_timeout_secs", "must be greater than or equal to 0");
            } else {
                updated.put("no_answer_timeout_secs", v.intValue());
            }
        }
        return errors;
    }

    // ---------------------------------------------------------------------------- employees

    private Errors applyEmployee(Company co, ObjectNode body, ObjectNode target, boolean create) {
        Errors errors = new Errors();
        String name = null;
        if (create || present(body, "name")) {
            JsonNode v = body.get("name");
            if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
                errors.add("name", BLANK);
            } else if (!v.isTextual()) {
                errors.add("name", INVALID);
            } else {
                name = v.asText();
            }
        }
        String email = null;
        if (create || present(body, "email")) {
            JsonNode v = body.get("email");
            if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
                errors.add("email", BLANK);
            } else if (!v.isTextual() || !EMAIL.matcher(v.asText().trim()).matches()) {
                errors.add("email", INVALID);
            } else {
                email = v.asText().trim();
                // unique across all Phone.inc accounts (documented)
                for (Company any : List.of(state.companyA, state.companyB)) {
                    for (ObjectNode other : any.employees.values()) {
                        if (!other.path("id").asText().equals(target.path("id").asText())
                                && email.equalsIgnoreCase(other.path("email").asText())) {
                            errors.add("email", TAKEN);
                            break;
                        }
                    }
                    if (errors.has("email")) {
                        break;
                    }
                }
            }
        }
        String phone = null;
        boolean phonePresent = present(body, "phone");
        if (phonePresent) {
            JsonNode v = body.get("phone");
            if (v.isNull() || v.isTextual() && v.asText().isBlank()) {
                phone = null;
            } else if (!v.isTextual() || Phones.normalize(v.asText()) == null) {
                errors.add("phone", INVALID);
            } else {
                phone = Phones.normalize(v.asText());
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (create) {
            target.put("id", state.newId());
        }
        if (name != null) {
            target.put("name", name);
        }
        if (email != null) {
            target.put("email", email);
        }
        if (create || phonePresent) {
            putNullable(target, "phone", phone);
        }
        if (create) {
            target.put("invitation_pending", true);
        }
        return errors;
    }

    // ---------------------------------------------------------------------------- caller context

    private void callerContext(RoutingContext ctx) {
        Company co = ctx.get(COMPANY);
        String phone = ctx.queryParams().get("phone");
        if (phone == null || phone.isEmpty()) {
            Http.error(ctx, 400, "param is missing or the value is empty: phone");
            return;
        }
        ObjectNode out = Json.object();
        ArrayNode contexts = out.putArray("contexts");
        synchronized (state) {
            if (!Phones.isE164(phone) || !co.hasIntegrations) {
                out.putNull("enriched_at");
            } else {
                ObjectNode match = co.callerContexts.get(phone);
                if (match != null) {
                    contexts.add(match);
                }
                out.put("enriched_at", state.now());
            }
            Http.send(ctx, 200, Json.bytes(out));
        }
    }

    // ---------------------------------------------------------------------------- webhooks

    private Errors applyWebhook(ObjectNode body, ObjectNode target, boolean create) {
        Errors errors = new Errors();
        String name = optString(body, "name", errors);
        String url = null;
        if (create || present(body, "url")) {
            JsonNode v = body.get("url");
            if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
                errors.add("url", BLANK);
            } else if (!v.isTextual() || !acceptableWebhookUrl(v.asText().trim())) {
                errors.add("url", "must be an HTTPS URL");
            } else {
                url = v.asText().trim();
            }
        }
        List<String> events = null;
        if (create || present(body, "events")) {
            JsonNode v = body.get("events");
            if (v == null || v.isNull() || v.isArray() && v.isEmpty()) {
                errors.add("events", BLANK);
            } else if (!v.isArray()) {
                errors.add("events", INVALID);
            } else {
                Set<String> set = new LinkedHashSet<>();
                boolean unknown = false;
                boolean invalid = false;
                for (JsonNode e : v) {
                    if (!e.isTextual()) {
                        invalid = true;
                    } else if (!SimState.EVENT_TYPES.contains(e.asText())) {
                        unknown = true;
                    } else {
                        set.add(e.asText());
                    }
                }
                if (invalid) {
                    errors.add("events", INVALID);
                } else if (unknown) {
                    errors.add("events", "contains an unknown event type");
                } else {
                    events = new ArrayList<>(set);
                }
            }
        }
        Boolean active = null;
        if (present(body, "active")) {
            JsonNode v = body.get("active");
            if (!v.isBoolean()) {
                errors.add("active", NOT_BOOLEAN);
            } else {
                active = v.booleanValue();
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (create) {
            target.put("id", state.newId());
        }
        if (create || present(body, "name")) {
            putNullable(target, "name", name);
        }
        if (url != null) {
            target.put("url", url);
        }
        if (events != null) {
            ArrayNode arr = target.putArray("events");
            events.forEach(arr::add);
        }
        if (active != null) {
            target.put("active", active);
        } else if (create) {
            target.put("active", true);
        }
        return errors;
    }

    private boolean acceptableWebhookUrl(String url) {
        try {
            URI u = new URI(url);
            if (u.getHost() == null || !u.isAbsolute()) {
                return false;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("https")) {
                return true;
            }
            return scheme.equals("http")
                    && allowHttpLoopbackWebhooks
                    && WebhookDispatcher.isLoopbackHost(u.getHost());
        } catch (Exception e) {
            return false;
        }
    }
}
