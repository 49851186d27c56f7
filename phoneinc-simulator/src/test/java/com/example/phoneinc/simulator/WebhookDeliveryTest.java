package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.example;
import static com.example.phoneinc.simulator.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PhoneIncSimulatorExtension.class)
class WebhookDeliveryTest {

    /** What the receiver got: path, content type, body. */
    record Received(String path, String contentType, String body) {}

    static Vertx vertx;
    static HttpServer receiver;
    static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();
    static final AtomicInteger STATUS = new AtomicInteger(200);

    @BeforeAll
    static void startReceiver() throws Exception {
        vertx = Vertx.vertx();
        receiver =
                vertx.createHttpServer()
                        .requestHandler(
                                req ->
                                        req.body()
                                                .onSuccess(
                                                        b -> {
                                                            RECEIVED.add(
                                                                    new Received(
                                                                            req.uri(),
                                                                            req.getHeader(
                                                                                    "Content-Type"),
                                                                            b.toString()));
                                                            req.response()
                                                                    .setStatusCode(STATUS.get())
                                                                    .end();
                                                        }))
                        .listen(0, "127.0.0.1")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void clear() {
        RECEIVED.clear();
        STATUS.set(200);
    }

    static String hookUrl(String path) {
        return "http://127.0.0.1:" + receiver.actualPort() + path;
    }

    static String subscribe(SimHttp http, String path, String events) {
        HttpResponse<String> r =
                http.api(
                        "POST",
                        "/webhooks",
                        "{\"name\":\"test\",\"url\":\""
                                + hookUrl(path)
                                + "\",\"events\":"
                                + events
                                + "}");
        assertEquals(201, r.statusCode(), r.body());
        return json(r).get("id").asText();
    }

    static Received next() throws InterruptedException {
        Received r = RECEIVED.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no webhook delivery within 5 s");
        }
        return r;
    }

    @Test
    void contactChangesThroughTheApiAreDeliveredInOrder(PhoneIncSimulator sim) throws Exception {
        SimHttp http = new SimHttp(sim);
        subscribe(
                http,
                "/hook?token=s3cret",
                "[\"contact.created\",\"contact.updated\",\"contact.deleted\"]");
        JsonNode created =
                json(
                        http.api(
                                "POST",
                                "/contacts",
                                example("requests/contacts.create.json").toString()));
        String id = created.get("id").asText();
        JsonNode updated =
                json(
                        http.api(
                                "PATCH",
                                "/contacts/" + id,
                                example("requests/contacts.update.json").toString()));
        assertEquals(204, http.api("DELETE", "/contacts/" + id, null).statusCode());

        Received c = next();
        assertEquals("/hook?token=s3cret", c.path());
        assertEquals("application/json", c.contentType());
        assertEquals("contact.created", json(c.body()).get("event").asText());
        assertEquals(created, json(c.body()).get("data"));
        // the payload has the shape of the documented example
        ObjectNode expected = (ObjectNode) example("events/contact.created.json");
        ((ObjectNode) expected.get("data")).setAll((ObjectNode) created);
        assertEquals(expected, json(c.body()));

        Received u = next();
        assertEquals("contact.updated", json(u.body()).get("event").asText());
        assertEquals(updated, json(u.body()).get("data"));
        Received d = next();
        assertEquals("contact.deleted", json(d.body()).get("event").asText());
        assertEquals(updated, json(d.body()).get("data"));

        List<WebhookDelivery> deliveries = sim.awaitWebhookDeliveries(3, Duration.ofSeconds(5));
        assertEquals(3, deliveries.size());
        assertTrue(deliveries.stream().allMatch(WebhookDelivery::succeeded));
        assertEquals(
                List.of("contact.created", "contact.updated", "contact.deleted"),
                deliveries.stream().map(WebhookDelivery::event).toList());
    }

    @Test
    void answeredCallEmitsInitiatedAnsweredEndedAndTranscription(PhoneIncSimulator sim)
            throws Exception {
        SimHttp http = new SimHttp(sim);
        subscribe(
                http,
                "/calls",
                "[\"call.initiated\",\"call.answered\",\"call.ended\",\"call.transcription_done\",\"call.lost\"]");
        SimulatedCall call =
                sim.simulateIncomingCall(
                        IncomingCall.from("+14155550177").durationSeconds(254).transcribe(true));
        assertEquals(
                List.of("call.initiated", "call.answered", "call.ended", "call.transcription_done"),
                call.events());
        JsonNode initiated = json(next().body());
        assertEquals("call.initiated", initiated.get("event").asText());
        assertEquals("ringing", initiated.get("data").get("state").asText());
        assertTrue(initiated.get("data").get("answered_at").isNull());
        assertEquals(
                iterate(example("events/call.initiated.json").get("data").fieldNames()),
                iterate(initiated.get("data").fieldNames()));
        JsonNode answered = json(next().body());
        assertEquals("call.answered", answered.get("event").asText());
        assertEquals("answered", answered.get("data").get("state").asText());
        assertTrue(answered.get("data").get("answered_at").isTextual());
        JsonNode ended = json(next().body());
        assertEquals("call.ended", ended.get("event").asText());
        assertEquals(254, ended.get("data").get("duration").asInt());
        assertTrue(ended.get("data").get("transcription").isNull());
        JsonNode transcribed = json(next().body());
        assertEquals("call.transcription_done", transcribed.get("event").asText());
        assertTrue(transcribed.get("data").get("transcription").isTextual());
        // the call is in the state: newest first, final state
        JsonNode listed = json(http.get("/calls")).get("calls").get(0);
        assertEquals(call.callId(), listed.get("id").asText());
        assertEquals(transcribed.get("data"), listed);
    }

