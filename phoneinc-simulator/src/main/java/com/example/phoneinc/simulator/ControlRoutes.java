package com.example.phoneinc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/** The control API under {@code /_sim}: never faulted, never counted in hits, never recorded. */
final class ControlRoutes {

    private final PhoneIncSimulator sim;
    private final SimState state;
    private final OAuthServer oauth;
    private final Faults faults;
    private final WebhookDispatcher dispatcher;

    ControlRoutes(
            PhoneIncSimulator sim,
            SimState state,
            OAuthServer oauth,
            Faults faults,
            WebhookDispatcher dispatcher) {
        this.sim = sim;
        this.state = state;
        this.oauth = oauth;
        this.faults = faults;
        this.dispatcher = dispatcher;
    }

    void register(Router r) {
        r.get("/_sim/info").handler(ctx -> Http.send(ctx, 200, Json.bytes(sim.info())));
        r.post("/_sim/reset").handler(noContent(sim::reset));
        r.get("/_sim/hits").handler(this::hits);
        r.delete("/_sim/hits").handler(noContent(sim::clearHits));
        r.get("/_sim/requests").handler(this::requests);
        r.get("/_sim/faults").handler(ctx -> Http.send(ctx, 200, Json.bytes(faults.describe())));
        r.post("/_sim/faults").handler(withBody(this::addFault));
        r.delete("/_sim/faults").handler(noContent(faults::clear));
        r.post("/_sim/calls/incoming").handler(withBody(this::incomingCall));
        r.post("/_sim/voicemails").handler(withBody(this::newVoicemail));
        r.get("/_sim/webhooks/deliveries").handler(this::deliveries);
        r.delete("/_sim/webhooks/deliveries").handler(noContent(dispatcher::clear));
        r.post("/_sim/oauth/tokens").handler(withBody(this::issueTokens));
        r.post("/_sim/oauth/expire").handler(withBody(this::expire));
        r.post("/_sim/oauth/revoke").handler(withBody(this::revoke));
        r.post("/_sim/oauth/deny").handler(withBody(this::deny));
        r.route("/_sim/*").handler(ctx -> Http.error(ctx, 404, "Unknown control route"));
    }

    /** Runs action, then answers 204. */
    private static Handler<RoutingContext> noContent(Runnable action) {
        return ctx -> {
            action.run();
            Http.noContent(ctx);
        };
    }

    /** Runs handler with the parsed body, or answers 400 (see body) without running it. */
    private static Handler<RoutingContext> withBody(BiConsumer<RoutingContext, JsonNode> handler) {
        return ctx -> {
            JsonNode b = body(ctx);
            if (b != null) {
                handler.accept(ctx, b);
            }
        };
    }

    /** Parses the body as a JSON object (empty = {}); answers 400 and returns null otherwise. */
    private static JsonNode body(RoutingContext ctx) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        try {
            JsonNode n = Json.parse(text);
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (Exception e) {
            // fall through
        }
        Http.error(ctx, 400, "Body must be a JSON object");
        return null;
    }

    private static void badRequest(RoutingContext ctx, String message) {
        Http.error(ctx, 400, message);
    }

    private void hits(RoutingContext ctx) {
        ObjectNode out = Json.object();
        out.put("total", sim.totalHits());
        ObjectNode h = out.putObject("hits");
        sim.hits().forEach(h::put);
        Http.send(ctx, 200, Json.bytes(out));
    }

