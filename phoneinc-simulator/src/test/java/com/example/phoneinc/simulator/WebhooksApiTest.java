package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.assertJson;
import static com.example.phoneinc.simulator.SimHttp.example;
import static com.example.phoneinc.simulator.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PhoneIncSimulatorExtension.class)
class WebhooksApiTest {

    static final String CRM = "0196b7a3-8c9d-7e0f-a1b2-c3d4e5f6a701";
    static final String SLACK = "0196b7a3-8c9d-7e0f-a1b2-c3d4e5f6a702";

    @Test
    void listGetCreateUpdateDelete(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(http.get("/webhooks"), 200, example("responses/webhooks.list.200.json"));
        assertJson(http.get("/webhooks/" + CRM), 200, example("responses/webhooks.get.200.json"));

        HttpResponse<String> created =
                http.api("POST", "/webhooks", example("requests/webhooks.create.json").toString());
        assertEquals(201, created.statusCode(), created.body());
        ObjectNode hook = (ObjectNode) json(created);
        ObjectNode expected = (ObjectNode) example("responses/webhooks.create.201.json");
        for (String f : new String[] {"id", "created_at", "updated_at"}) {
            expected.set(f, hook.get(f));
        }
        assertEquals(expected, hook);
        assertEquals(3, json(http.get("/webhooks")).get("webhooks").size());

        HttpResponse<String> updated =
                http.api(
                        "PATCH",
                        "/webhooks/" + SLACK,
                        example("requests/webhooks.update.json").toString());
        assertEquals(200, updated.statusCode());
        ObjectNode expectedUpdate = (ObjectNode) example("responses/webhooks.update.200.json");
        expectedUpdate.set("updated_at", json(updated).get("updated_at"));
        assertEquals(expectedUpdate, json(updated));

        assertEquals(204, http.api("DELETE", "/webhooks/" + SLACK, null).statusCode());
        assertJson(http.get("/webhooks/" + SLACK), 404, json("{\"error\":\"Webhook not found\"}"));
    }

    @Test
    void validation(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(
                http.api(
                        "POST",
                        "/webhooks",
                        "{\"name\":\"x\",\"url\":\"http://hooks.example.com/x\",\"events\":[\"call.ended\",\"call.exploded\"]}"),
                422,
                example("errors/422.webhook-invalid.json"));
        assertJson(
                http.api("POST", "/webhooks", "{\"events\":[],\"active\":\"yes\"}"),
                422,
                json(
                        "{\"errors\":{\"url\":[\"can't be blank\"],\"events\":[\"can't be blank\"],"
                                + "\"active\":[\"must be a boolean\"]}}"));
        assertJson(
                http.api("PATCH", "/webhooks/" + CRM, "{\"url\":\"ftp://example.com\"}"),
                422,
                json("{\"errors\":{\"url\":[\"must be an HTTPS URL\"]}}"));
        // plain http is accepted on loopback only (so tests can receive deliveries)
        HttpResponse<String> loopback =
                http.api(
                        "POST",
                        "/webhooks",
                        "{\"name\":\"local\",\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"call.ended\"]}");
        assertEquals(201, loopback.statusCode(), loopback.body());
        assertEquals(true, json(loopback).get("active").asBoolean());
        assertEquals(3, json(http.get("/webhooks")).get("webhooks").size());
    }

    @Test
    void strictHttpsCanBeRequired() {
        try (PhoneIncSimulator strict =
                PhoneIncSimulator.builder().allowHttpLoopbackWebhooks(false).build().start()) {
            SimHttp http = new SimHttp(strict);
            assertJson(
                    http.api(
                            "POST",
                            "/webhooks",
                            "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"call.ended\"]}"),
                    422,
                    json("{\"errors\":{\"url\":[\"must be an HTTPS URL\"]}}"));
        }
    }
}
