package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.assertJson;
import static com.example.phoneinc.simulator.SimHttp.example;
import static com.example.phoneinc.simulator.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PhoneIncSimulatorExtension.class)
class AuthAndScopingTest {

    @Test
    void demoKeysLookLikeTheDocumentedFormat(PhoneIncSimulator sim) {
        for (String key : new String[] {sim.apiKey(), sim.otherCompanyApiKey()}) {
            assertTrue(key.matches("phk_[1-9A-HJ-NP-Za-km-z]{28}"), key);
        }
        assertEquals("http://127.0.0.1:" + sim.port(), sim.rootUrl());
        assertEquals(sim.rootUrl() + "/api/v1", sim.baseUrl());
    }

    @Test
    void threeWaysToSendAKey(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertEquals(
                200,
                http.send("GET", "/api/v1/calls", null, "X-Api-Key", sim.apiKey()).statusCode());
        assertEquals(
                200,
                http.send("GET", "/api/v1/calls", null, "Authorization", "Bearer " + sim.apiKey())
                        .statusCode());
        assertEquals(
                200, http.send("GET", "/api/v1/calls?api_key=" + sim.apiKey(), null).statusCode());
        // X-Api-Key wins over Authorization
        assertEquals(
                200,
                http.send(
                                "GET",
                                "/api/v1/calls",
                                null,
                                "X-Api-Key",
                                sim.apiKey(),
                                "Authorization",
                                "Bearer phk_wrong")
                        .statusCode());
    }

    @Test
    void invalidAndMissingCredentials(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(
                http.send("GET", "/api/v1/calls", null, "X-Api-Key", "phk_typo"),
                401,
                example("errors/401.invalid-api-key.json"));
        assertJson(
                http.send("GET", "/api/v1/calls", null, "Authorization", "Bearer phk_typo"),
                401,
                example("errors/401.invalid-api-key.json"));
        HttpResponse<String> missing = http.send("GET", "/api/v1/calls", null);
        assertEquals(401, missing.statusCode());
        assertEquals("Missing API key or access token", json(missing).get("error").asText());
        assertEquals(401, http.send("GET", "/api/v1/calls", null, "X-Api-Key", "").statusCode());
        assertEquals(
                401,
                http.send("GET", "/api/v1/calls", null, "Authorization", "Basic Zm9vOmJhcg==")
                        .statusCode());
    }

    @Test
    void unknownOAuthTokenIsRejectedWithDoorkeeperHeader(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> r =
                http.send("GET", "/api/v1/voicemails", null, "Authorization", "Bearer not-a-token");
        assertJson(r, 401, example("errors/401.oauth-invalid-token.json"));
        assertEquals(
                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is invalid\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
        // a non-phk_ value in X-Api-Key is validated as an OAuth token too
        assertJson(
                http.send("GET", "/api/v1/voicemails", null, "X-Api-Key", "not-a-token"),
                401,
                example("errors/401.oauth-invalid-token.json"));
    }

    @Test
    void eachCompanySeesOnlyItsOwnData(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        JsonNode callsB = json(http.apiB("GET", "/calls", null)).get("calls");
        assertEquals(1, callsB.size());
        String callB = callsB.get(0).get("id").asText();
        assertEquals(404, http.get("/calls/" + callB).statusCode());
        assertEquals(
                404,
                http.apiB("GET", "/calls/0196c0a1-7e2f-7a10-b3c4-d5e6f7a8b901", null).statusCode());
        assertJson(
                http.apiB(
                        "PATCH",
                        "/voicemails/0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01",
                        "{\"listened\":true}"),
                404,
                example("errors/404.voicemail-not-found.json"));
        assertEquals(
                404,
                http.apiB("DELETE", "/contacts/0196a9f1-2d3e-7f40-a1b2-c3d4e5f60a21", null)
                        .statusCode());
        assertEquals(2, json(http.get("/contacts")).size());
        assertEquals(1, json(http.apiB("GET", "/contacts", null)).size());
        assertEquals(
                1, json(http.apiB("GET", "/voicemails", null)).get("unlistened_count").asInt());
        assertEquals(0, json(http.apiB("GET", "/webhooks", null)).get("webhooks").size());
        assertEquals(1, json(http.apiB("GET", "/main_numbers", null)).get("main_numbers").size());
        // company B has no integration connected: nothing is queried
        JsonNode ctx = json(http.apiB("GET", "/caller_context?phone=%2B14155550177", null));
        assertEquals(0, ctx.get("contexts").size());
        assertTrue(ctx.get("enriched_at").isNull());
        // writes of one company are invisible to the other
        assertEquals(
                201, http.apiB("POST", "/contacts", "{\"phone\":\"+14155550155\"}").statusCode());
        assertEquals(0, json(http.get("/contacts?phone=%2B14155550155")).size());
    }

    @Test
    void unknownRoutesAre404Json(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(http.get("/nothing"), 404, json("{\"error\":\"Not found\"}"));
        assertJson(http.api("POST", "/calls", "{}"), 404, json("{\"error\":\"Not found\"}"));
        assertEquals(401, http.send("GET", "/api/v1/nothing", null).statusCode());
        assertJson(http.send("GET", "/v1/calls", null), 404, json("{\"error\":\"Not found\"}"));
        assertEquals(4, sim.totalHits());
        assertEquals(1, sim.hits("GET", "/v1/calls"));
    }
}
