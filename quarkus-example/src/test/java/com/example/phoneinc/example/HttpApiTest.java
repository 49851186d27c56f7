package com.example.phoneinc.example;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.phoneinc.simulator.SimulatorClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TempDirsResource.class)
class HttpApiTest {

    /** The Dev Services' simulator: no key or base URL is configured in test mode. */
    final SimulatorClient sim = DevServicesSimulator.client();

    @Inject TicketOutbox outbox;

    @Inject DeadLetterWriter deadLetters;

    @Inject ExampleConfig config;

    @BeforeEach
    void reset() throws Exception {
        sim.reset();
        outbox.clear();
        for (Path p : deadLetters.files()) {
            Files.delete(p);
        }
    }

    @Test
    void callerAnswersRecentCallsAndCallerContext() {
        given().get("/callers/{number}", "+14155550177")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("phone_number", equalTo("+14155550177"))
                .body("recent_calls", hasSize(1))
                .body("recent_calls[0].from", equalTo("+14155550177"))
                .body("recent_calls[0].state", equalTo("ended"))
                .body("caller_context.contexts[0].provider", equalTo("shopify"))
                .body("caller_context.contexts[0].customer.name", equalTo("Morgan Ellis"))
                .body("caller_context.contexts[0].orders[0].name", equalTo("#1042"));
        assertEquals(1, sim.hits("GET", "/api/v1/calls"));
        assertEquals(1, sim.hits("GET", "/api/v1/caller_context"));
    }

    @Test
    void aNumberThatIsNotE164Answers400WithTheComponentsMessageAndSendsNothing() {
        given().get("/callers/{number}", "(415) 555-0177")
                .then()
                .statusCode(400)
                .contentType("application/json")
                .body("error", containsString("is not an E.164 phone number"))
                .body("error", containsString("Nothing was sent"));
        assertEquals(0, sim.totalHits());
    }

    @Test
    void phoneIncs404Answers404() {
        sim.faults().next(1).on("GET", "/api/v1/calls").status(404);

        given().get("/callers/{number}", "+14155550177")
                .then()
                .statusCode(404)
                .body("error", containsString("404"))
                .body("phoneinc_status", equalTo(404));
        assertEquals(1, sim.hits("GET", "/api/v1/calls"), "a 404 is not retried");
    }

    @Test
    void phoneIncs422Answers422WithTheFieldErrors() {
        sim.faults()
                .next(1)
                .on("GET", "/api/v1/caller_context")
                .status(
                        422,
                        "application/json",
                        "{\"error\":\"Validation failed\",\"errors\":{\"phone\":[\"is invalid\"]}}");

        given().get("/callers/{number}", "+14155550177")
                .then()
                .statusCode(422)
                .body("errors.phone[0]", equalTo("is invalid"));
    }

    @Test
    void retryableFailuresAreRetriedThenAnswer503() {
        int attempts = config.http().maximumRedeliveries() + 1;
        sim.faults().next(attempts).on("GET", "/api/v1/calls").status(503);

        given().get("/callers/{number}", "+14155550177")
                .then()
                .statusCode(503)
                .body("phoneinc_status", equalTo(503));
        assertEquals(attempts, sim.hits("GET", "/api/v1/calls"));

        // one failure less and the retry succeeds
        sim.faults().next(attempts - 1).on("GET", "/api/v1/calls").status(503);
        given().get("/callers/{number}", "+14155550177").then().statusCode(200);
    }

    @Test
    void postTriageRunsATriageNow() {
        given().post("/triage")
                .then()
                .statusCode(200)
                .body("tickets_written", equalTo(2))
                .body("marked_listened", equalTo(2));
        given().post("/triage").then().statusCode(200).body("tickets_written", equalTo(0));
    }

    @Test
    void unknownPathsAndMethodsAreRefused() {
        given().get("/triage").then().statusCode(405);
        given().get("/nothing-here").then().statusCode(404);
    }
}
