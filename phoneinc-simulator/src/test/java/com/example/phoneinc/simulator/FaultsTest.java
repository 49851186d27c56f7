package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PhoneIncSimulatorExtension.class)
class FaultsTest {

    @Test
    void nextRequestsAnswerAStatusThenNormal(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        sim.faults().next(2).status(503);
        assertEquals(2, sim.faults().pending());
        HttpResponse<String> r = http.get("/calls");
        assertEquals(503, r.statusCode());
        assertEquals("Internal server error", json(r).get("error").asText());
        assertEquals(503, http.get("/voicemails").statusCode());
        assertEquals(200, http.get("/calls").statusCode());
        assertEquals(0, sim.faults().pending());
        // faulted requests are counted
        assertEquals(2, sim.hits("GET", "/api/v1/calls"));
        assertEquals(3, sim.totalHits());
    }

    @Test
    void aRequestIsCountedWhenItArrivesAndAnsweredWhenItsAnswerIsSent(PhoneIncSimulator sim)
            throws Exception {
        SimHttp http = new SimHttp(sim);
        sim.faults().next(1).on("GET", "/api/v1/calls").delay(Duration.ofSeconds(1));
        java.util.concurrent.CompletableFuture<HttpResponse<String>> slow =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> http.get("/calls"));
        long until = System.nanoTime() + 5_000_000_000L;
        while (sim.hits("GET", "/api/v1/calls") == 0) {
            assertTrue(System.nanoTime() < until, "the request never arrived");
            Thread.sleep(5);
        }
        assertEquals(0, sim.answered("GET", "/api/v1/calls"), "arrived, not answered yet");
        assertEquals(200, slow.get(5, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        while (sim.answered("GET", "/api/v1/calls") == 0) {
            assertTrue(System.nanoTime() < until, "the answer was never counted");
            Thread.sleep(5);
        }
        assertEquals(1, sim.answered("GET", "/api/v1/calls"));
        assertEquals(0, sim.answered("GET", "/api/v1/voicemails"));
    }

    @Test
    void faultsCanTargetMethodAndPathAndAreConsumedInOrder(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        sim.faults().next(1).on("POST", "/api/v1/contacts").status(500);
        sim.faults().next(1).on(null, "/api/v1/contacts").status(502);
        sim.faults().next(1).status(504);
        assertEquals(502, http.get("/contacts").statusCode());
        assertEquals(
                500, http.api("POST", "/contacts", "{\"phone\":\"+14155550111\"}").statusCode());
        assertEquals(
                504, http.api("POST", "/contacts", "{\"phone\":\"+14155550111\"}").statusCode());
        assertEquals(
                201, http.api("POST", "/contacts", "{\"phone\":\"+14155550111\"}").statusCode());
        assertEquals(0, sim.faults().pending());
    }

    @Test
    void tooManyRequestsWithRetryAfter(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        sim.faults().next(1).on("GET", "/api/v1/calls").tooManyRequests(7);
        HttpResponse<String> r = http.get("/calls");
        assertEquals(429, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(json(r).get("error").isTextual());
        assertEquals(200, http.get("/calls").statusCode());
    }

    @Test
    void htmlBadGatewayAndEmptyBodyAndCustomBody(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        sim.faults().next(1).badGatewayHtml();
        sim.faults().next(1).emptyBody(500);
        sim.faults()
                .next(1)
                .header("X-Trace", "t1")
                .status(503, "text/plain", "down for maintenance");
        HttpResponse<String> html = http.get("/calls");
        assertEquals(502, html.statusCode());
        assertEquals("text/html", html.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(Faults.BAD_GATEWAY_HTML, html.body());
        HttpResponse<String> empty = http.get("/calls");
        assertEquals(500, empty.statusCode());
        assertEquals("", empty.body());
        assertEquals("0", empty.headers().firstValue("Content-Length").orElseThrow());
        assertTrue(empty.headers().firstValue("Content-Type").isEmpty());
        HttpResponse<String> custom = http.get("/calls");
        assertEquals(503, custom.statusCode());
        assertEquals("down for maintenance", custom.body());
        assertEquals("t1", custom.headers().firstValue("X-Trace").orElseThrow());
    }

    @Test
    void delayThenNormalAnswer(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        // long enough that an undelayed call on a loaded machine stays well under it
        long delayMs = 1000;
        sim.faults().next(1).delay(Duration.ofMillis(delayMs));
        long start = System.nanoTime();
        HttpResponse<String> r = http.get("/calls");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, r.statusCode());
        assertTrue(tookMs >= delayMs, "took " + tookMs + " ms");
        start = System.nanoTime();
        assertEquals(200, http.get("/calls").statusCode());
        long nextMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(nextMs < delayMs, "the next call was delayed too: " + nextMs + " ms");
    }

    /** Sends one raw HTTP request and returns everything the server sent until it closed. */
    static byte[] raw(PhoneIncSimulator sim, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(
                    ("GET "
                                    + path
                                    + " HTTP/1.1\r\nHost: x\r\nX-Api-Key: "
                                    + sim.apiKey()
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return in.readAllBytes();
        }
    }

    @Test
    void closeConnectionWithoutResponse(PhoneIncSimulator sim) throws IOException {
        sim.faults().next(1).closeConnection();
        assertEquals(0, raw(sim, "/api/v1/calls").length);
        SimHttp http = SimHttp.fresh(sim);
        sim.faults().next(1).closeConnection();
        assertThrows(UncheckedIOException.class, () -> http.get("/calls"));
        assertEquals(200, http.get("/calls").statusCode());
    }

    @Test
    void resetConnection(PhoneIncSimulator sim) {
        sim.faults().next(1).resetConnection();
        SocketException e = assertThrows(SocketException.class, () -> raw(sim, "/api/v1/calls"));
        assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
        SimHttp http = SimHttp.fresh(sim);
        sim.faults().next(1).resetConnection();
        assertThrows(UncheckedIOException.class, () -> http.get("/calls"));
        assertEquals(200, http.get("/calls").statusCode());
    }

    @Test
    void garbageThenClose(PhoneIncSimulator sim) throws IOException {
        sim.faults().next(1).garbageThenClose();
        byte[] got = raw(sim, "/api/v1/calls");
        assertEquals(Faults.GARBAGE, new String(got, StandardCharsets.ISO_8859_1));
        // The JDK client does not always fail fast on a non-HTTP answer: on Java 17 it may wait
        // for its request timeout. Bound it with a short timeout; either way it must fail.
        SimHttp http = SimHttp.fresh(sim, Duration.ofSeconds(1));
        sim.faults().next(1).garbageThenClose();
        assertThrows(UncheckedIOException.class, () -> http.get("/calls"));
        assertEquals(200, new SimHttp(sim).get("/calls").statusCode());
    }

    @Test
    void oauthEndpointsCanBeFaulted(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        sim.faults().next(1).on("POST", "/oauth/token").status(503);
        assertEquals(200, http.get("/calls").statusCode());
        assertEquals(503, http.send("POST", "/oauth/token", "grant_type=x").statusCode());
        assertEquals(1, sim.hits("POST", "/oauth/token"));
    }

    @Test
    void controlApiIsNeverFaultedNorCounted(PhoneIncSimulator sim) {
        SimHttp http = new SimHttp(sim);
        sim.faults().next(5).status(500);
        assertEquals(200, http.send("GET", "/_sim/hits", null).statusCode());
        assertEquals(200, http.send("GET", "/_sim/faults", null).statusCode());
        assertEquals(0, sim.totalHits());
        assertEquals(5, sim.faults().pending());
        assertEquals(0, sim.requests().size());
    }

    @Test
    void faultsViaTheControlApi(PhoneIncSimulator sim) throws IOException {
        SimHttp http = new SimHttp(sim);
        HttpResponse<String> added =
                http.send(
                        "POST",
                        "/_sim/faults",
                        "{\"count\":2,\"method\":\"GET\",\"path\":\"/api/v1/calls\",\"type\":\"status\",\"status\":500}");
        assertEquals(201, added.statusCode(), added.body());
        assertEquals(2, json(added).get("pending").asInt());
        http.send("POST", "/_sim/faults", "{\"type\":\"too_many_requests\",\"retry_after\":3}");
        http.send("POST", "/_sim/faults", "{\"type\":\"html502\"}");
        http.send("POST", "/_sim/faults", "{\"type\":\"empty\",\"status\":503}");
        http.send("POST", "/_sim/faults", "{\"type\":\"delay\",\"delay_ms\":50}");
        http.send("POST", "/_sim/faults", "{\"type\":\"garbage\"}");
        http.send("POST", "/_sim/faults", "{\"type\":\"reset\"}");
        http.send("POST", "/_sim/faults", "{\"type\":\"close\"}");
        assertEquals(8, json(http.send("GET", "/_sim/faults", null)).size());
        assertEquals(9, sim.faults().pending());
        assertEquals(500, http.get("/calls").statusCode());
        assertEquals(500, http.get("/calls").statusCode());
        HttpResponse<String> tooMany = http.get("/voicemails");
        assertEquals(429, tooMany.statusCode());
        assertEquals("3", tooMany.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(
                "text/html", http.get("/calls").headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> empty = http.get("/calls");
        assertEquals(503, empty.statusCode());
        assertEquals("", empty.body());
        assertEquals(200, http.get("/calls").statusCode());
        assertEquals(
                Faults.GARBAGE, new String(raw(sim, "/api/v1/calls"), StandardCharsets.ISO_8859_1));
        assertThrows(SocketException.class, () -> raw(sim, "/api/v1/calls"));
        assertEquals(0, raw(sim, "/api/v1/calls").length);
        assertEquals(200, http.get("/calls").statusCode());
        assertEquals(400, http.send("POST", "/_sim/faults", "{\"type\":\"meteor\"}").statusCode());
        http.send("POST", "/_sim/faults", "{\"count\":3}");
        assertEquals(204, http.send("DELETE", "/_sim/faults", null).statusCode());
        assertEquals(0, sim.faults().pending());
    }
}