    @Test
    void lostCallAndVoicemailViaControlApi(PhoneIncSimulator sim) throws Exception {
        SimHttp http = new SimHttp(sim);
        subscribe(http, "/x", "[\"call.ended\",\"call.lost\",\"voicemail.new\"]");
        HttpResponse<String> lost =
                http.send(
                        "POST",
                        "/_sim/calls/incoming",
                        "{\"from\":\"+14155550188\",\"outcome\":\"lost\",\"main_number_id\":\"0196a8e2-5b10-7c3a-9f21-3d4e5a6b7c02\"}");
        assertEquals(201, lost.statusCode(), lost.body());
        assertEquals(
                json("[\"call.initiated\",\"call.ended\",\"call.lost\"]"),
                json(lost).get("events"));
        assertEquals("+14155550101", json(lost).get("call").get("to").asText());
        assertEquals("call.ended", json(next().body()).get("event").asText());
        assertEquals("call.lost", json(next().body()).get("event").asText());

        HttpResponse<String> vm =
                http.send(
                        "POST",
                        "/_sim/voicemails",
                        "{\"from\":\"+14155550166\",\"transcription\":\"Call me back\"}");
        assertEquals(201, vm.statusCode(), vm.body());
        JsonNode event = json(next().body());
        assertEquals("voicemail.new", event.get("event").asText());
        assertEquals(json(vm), event.get("data"));
        assertEquals(
                iterate(example("events/voicemail.new.json").get("data").fieldNames()),
                iterate(event.get("data").fieldNames()));
        JsonNode list = json(http.get("/voicemails"));
        assertEquals(3, list.get("unlistened_count").asInt());
        assertEquals(json(vm), list.get("voicemails").get(0));
        // the seeded CRM hook points outside the machine: skipped, not recorded
        assertEquals(3, sim.awaitWebhookDeliveries(3, Duration.ofSeconds(5)).size());
        assertTrue(
                sim.webhookDeliveries().stream()
                        .allMatch(d -> d.url().startsWith("http://127.0.0.1:")));
    }

    @Test
    void inactiveOrUnsubscribedOrOtherCompanyHooksGetNothing(PhoneIncSimulator sim)
            throws Exception {
        SimHttp http = new SimHttp(sim);
        String paused = subscribe(http, "/paused", "[\"contact.created\"]");
        assertEquals(
                200, http.api("PATCH", "/webhooks/" + paused, "{\"active\":false}").statusCode());
        subscribe(http, "/calls-only", "[\"call.ended\"]");
        HttpResponse<String> hookB =
                http.apiB(
                        "POST",
                        "/webhooks",
                        "{\"url\":\"" + hookUrl("/b") + "\",\"events\":[\"contact.created\"]}");
        assertEquals(201, hookB.statusCode());
        assertEquals(
                201, http.api("POST", "/contacts", "{\"phone\":\"+14155550111\"}").statusCode());
        // company B's own change reaches only B's hook
        assertEquals(
                201, http.apiB("POST", "/contacts", "{\"phone\":\"+14155550112\"}").statusCode());
        Received r = next();
        assertEquals("/b", r.path());
        assertEquals("+14155550112", json(r.body()).get("data").get("phone").asText());
        assertEquals(null, RECEIVED.poll(300, TimeUnit.MILLISECONDS));
        // recorded once the receiver's answer is back, which may take longer than the 300 ms
        assertEquals(1, sim.awaitWebhookDeliveries(1, Duration.ofSeconds(5)).size());
    }

    @Test
    void failedDeliveriesAreRecorded(PhoneIncSimulator sim) throws Exception {
        SimHttp http = new SimHttp(sim);
        subscribe(http, "/fail", "[\"voicemail.new\"]");
        HttpResponse<String> dead =
                http.api(
                        "POST",
                        "/webhooks",
                        "{\"url\":\"http://127.0.0.1:1/nothing\",\"events\":[\"voicemail.new\"]}");
        assertEquals(201, dead.statusCode());
        STATUS.set(500);
        sim.simulateVoicemail("+14155550166", null);
        List<WebhookDelivery> d = sim.awaitWebhookDeliveries(2, Duration.ofSeconds(5));
        assertEquals(2, d.size());
        WebhookDelivery toReceiver =
                d.stream().filter(x -> x.url().endsWith("/fail")).findFirst().orElseThrow();
        assertEquals(500, toReceiver.status());
        assertTrue(!toReceiver.succeeded());
        WebhookDelivery refused =
                d.stream().filter(x -> x.url().endsWith("/nothing")).findFirst().orElseThrow();
        assertEquals(0, refused.status());
        assertTrue(refused.error() != null && !refused.error().isEmpty());
        HttpResponse<String> viaControl = http.send("GET", "/_sim/webhooks/deliveries", null);
        assertEquals(2, json(viaControl).size());
        assertEquals("voicemail.new", json(viaControl).get(0).get("body").get("event").asText());
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
