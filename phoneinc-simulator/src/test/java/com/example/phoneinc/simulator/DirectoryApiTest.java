package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.assertJson;
import static com.example.phoneinc.simulator.SimHttp.example;
import static com.example.phoneinc.simulator.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Main numbers, employees and caller context. */
@ExtendWith(PhoneIncSimulatorExtension.class)
class DirectoryApiTest {

    static final String SALES = "0196a8e2-5b10-7c3a-9f21-3d4e5a6b7c01";
    static final String SUPPORT = "0196a8e2-5b10-7c3a-9f21-3d4e5a6b7c02";
    static final String ALEX = "0196a8e2-6c21-7d4b-8e32-4e5f6a7b8c11";

    @Test
    void mainNumbersListGetAndUpdate(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(http.get("/main_numbers"), 200, example("responses/main-numbers.list.200.json"));
        assertJson(
                http.get("/main_numbers/" + SALES),
                200,
                example("responses/main-numbers.get.200.json"));
        assertJson(
                http.api(
                        "PATCH",
                        "/main_numbers/" + SUPPORT,
                        example("requests/main-numbers.update.json").toString()),
                200,
                example("responses/main-numbers.update.200.json"));
        assertJson(
                http.get("/main_numbers/" + SUPPORT),
                200,
                example("responses/main-numbers.update.200.json"));
        assertJson(
                http.get("/main_numbers/0000"), 404, json("{\"error\":\"Main number not found\"}"));
    }

    @Test
    void mainNumberNameRules(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(
                http.api("PATCH", "/main_numbers/" + SALES, "{\"name\":\"Ventes équipe\"}"),
                422,
                example("errors/422.main-number-name-invalid.json"));
        assertJson(
                http.api(
                        "PATCH",
                        "/main_numbers/" + SALES,
                        "{\"name\":\"" + "a".repeat(129) + "\"}"),
                422,
                json("{\"errors\":{\"name\":[\"is too long (maximum is 128 characters)\"]}}"));
        assertJson(
                http.api(
                        "PATCH",
                        "/main_numbers/" + SALES,
                        "{\"recording_enabled\":\"yes\",\"no_answer_timeout_secs\":\"ten\",\"incoming_call_config\":{}}"),
                422,
                json(
                        "{\"errors\":{\"recording_enabled\":[\"must be a boolean\"],"
                                + "\"incoming_call_config\":[\"is invalid\"],"
                                + "\"no_answer_timeout_secs\":[\"must be an integer\"]}}"));
        HttpResponse<String> ok =
                http.api("PATCH", "/main_numbers/" + SALES, "{\"name\":\"Sales-Team_2 ~!.+\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("Sales-Team_2 ~!.+", json(ok).get("name").asText());
        // the voicemails carry the main number's label
        JsonNode vms = json(http.get("/voicemails")).get("voicemails");
        assertEquals("Sales-Team_2 ~!.+", vms.get(0).get("main_number_name").asText());
    }

    @Test
    void employeesListCreateGetUpdateDelete(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(http.get("/employees"), 200, example("responses/employees.list.200.json"));
        assertJson(
                http.get("/employees/" + ALEX), 200, example("responses/employees.get.200.json"));

        HttpResponse<String> created =
                http.api(
                        "POST", "/employees", example("requests/employees.create.json").toString());
        assertEquals(201, created.statusCode(), created.body());
        ObjectNode emp = (ObjectNode) json(created);
        ObjectNode expected = (ObjectNode) example("responses/employees.create.201.json");
        for (String f : new String[] {"id", "created_at", "updated_at"}) {
            expected.set(f, emp.get(f));
        }
        assertEquals(expected, emp);
        assertTrue(emp.get("invitation_pending").asBoolean());
        assertEquals(3, json(http.get("/employees")).get("employees").size());

        HttpResponse<String> updated =
                http.api(
                        "PATCH",
                        "/employees/" + ALEX,
                        example("requests/employees.update.json").toString());
        assertEquals(200, updated.statusCode());
        ObjectNode expectedUpdate = (ObjectNode) example("responses/employees.update.200.json");
        expectedUpdate.set("updated_at", json(updated).get("updated_at"));
        assertEquals(expectedUpdate, json(updated));
        assertNotEquals("2026-05-04T17:20:03Z", json(updated).get("updated_at").asText());

        assertEquals(204, http.api("DELETE", "/employees/" + ALEX, null).statusCode());
        assertJson(http.get("/employees/" + ALEX), 404, json("{\"error\":\"Employee not found\"}"));
        assertEquals(2, json(http.get("/employees")).get("employees").size());
    }

    @Test
    void employeeValidation(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(
                http.api(
                        "POST",
                        "/employees",
                        "{\"name\":\"Alex 2\",\"email\":\"ALEX.WONG@example.com\"}"),
                422,
                example("errors/422.employee-email-taken.json"));
        // unique across all accounts: company B's employee address is taken too
        assertJson(
                http.api(
                        "POST",
                        "/employees",
                        "{\"name\":\"R\",\"email\":\"robin.okafor@example.net\"}"),
                422,
                example("errors/422.employee-email-taken.json"));
        assertJson(
                http.api("POST", "/employees", "{\"phone\":\"12\"}"),
                422,
                json(
                        "{\"errors\":{\"name\":[\"can't be blank\"],\"email\":[\"can't be blank\"],"
                                + "\"phone\":[\"is invalid\"]}}"));
        assertJson(
                http.api("POST", "/employees", "{\"name\":\"N\",\"email\":\"not-an-email\"}"),
                422,
                json("{\"errors\":{\"email\":[\"is invalid\"]}}"));
        // an employee may keep its own address
        assertEquals(
                200,
                http.api("PATCH", "/employees/" + ALEX, "{\"email\":\"alex.wong@example.com\"}")
                        .statusCode());
        assertEquals(2, json(http.get("/employees")).get("employees").size());
    }

    @Test
    void callerContext(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> match = http.get("/caller_context?phone=%2B14155550177");
        assertEquals(200, match.statusCode());
        ObjectNode expected = (ObjectNode) example("responses/caller-context.get.200.json");
        expected.set("enriched_at", json(match).get("enriched_at"));
        assertEquals(expected, json(match));
        assertTrue(json(match).get("enriched_at").asText().endsWith("Z"));

        JsonNode none = json(http.get("/caller_context?phone=%2B14155550199"));
        assertEquals(0, none.get("contexts").size());
        assertTrue(none.get("enriched_at").isTextual());

        assertJson(
                http.get("/caller_context?phone=415%20555%200199"),
                200,
                example("responses/caller-context.invalid-input.200.json"));
        assertJson(http.get("/caller_context"), 400, example("errors/400.missing-parameter.json"));
        assertJson(
                http.get("/caller_context?phone="),
                400,
                example("errors/400.missing-parameter.json"));
    }
}
