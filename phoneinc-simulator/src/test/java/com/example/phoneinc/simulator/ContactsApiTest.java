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

@ExtendWith(PhoneIncSimulatorExtension.class)
class ContactsApiTest {

    static final String DANA = "0196a9f1-2d3e-7f40-a1b2-c3d4e5f60a21";

    @Test
    void listIsABareArrayMatchingTheExample(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> r = http.get("/contacts");
        assertTrue(json(r).isArray());
        assertJson(r, 200, example("responses/contacts.list.200.json"));
    }

    @Test
    void phoneFilterIsNormalised(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        JsonNode expected = example("responses/contacts.list.filtered-by-phone.200.json");
        assertJson(http.get("/contacts?phone=%2B1%20415-555-0123"), 200, expected);
        assertJson(http.get("/contacts?phone=%2B14155550123"), 200, expected);
        assertJson(
                http.get("/contacts?phone=not-a-number"),
                200,
                example("responses/contacts.list.empty.200.json"));
    }

    @Test
    void createNormalisesPhoneAndEmitsNewestFirst(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> r =
                http.api("POST", "/contacts", example("requests/contacts.create.json").toString());
        assertEquals(201, r.statusCode(), r.body());
        ObjectNode created = (ObjectNode) json(r);
        ObjectNode expected = (ObjectNode) example("responses/contacts.create.201.json");
        String id = created.get("id").asText();
        assertTrue(
                id.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
                id);
        assertEquals(created.get("created_at"), created.get("updated_at"));
        for (String f : new String[] {"id", "created_at", "updated_at"}) {
            expected.set(f, created.get(f));
        }
        assertEquals(expected, created);
        assertEquals(created, json(http.get("/contacts/" + id)));
        JsonNode list = json(http.get("/contacts"));
        assertEquals(3, list.size());
        assertEquals(id, list.get(0).get("id").asText());
        assertEquals(1, sim.hits("POST", "/api/v1/contacts"));
        assertEquals(
                example("requests/contacts.create.json"),
                json(sim.lastRequest("POST", "/api/v1/contacts").orElseThrow().body()));
    }

    @Test
    void duplicatePhoneIsTaken(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertJson(
                http.api("POST", "/contacts", "{\"phone\":\"+1 415 555 0123\"}"),
                422,
                example("errors/422.contact-phone-taken.json"));
        // unique per company only: company B may have the same number
        assertEquals(
                422, http.apiB("POST", "/contacts", "{\"phone\":\"+14155550123\"}").statusCode());
        assertEquals(
                201, http.apiB("POST", "/contacts", "{\"phone\":\"+14155550188\"}").statusCode());
    }

    @Test
    void invalidContactListsEveryFieldProblem(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        String body = "{\"email\":\"nope\",\"note\":\"" + "x".repeat(10_001) + "\"}";
        assertJson(
                http.api("POST", "/contacts", body),
                422,
                example("errors/422.contact-invalid.json"));
        HttpResponse<String> invalidPhone =
                http.api("POST", "/contacts", "{\"phone\":\"call me maybe\"}");
        assertJson(invalidPhone, 422, json("{\"errors\":{\"phone\":[\"is invalid\"]}}"));
        // exactly 10000 characters is fine
        String ok = "{\"phone\":\"+4520123456\",\"note\":\"" + "x".repeat(10_000) + "\"}";
        HttpResponse<String> created = http.api("POST", "/contacts", ok);
        assertEquals(201, created.statusCode());
        assertEquals("+45 20 12 34 56", json(created).get("phone_formatted").asText());
        assertEquals(3, json(http.get("/contacts")).size());
    }

    @Test
    void railsStyleWrappedBodyIsAccepted(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> r =
                http.api("POST", "/contacts", "{\"contact\":{\"phone\":\"+14155550111\"}}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("+14155550111", json(r).get("phone").asText());
    }

    @Test
    void updateChangesOnlyGivenFields(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        JsonNode before = json(http.get("/contacts/" + DANA));
        HttpResponse<String> r =
                http.api(
                        "PATCH",
                        "/contacts/" + DANA,
                        example("requests/contacts.update.json").toString());
        assertEquals(200, r.statusCode());
        JsonNode after = json(r);
        assertEquals(example("requests/contacts.update.json").get("note"), after.get("note"));
        assertEquals(before.get("name"), after.get("name"));
        assertEquals(before.get("created_at"), after.get("created_at"));
        assertNotEquals(before.get("updated_at"), after.get("updated_at"));
        assertEquals(after, json(http.get("/contacts/" + DANA)));
        // phone change to a taken number
        assertJson(
                http.api("PATCH", "/contacts/" + DANA, "{\"phone\":\"+14155550188\"}"),
                422,
                example("errors/422.contact-phone-taken.json"));
        assertJson(
                http.api("PATCH", "/contacts/" + DANA, "{\"phone\":null}"),
                422,
                json("{\"errors\":{\"phone\":[\"can't be blank\"]}}"));
        // keeping its own number is not a duplicate
        assertEquals(
                200,
                http.api("PATCH", "/contacts/" + DANA, "{\"phone\":\"+1 415-555-0123\"}")
                        .statusCode());
        assertJson(
                http.api("PATCH", "/contacts/0000", "{}"),
                404,
                example("errors/404.contact-not-found.json"));
    }

    @Test
    void deleteThenNotFound(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> r = http.api("DELETE", "/contacts/" + DANA, null);
        assertEquals(204, r.statusCode());
        assertEquals("", r.body());
        assertJson(
                http.get("/contacts/" + DANA), 404, example("errors/404.contact-not-found.json"));
        assertJson(
                http.api("DELETE", "/contacts/" + DANA, null),
                404,
                example("errors/404.contact-not-found.json"));
        assertEquals(1, json(http.get("/contacts")).size());
    }
}
