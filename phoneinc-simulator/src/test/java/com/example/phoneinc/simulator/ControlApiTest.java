package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PhoneIncSimulatorExtension.class)
class ControlApiTest {

    @Test
    void infoHitsAndRecordedRequests(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        JsonNode info = json(http.send("GET", "/_sim/info", null));
        assertEquals(sim.baseUrl(), info.get("base_url").asText());
        assertEquals(sim.apiKey(), info.get("api_key").asText());
        assertEquals(sim.otherCompanyApiKey(), info.get("other_company_api_key").asText());
        assertEquals("sim-client", info.get("client_id").asText());

        http.get("/calls?phone_number=%2B14155550177");
        http.get("/calls");
        http.api(
                "PATCH", "/voicemails/0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01", "{\"listened\":true}");
        JsonNode hits = json(http.send("GET", "/_sim/hits", null));
        assertEquals(3, hits.get("total").asInt());
        assertEquals(2, hits.get("hits").get("GET /api/v1/calls").asInt());
        assertEquals(
                1,
                hits.get("hits")
                        .get("PATCH /api/v1/voicemails/0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01")
                        .asInt());

        RecordedRequest first = sim.requests().get(0);
        assertEquals("GET", first.method());
        assertEquals("/api/v1/calls", first.path());
        assertEquals("phone_number=%2B14155550177", first.query());
        assertEquals(sim.apiKey(), first.header("x-api-key"));
        RecordedRequest patch = sim.lastRequest().orElseThrow();
        assertEquals("{\"listened\":true}", patch.body());
        assertEquals("application/json", patch.header("Content-Type"));
        assertEquals("127.0.0.1", patch.remoteAddress());

        JsonNode recorded = json(http.send("GET", "/_sim/requests", null));
        assertEquals(3, recorded.size());
        assertEquals("{\"listened\":true}", recorded.get(2).get("body").asText());

        assertEquals(204, http.send("DELETE", "/_sim/hits", null).statusCode());
        assertEquals(0, sim.totalHits());
        assertEquals(0, sim.requests().size());
        assertEquals(0, sim.hits("GET", "/api/v1/calls"));
    }

    @Test
    void resetRestoresTheDataSet(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertEquals(
                204,
                http.api("DELETE", "/contacts/0196a9f1-2d3e-7f40-a1b2-c3d4e5f60a21", null)
                        .statusCode());
        sim.faults().next(3).status(500);
        assertEquals(500, http.get("/contacts").statusCode());
        assertEquals(204, http.send("POST", "/_sim/reset", null).statusCode());
        assertEquals(0, sim.faults().pending());
        assertEquals(0, sim.totalHits());
        assertEquals(2, json(http.get("/contacts")).size());
    }

    @Test
    void simulateCallsVoicemailsAndTokensViaHttp(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> call =
                http.send(
                        "POST",
                        "/_sim/calls/incoming",
                        "{\"from\":\"+14155550177\",\"outcome\":\"answered\",\"duration\":30,\"outside_opening_hours\":true}");
        assertEquals(201, call.statusCode(), call.body());
        assertEquals(
                json(
                        "[\"call.initiated\",\"call.outside_opening_hours\",\"call.answered\",\"call.ended\"]"),
                json(call).get("events"));
        assertEquals("ended", json(call).get("call").get("state").asText());
        assertEquals(30, json(call).get("call").get("duration").asInt());
        assertEquals(5, json(http.get("/calls")).get("calls").size());

        HttpResponse<String> ringingB =
                http.send(
                        "POST",
                        "/_sim/calls/incoming",
                        "{\"from\":\"+14155550123\",\"outcome\":\"ringing\",\"company\":\"B\"}");
        assertEquals(201, ringingB.statusCode());
        assertEquals("+14155550200", json(ringingB).get("call").get("to").asText());
        assertEquals(2, json(http.apiB("GET", "/calls", null)).get("calls").size());
        assertEquals(1, json(http.apiB("GET", "/calls?state=ringing", null)).get("calls").size());

        assertEquals(
                400, http.send("POST", "/_sim/calls/incoming", "{\"from\":\"415\"}").statusCode());
        assertEquals(
                400,
                http.send(
                                "POST",
                                "/_sim/calls/incoming",
                                "{\"from\":\"+14155550177\",\"outcome\":\"exploded\"}")
                        .statusCode());
        assertEquals(
                400,
                http.send(
                                "POST",
                                "/_sim/calls/incoming",
                                "{\"from\":\"+14155550177\",\"main_number_id\":\"nope\"}")
                        .statusCode());
        assertEquals(400, http.send("POST", "/_sim/voicemails", "not json").statusCode());

        JsonNode tokens = json(http.send("POST", "/_sim/oauth/tokens", "{}"));
        String access = tokens.get("access_token").asText();
        assertEquals(
                200,
                http.send("GET", "/api/v1/calls", null, "Authorization", "Bearer " + access)
                        .statusCode());
        assertEquals(
                204,
                http.send("POST", "/_sim/oauth/expire", "{\"access_token\":\"" + access + "\"}")
                        .statusCode());
        HttpResponse<String> expired =
                http.send("GET", "/api/v1/calls", null, "Authorization", "Bearer " + access);
        assertEquals(401, expired.statusCode());
        assertEquals("The access token expired", json(expired).get("error_description").asText());

        JsonNode tokensB = json(http.send("POST", "/_sim/oauth/tokens", "{\"company\":\"B\"}"));
        String accessB = tokensB.get("access_token").asText();
        assertEquals(
                204,
                http.send("POST", "/_sim/oauth/revoke", "{\"token\":\"" + accessB + "\"}")
                        .statusCode());
        assertEquals(
                "The access token was revoked",
                json(http.send("GET", "/api/v1/calls", null, "Authorization", "Bearer " + accessB))
                        .get("error_description")
                        .asText());
        assertTrue(http.send("GET", "/_sim/nothing", null).statusCode() == 404);
    }
}
