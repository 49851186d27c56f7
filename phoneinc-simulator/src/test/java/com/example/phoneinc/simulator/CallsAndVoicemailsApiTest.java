package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.assertJson;
import static com.example.phoneinc.simulator.SimHttp.example;
import static com.example.phoneinc.simulator.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PhoneIncSimulatorExtension.class)
class CallsAndVoicemailsApiTest {

    static final String VM1 = "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01";
    static final String VM2 = "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c02";

    @Test
    void listCallsMatchesTheExampleNewestFirst(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(http.get("/calls"), 200, example("responses/calls.list.200.json"));
        assertEquals(1, sim.hits("GET", "/api/v1/calls"));
        assertEquals(1, sim.totalHits());
    }

    @Test
    void filterCallsByE164PhoneNumber(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        JsonNode calls = json(http.get("/calls?phone_number=%2B14155550177")).get("calls");
        assertEquals(1, calls.size());
        assertEquals("0196c0a1-7e2f-7a10-b3c4-d5e6f7a8b901", calls.get(0).get("id").asText());
        // matches "to" as well as "from"
        assertEquals(1, json(http.get("/calls?phone_number=%2B14155550123")).get("calls").size());
        assertEquals(sim.hits("GET", "/api/v1/calls"), 2);
    }

    @Test
    void nonE164PhoneNumberIsSilentlyNoMatch(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(
                http.get("/calls?phone_number=4155550177"),
                200,
                example("responses/calls.list.no-match.200.json"));
        // an unencoded '+' decodes to a space: not E.164 either
        assertEquals(0, json(http.get("/calls?phone_number=+14155550177")).get("calls").size());
    }

    @Test
    void filterCallsByDirectionAndState(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        JsonNode outbound = json(http.get("/calls?direction=outbound")).get("calls");
        assertEquals(1, outbound.size());
        assertEquals("outbound", outbound.get(0).get("direction").asText());
        JsonNode ringing = json(http.get("/calls?state=ringing")).get("calls");
        assertEquals(1, ringing.size());
        assertEquals("0196c0a1-7e2f-7a10-b3c4-d5e6f7a8b904", ringing.get(0).get("id").asText());
        assertEquals(2, json(http.get("/calls?direction=inbound&state=ended")).get("calls").size());
        assertEquals(0, json(http.get("/calls?direction=sideways")).get("calls").size());
    }

    @Test
    void getCallAndNotFound(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(
                http.get("/calls/0196c0a1-7e2f-7a10-b3c4-d5e6f7a8b901"),
                200,
                example("responses/calls.get.200.json"));
        assertJson(http.get("/calls/0000"), 404, example("errors/404.call-not-found.json"));
    }

    @Test
    void listAndGetVoicemails(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(http.get("/voicemails"), 200, example("responses/voicemails.list.200.json"));
        assertJson(
                http.get("/voicemails/" + VM1), 200, example("responses/voicemails.get.200.json"));
        assertJson(
                http.get("/voicemails/0000"), 404, example("errors/404.voicemail-not-found.json"));
    }

    @Test
    void markListenedSetsListenedAtOnceAndUpdatesCount(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> r =
                http.api(
                        "PATCH",
                        "/voicemails/" + VM1,
                        example("requests/voicemails.mark-listened.json").toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode vm = json(r);
        String listenedAt = vm.get("listened_at").asText();
        Instant.parse(listenedAt); // ISO-8601
        ObjectNode expected = (ObjectNode) example("responses/voicemails.mark-listened.200.json");
        expected.put("listened_at", listenedAt);
        assertEquals(expected, vm);
        assertEquals(1, json(http.get("/voicemails")).get("unlistened_count").asInt());
        // a second "true" keeps the first time
        assertEquals(
                listenedAt,
                json(http.api("PATCH", "/voicemails/" + VM1, "{\"listened\":true}"))
                        .get("listened_at")
                        .asText());
        // the already listened one keeps its time from the data set
        assertEquals(
                "2026-05-11T09:15:00Z",
                json(http.api("PATCH", "/voicemails/" + VM2, "{\"listened\":true}"))
                        .get("listened_at")
                        .asText());
    }

    @Test
    void markUnlistenedClearsListenedAt(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> r =
                http.api(
                        "PATCH",
                        "/voicemails/" + VM2,
                        example("requests/voicemails.mark-unlistened.json").toString());
        assertEquals(200, r.statusCode());
        assertTrue(json(r).get("listened_at").isNull());
        assertEquals(3, json(http.get("/voicemails")).get("unlistened_count").asInt());
        // PUT is accepted like PATCH (Rails resources routing)
        assertFalse(
                json(http.api("PUT", "/voicemails/" + VM2, "{\"listened\":true}"))
                        .get("listened_at")
                        .isNull());
    }

    @Test
    void listenedMustBeABoolean(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        JsonNode expected = example("errors/422.voicemail-listened-not-boolean.json");
        assertJson(
                http.api("PATCH", "/voicemails/" + VM1, "{\"listened\":\"yes\"}"), 422, expected);
        assertJson(http.api("PATCH", "/voicemails/" + VM1, "{\"listened\":1}"), 422, expected);
        assertJson(http.api("PATCH", "/voicemails/" + VM1, "{}"), 422, expected);
        assertJson(
                http.api("PATCH", "/voicemails/0000", "{\"listened\":true}"),
                404,
                example("errors/404.voicemail-not-found.json"));
        assertEquals(2, json(http.get("/voicemails")).get("unlistened_count").asInt());
    }

    @Test
    void malformedJsonIs400(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> r = http.api("PATCH", "/voicemails/" + VM1, "{\"listened\": tru");
        assertEquals(400, r.statusCode());
        assertEquals("Malformed JSON in request body", json(r).get("error").asText());
        HttpResponse<String> arr = http.api("PATCH", "/voicemails/" + VM1, "[true]");
        assertEquals(400, arr.statusCode());
        assertTrue(json(arr).get("error").isTextual());
    }
}