    private void requests(RoutingContext ctx) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (RecordedRequest r : sim.requests()) {
            ObjectNode n = arr.addObject();
            n.put("method", r.method());
            n.put("path", r.path());
            n.put("query", r.query());
            ObjectNode headers = n.putObject("headers");
            for (Map.Entry<String, java.util.List<String>> e : r.headers().entrySet()) {
                ArrayNode values = headers.putArray(e.getKey());
                e.getValue().forEach(values::add);
            }
            n.put("body", r.body());
            n.put("remote_address", r.remoteAddress());
            n.put("received_at", r.receivedAt().toString());
        }
        Http.send(ctx, 200, Json.bytes(arr));
    }

    private void addFault(RoutingContext ctx, JsonNode b) {
        int count = b.path("count").asInt(1);
        if (count < 1) {
            badRequest(ctx, "count must be >= 1");
            return;
        }
        Faults.Rule rule = faults.next(count).on(Json.text(b, "method"), Json.text(b, "path"));
        JsonNode headers = b.get("headers");
        if (headers != null && headers.isObject()) {
            headers.fields().forEachRemaining(e -> rule.header(e.getKey(), e.getValue().asText()));
        }
        String type = Json.text(b, "type");
        type = type == null ? "status" : type.toLowerCase(Locale.ROOT);
        int status = b.path("status").asInt(503);
        switch (type) {
            case "status":
                if (status < 100 || status > 599) {
                    badRequest(ctx, "status must be 100..599");
                    return;
                }
                if (b.has("body") || b.has("content_type")) {
                    rule.status(status, Json.text(b, "content_type"), Json.text(b, "body"));
                } else {
                    rule.status(status);
                }
                break;
            case "empty":
                rule.emptyBody(status);
                break;
            case "html502":
                rule.badGatewayHtml();
                break;
            case "too_many_requests":
                rule.tooManyRequests(b.path("retry_after").asLong(1));
                break;
            case "delay":
                rule.delay(Duration.ofMillis(b.path("delay_ms").asLong(1000)));
                break;
            case "close":
                rule.closeConnection();
                break;
            case "reset":
                rule.resetConnection();
                break;
            case "garbage":
                rule.garbageThenClose();
                break;
            default:
                badRequest(
                        ctx,
                        "type must be one of status, empty, html502, too_many_requests, delay,"
                                + " close, reset, garbage");
                return;
        }
        ObjectNode out = Json.object();
        out.put("pending", faults.pending());
        Http.send(ctx, 201, Json.bytes(out));
    }

    private static boolean otherCompany(JsonNode b) {
        String company = Json.text(b, "company");
        return company != null && company.equalsIgnoreCase("B");
    }

    private void incomingCall(RoutingContext ctx, JsonNode b) {
        String from = Json.text(b, "from");
        if (from == null || !Phones.isE164(from)) {
            badRequest(ctx, "from must be an E.164 number");
            return;
        }
        IncomingCall spec =
                IncomingCall.from(from)
                        .mainNumberId(Json.text(b, "main_number_id"))
                        .durationSeconds(b.path("duration").asInt(42))
                        .transcribe(b.path("transcribe").asBoolean(false))
                        .outsideOpeningHours(b.path("outside_opening_hours").asBoolean(false))
                        .otherCompany(otherCompany(b))
                        .voicemailTranscription(Json.text(b, "voicemail_transcription"));
        String outcome = Json.text(b, "outcome");
        if (outcome != null) {
            try {
                spec.outcome(CallOutcome.valueOf(outcome.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                badRequest(ctx, "outcome must be one of ringing, answered, lost, voicemail");
                return;
            }
        }
        SimulatedCall result;
        try {
            result = sim.simulateIncomingCall(spec);
        } catch (IllegalArgumentException e) {
            badRequest(ctx, e.getMessage());
            return;
        }
        ObjectNode out = Json.object();
        synchronized (state) {
            Company c = spec.otherCompany ? state.companyB : state.companyA;
            out.set("call", c.calls.get(result.callId()).deepCopy());
            if (result.voicemailId() != null) {
                out.set("voicemail", c.voicemails.get(result.voicemailId()).deepCopy());
            }
        }
        ArrayNode events = out.putArray("events");
        result.events().forEach(events::add);
        Http.send(ctx, 201, Json.bytes(out));
    }

    private void newVoicemail(RoutingContext ctx, JsonNode b) {
        String from = Json.text(b, "from");
        if (from == null || !Phones.isE164(from)) {
            badRequest(ctx, "from must be an E.164 number");
            return;
        }
        String id;
        try {
            id =
                    sim.simulateVoicemail(
                            from,
                            Json.text(b, "main_number_id"),
                            Json.text(b, "transcription"),
                            otherCompany(b));
        } catch (IllegalArgumentException e) {
            badRequest(ctx, e.getMessage());
            return;
        }
        byte[] out;
        synchronized (state) {
            Company c = otherCompany(b) ? state.companyB : state.companyA;
            out = Json.bytes(c.voicemails.get(id));
        }
        Http.send(ctx, 201, out);
    }

    private void deliveries(RoutingContext ctx) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (WebhookDelivery d : dispatcher.deliveries()) {
            ObjectNode n = arr.addObject();
            n.put("webhook_id", d.webhookId());
            n.put("url", d.url());
            n.put("event", d.event());
            n.put("status", d.status());
            n.put("error", d.error());
            n.put("attempted_at", d.attemptedAt().toString());
            try {
                n.set("body", Json.parse(d.body()));
            } catch (Exception e) {
                n.put("body", d.body());
            }
        }
        Http.send(ctx, 200, Json.bytes(arr));
    }

    private void issueTokens(RoutingContext ctx, JsonNode b) {
        TokenSet t = otherCompany(b) ? sim.issueTokensForOtherCompany() : sim.issueTokens();
        ObjectNode out = Json.object();
        out.put("access_token", t.accessToken());
        out.put("token_type", "Bearer");
        out.put("expires_in", t.expiresIn());
        out.put("refresh_token", t.refreshToken());
        out.put("scope", t.scope());
        out.put("created_at", t.createdAt());
        Http.send(ctx, 201, Json.bytes(out));
    }

    private void expire(RoutingContext ctx, JsonNode b) {
        oauth.expire(Json.text(b, "access_token"));
        Http.noContent(ctx);
    }

    private void revoke(RoutingContext ctx, JsonNode b) {
        String token = Json.text(b, "token");
        if (token == null) {
            badRequest(ctx, "token is required");
            return;
        }
        oauth.revoke(token);
        Http.noContent(ctx);
    }

    private void deny(RoutingContext ctx, JsonNode b) {
        oauth.denyAuthorizations = b.path("deny").asBoolean(true);
        Http.noContent(ctx);
    }
}
