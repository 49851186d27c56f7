package com.example.phoneinc.example;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs against the packaged application (the jar, or the native executable with {@code -Dnative}):
 * default mode, embedded simulator, JSON in and out through the component's models.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppIT.Dirs.class)
class PackagedAppIT {

    /**
     * Temporary directories for the launched application, and no schedule: the test triggers the
     * triage. The packaged application runs with the prod profile, where the voicemail consumer
     * polls 2 s after start ({@code %test.} settings do not apply to it) and would ticket the
     * voicemails before the test's {@code POST /triage}.
     */
    public static class Dirs extends TempDirsResource {

        @Override
        public Map<String, String> start() {
            Map<String, String> properties = new HashMap<>(super.start());
            properties.put("phoneinc.triage.schedule-enabled", "false");
            return properties;
        }

        /**
         * Quarkus stops the test resources before the launched application, which may still write
         * into the state directory as it stops (the consumer's watermark file): the directories are
         * deleted when the test JVM exits, after the application.
         */
        @Override
        public void stop() {
            Runtime.getRuntime().addShutdownHook(new Thread(this::delete));
        }
    }

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
