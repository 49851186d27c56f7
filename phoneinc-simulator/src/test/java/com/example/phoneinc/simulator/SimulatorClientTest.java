package com.example.phoneinc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The remote control client against a real simulator, checked through the simulator's own API. */
@ExtendWith(PhoneIncSimulatorExtension.class)
class SimulatorClientTest {

    @Test
    void hitsFaultsVoicemailsAndResetOverTheControlApi(PhoneIncSimulator sim) {
        SimulatorClient remote = SimulatorClient.at(sim.rootUrl() + "/");
        assertEquals(sim.rootUrl(), remote.rootUrl());
        SimHttp http = new SimHttp(sim);

        remote.faults().next(2).on("GET", "/api/v1/calls").status(503);
        assertEquals(2, remote.faults().pending());
        assertEquals(2, sim.faults().pending());
        assertEquals(503, http.get("/calls").statusCode());
        assertEquals(1, remote.faults().pending());
        assertEquals(503, http.get("/calls").statusCode());
        assertEquals(200, http.get("/calls").statusCode());
        assertEquals(3, remote.hits("get", "/api/v1/calls"));
        assertEquals(3, remote.totalHits());
        assertEquals(0, remote.hits("GET", "/api/v1/voicemails"));

        remote.faults()
                .next(1)
                .on("POST", "/api/v1/contacts")
                .status(422, "application/json", "{\"errors\":{\"phone\":[\"is invalid\"]}}");
        var invalid = http.api("POST", "/contacts", "{\"phone\":\"+14155550100\"}");
        assertEquals(422, invalid.statusCode());
        assertEquals("{\"errors\":{\"phone\":[\"is invalid\"]}}", invalid.body());
        assertEquals("application/json", invalid.headers().firstValue("Content-Type").orElse(""));

        String id = remote.simulateVoicemail("+14155550123", "Call me back about the invoice.");
        assertEquals(4, sim.totalHits(), "control calls are not counted as hits");
        assertTrue(http.get("/voicemails/" + id).body().contains("Call me back"));

        remote.reset();
        assertEquals(0, sim.totalHits());
        assertEquals(404, http.get("/voicemails/" + id).statusCode());
    }

    @Test
    void aRefusedControlCallFailsWithTheAnswer(PhoneIncSimulator sim) {
        SimulatorClient remote = SimulatorClient.at(sim.rootUrl());
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> remote.simulateVoicemail("4155550123", "not E.164"));
        assertTrue(e.getMessage().contains("answered 400"), e.getMessage());
        assertTrue(e.getMessage().contains("E.164"), e.getMessage());
    }
}
