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

    private final SimState state;
    private final boolean allowHttpLoopbackWebhooks;

    ApiRoutes(SimState state, boolean allowHttpLoopbackWebhooks) {
        this.state = state;
        this.allowHttpLoopbackWebhooks = allowHttpLoopbackWebhooks;
    }

    void register(Router r) {
        get(r, "/calls", this::listCalls);
        get(r, "/calls/:id", c -> show(c, co -> co.calls, "Call not found"));

        get(r, "/voicemails", this::listVoicemails);
        get(r, "/voicemails/:id", c -> show(c, co -> co.voicemails, "Voicemail not found"));
        patch(r, "/voicemails/:id", this::updateVoicemail);

        get(r, "/contacts", this::listContacts);
        r.post(PREFIX + "/contacts").handler(this::createContact);
        get(r, "/contacts/:id", c -> show(c, co -> co.contacts, "Contact not found"));
        patch(r, "/contacts/:id", this::updateContact);
        r.delete(PREFIX + "/contacts/:id").handler(this::deleteContact);

        get(r, "/main_numbers", c -> list(c, "main_numbers", co -> co.mainNumbers, false));
        get(r, "/main_numbers/:id", c -> show(c, co -> co.mainNumbers, "Main number not found"));
        patch(r, "/main_numbers/:id", this::updateMainNumber);

        get(r, "/employees", c -> list(c, "employees", co -> co.employees, false));
        r.post(PREFIX + "/employees").handler(this::createEmployee);
        get(r, "/employees/:id", c -> show(c, co -> co.employees, "Employee not found"));
        patch(r, "/employees/:id", this::updateEmployee);
        r.delete(PREFIX + "/employees/:id")
                .handler(c -> delete(c, co -> co.employees, "Employee not found", null));

        r.get(PREFIX + "/caller_context").handler(this::callerContext);

        get(r, "/webhooks", c -> list(c, "webhooks", co -> co.webhooks, false));
        r.post(PREFIX + "/webhooks").handler(this::createWebhook);
        get(r, "/webhooks/:id", c -> show(c, co -> co.webhooks, "Webhook not found"));
        patch(r, "/webhooks/:id", this::updateWebhook);
        r.delete(PREFIX + "/webhooks/:id")
                .handler(c -> delete(c, co -> co.webhooks, "Webhook not found", null));

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

    private void list(
            RoutingContext ctx,
            String wrapper,
            Function<Company, LinkedHashMap<String, ObjectNode>> coll,
            boolean newestFirst) {
        cachedGet(
                ctx,
                co -> {
                    ObjectNode out = Json.object();
                    ArrayNode arr = out.putArray(wrapper);
                    LinkedHashMap<String, ObjectNode> m = coll.apply(co);
                    (newestFirst ? Company.newestFirst(m) : m.values()).forEach(arr::add);
                    return new Resp(200, Json.bytes(out));
                });
    }

    private void show(
            RoutingContext ctx,
            Function<Company, LinkedHashMap<String, ObjectNode>> coll,
            String notFound) {
        String id = ctx.pathParam("id");
        cachedGet(
                ctx,
                co -> {
                    ObjectNode n = coll.apply(co).get(id);
                    return n == null ? notFound(notFound) : new Resp(200, Json.bytes(n));
                });
    }

    private void delete(
            RoutingContext ctx,
            Function<Company, LinkedHashMap<String, ObjectNode>> coll,
            String notFound,
            String event) {
        Company co = ctx.get(COMPANY);
        String id = ctx.pathParam("id");
        synchronized (state) {
            ObjectNode removed = coll.apply(co).remove(id);
            if (removed == null) {
                Http.error(ctx, 404, notFound);
                return;
            }
            state.changed();
            if (event != null) {
                state.emit(co, event, removed);
            }
        }
        Http.noContent(ctx);
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
                    ArrayNode arr = out.putArray("calls");
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
                    ArrayNode arr = out.putArray("voicemails");
                    Company.newestFirst(co.voicemails).forEach(arr::add);
                    return new Resp(200, Json.bytes(out));
                });
    }

    private void updateVoicemail(RoutingContext ctx) {
        Company co = ctx.get(COMPANY);
        String id = ctx.pathParam("id");
        synchronized (state) {
            ObjectNode vm = co.voicemails.get(id);
            if (vm == null) {
                Http.error(ctx, 404, "Voicemail not found");
                return;
            }
            ObjectNode body = body(ctx, "voicemail");
            if (body == null) {
                return;
            }
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

    private void createContact(RoutingContext ctx) {
        Company co = ctx.get(COMPANY);
        ObjectNode body = body(ctx, "contact");
        if (body == null) {
            return;
        }
        synchronized (state) {
            ObjectNode contact = Json.object();
            Errors errors = applyContact(co, body, contact, true);
            if (!errors.isEmpty()) {
                validationFailed(ctx, errors);
                return;
            }
            String now = state.now();
            contact.put("created_at", now);
            contact.put("updated_at", now);
            co.contacts.put(contact.get("id").asText(), contact);
            state.changed();
            state.emit(co, "contact.created", contact);
            Http.send(ctx, 201, Json.bytes(contact));
        }
    }

    private void updateContact(RoutingContext ctx) {
        Company co = ctx.get(COMPANY);
        String id = ctx.pathParam("id");
        synchronized (state) {
            ObjectNode contact = co.contacts.get(id);
            if (contact == null) {
                Http.error(ctx, 404, "Contact not found");
                return;
            }
            ObjectNode body = body(ctx, "contact");
            if (body == null) {
                return;
            }
            ObjectNode updated = contact.deepCopy();
            Errors errors = applyContact(co, body, updated, false);
            if (!errors.isEmpty()) {
                validationFailed(ctx, errors);
                return;
            }
            if (!updated.equals(contact)) {
                updated.put("updated_at", state.now());
                contact.setAll(updated);
                state.changed();
                state.emit(co, "contact.updated", contact);
            }
            Http.send(ctx, 200, Json.bytes(contact));
        }
    }

    private void deleteContact(RoutingContext ctx) {
        delete(ctx, co -> co.contacts, "Contact not found", "contact.deleted");
    }

    // ---------------------------------------------------------------------------- main numbers

    private static boolean isRoutingConfig(JsonNode v) {
        return v != null && v.isObject() && v.path("type").isTextual();
    }

    private void updateMainNumber(RoutingContext ctx) {
        Company co = ctx.get(COMPANY);
        String id = ctx.pathParam("id");
        synchronized (state) {
            ObjectNode mn = co.mainNumbers.get(id);
            if (mn == null) {
                Http.error(ctx, 404, "Main number not found");
                return;
            }
            ObjectNode body = body(ctx, "main_number");
            if (body == null) {
                return;
            }
            Errors errors = new Errors();
            ObjectNode updated = mn.deepCopy();
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
                                "name",
                                "may only contain ASCII letters, numbers, spaces and -_~!.+");
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
        return errors;
    }

    private void createEmployee(RoutingContext ctx) {
        Company co = ctx.get(COMPANY);
        ObjectNode body = body(ctx, "employee");
        if (body == null) {
            return;
        }
        synchronized (state) {
            ObjectNode emp = Json.object();
            Errors errors = applyEmployee(co, body, emp, true);
            if (!errors.isEmpty()) {
                validationFailed(ctx, errors);
                return;
            }
            emp.put("invitation_pending", true);
            String now = state.now();
            emp.put("created_at", now);
            emp.put("updated_at", now);
            co.employees.put(emp.get("id").asText(), emp);
            state.changed();
            Http.send(ctx, 201, Json.bytes(emp));
        }
    }

    private void updateEmployee(RoutingContext ctx) {
        Company co = ctx.get(COMPANY);
        String id = ctx.pathParam("id");
        synchronized (state) {
            ObjectNode emp = co.employees.get(id);
            if (emp == null) {
                Http.error(ctx, 404, "Employee not found");
                return;
            }
            ObjectNode body = body(ctx, "employee");
            if (body == null) {
                return;
            }
            ObjectNode updated = emp.deepCopy();
            Errors errors = applyEmployee(co, body, updated, false);
            if (!errors.isEmpty()) {
                validationFailed(ctx, errors);
                return;
            }
            if (!updated.equals(emp)) {
                updated.put("updated_at", state.now());
                emp.setAll(updated);
                state.changed();
            }
            Http.send(ctx, 200, Json.bytes(emp));
        }
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

    private void createWebhook(RoutingContext ctx) {
        Company co = ctx.get(COMPANY);
        ObjectNode body = body(ctx, "webhook");
        if (body == null) {
            return;
        }
        synchronized (state) {
            ObjectNode hook = Json.object();
            Errors errors = applyWebhook(body, hook, true);
            if (!errors.isEmpty()) {
                validationFailed(ctx, errors);
                return;
            }
            String now = state.now();
            hook.put("created_at", now);
            hook.put("updated_at", now);
            co.webhooks.put(hook.get("id").asText(), hook);
            state.changed();
            Http.send(ctx, 201, Json.bytes(hook));
        }
    }

    private void updateWebhook(RoutingContext ctx) {
        Company co = ctx.get(COMPANY);
        String id = ctx.pathParam("id");
        synchronized (state) {
            ObjectNode hook = co.webhooks.get(id);
            if (hook == null) {
                Http.error(ctx, 404, "Webhook not found");
                return;
            }
            ObjectNode body = body(ctx, "webhook");
            if (body == null) {
                return;
            }
            ObjectNode updated = hook.deepCopy();
            Errors errors = applyWebhook(body, updated, false);
            if (!errors.isEmpty()) {
                validationFailed(ctx, errors);
                return;
            }
            if (!updated.equals(hook)) {
                updated.put("updated_at", state.now());
                hook.setAll(updated);
                state.changed();
            }
            Http.send(ctx, 200, Json.bytes(hook));
        }
    }
}
