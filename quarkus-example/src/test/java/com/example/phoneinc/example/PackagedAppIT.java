package com.example.phoneinc.example;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Runs against the packaged application (the jar, or the native executable with {@code -Dnative}):
 * default mode, embedded simulator, JSON in and out through the component's models.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppIT.Dirs.class)
class PackagedAppIT {

    /** Temporary directories for the launched application; no schedule, the test triggers. */
    public static class Dirs extends TempDirsResource {}

    @Test
    void triageAndCallerLookupWorkInThePackagedApplication() {
        given().post("/triage")
                .then()
                .statusCode(200)
                .body("tickets_written", equalTo(2))
                .body("marked_listened", equalTo(2));
        given().get("/callers/{number}", "+14155550177")
                .then()
                .statusCode(200)
                .body("recent_calls[0].from", equalTo("+14155550177"))
                .body("caller_context.contexts[0].customer.name", equalTo("Morgan Ellis"));
        given().get("/callers/{number}", "4155550177")
                .then()
                .statusCode(400)
                .body("error", containsString("E.164"));
    }
}
