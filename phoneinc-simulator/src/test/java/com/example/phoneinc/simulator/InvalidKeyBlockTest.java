package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.assertJson;
import static com.example.phoneinc.simulator.SimHttp.example;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvalidKeyBlockTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-12T16:00:00Z"));

    @RegisterExtension
    static final PhoneIncSimulatorExtension EXT =
            PhoneIncSimulatorExtension.withConfig(
                    () ->
                            PhoneIncSimulator.builder()
                                    .clock(CLOCK)
                                    .invalidKeyLimit(3)
                                    .invalidKeyWindow(Duration.ofSeconds(10))
                                    .blockDuration(Duration.ofSeconds(60))
                                    .trustForwardedFor(true));

    private static HttpResponse<String> call(SimHttp http, String key, String ip) {
        return http.send("GET", "/api/v1/calls", null, "X-Api-Key", key, "X-Forwarded-For", ip);
    }

    @Test
    void limitAttemptsThenBlockedFor60Seconds(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        for (int i = 0; i < 3; i++) {
            assertJson(
                    call(http, "phk_bad", "10.0.0.1"),
                    401,
                    example("errors/401.invalid-api-key.json"));
        }
        // the request after the limit is blocked, even with a valid key
        HttpResponse<String> blocked = call(http, sim.apiKey(), "10.0.0.1");
        assertJson(blocked, 429, example("errors/429.too-many-failed-key-attempts.json"));
        assertEquals("60", blocked.headers().firstValue("Retry-After").orElseThrow());
        // other addresses are not affected
        assertEquals(200, call(http, sim.apiKey(), "10.0.0.2").statusCode());
        // blocked requests on any /api/v1 path; the Retry-After counts down
        CLOCK.advance(Duration.ofMillis(20_500));
        HttpResponse<String> later =
                http.send("GET", "/api/v1/contacts", null, "X-Forwarded-For", "10.0.0.1");
        assertEquals(429, later.statusCode());
        assertEquals("40", later.headers().firstValue("Retry-After").orElseThrow());
        // OAuth endpoints are outside /api/v1 and not blocked
        assertEquals(
                401,
                http.send("POST", "/oauth/token", "", "X-Forwarded-For", "10.0.0.1").statusCode());
        CLOCK.advance(Duration.ofSeconds(40));
        assertEquals(200, call(http, sim.apiKey(), "10.0.0.1").statusCode());
        // the budget starts from zero after a block
        assertEquals(401, call(http, "phk_bad", "10.0.0.1").statusCode());
        assertEquals(200, call(http, sim.apiKey(), "10.0.0.1").statusCode());
    }

    @Test
    void attemptsOutsideTheWindowDoNotCount(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        assertEquals(401, call(http, "phk_bad", "10.0.0.3").statusCode());
        assertEquals(401, call(http, "phk_bad", "10.0.0.3").statusCode());
        CLOCK.advance(Duration.ofSeconds(11));
        assertEquals(401, call(http, "phk_bad", "10.0.0.3").statusCode());
        assertEquals(401, call(http, "phk_bad", "10.0.0.3").statusCode());
        assertEquals(200, call(http, sim.apiKey(), "10.0.0.3").statusCode());
        assertEquals(401, call(http, "phk_bad", "10.0.0.3").statusCode());
        assertEquals(429, call(http, sim.apiKey(), "10.0.0.3").statusCode());
    }

    @Test
    void validKeysAndBadOAuthTokensDoNotCount(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, call(http, sim.apiKey(), "10.0.0.4").statusCode());
            assertEquals(401, call(http, "oauth-garbage", "10.0.0.4").statusCode());
        }
        assertEquals(200, call(http, sim.apiKey(), "10.0.0.4").statusCode());
    }

    @Test
    void resetLiftsBlocks(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        for (int i = 0; i < 3; i++) {
            call(http, "phk_bad", "10.0.0.5");
        }
        assertEquals(429, call(http, sim.apiKey(), "10.0.0.5").statusCode());
        sim.reset();
        assertEquals(200, call(http, sim.apiKey(), "10.0.0.5").statusCode());
    }

    @Test
    void defaultsFollowTheDocs() {
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().build().start()) {
            SimHttp http = new SimHttp(sim);
            for (int i = 0; i < 10; i++) {
                assertEquals(
                        401,
                        http.send("GET", "/api/v1/calls", null, "X-Api-Key", "phk_x").statusCode(),
                        "attempt " + (i + 1));
            }
            HttpResponse<String> r =
                    http.send("GET", "/api/v1/calls", null, "X-Api-Key", sim.apiKey());
            assertEquals(429, r.statusCode());
            assertEquals("60", r.headers().firstValue("Retry-After").orElseThrow());
        }
    }
}
