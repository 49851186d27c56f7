package com.example.phoneinc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PerTestExtensionTest {

    static final AtomicReference<PhoneIncSimulator> SEEN = new AtomicReference<>();

    @RegisterExtension
    final PhoneIncSimulatorExtension ext =
            PhoneIncSimulatorExtension.perTest(
                    () -> PhoneIncSimulator.builder().invalidKeyLimit(2));

    @Test
    void one(PhoneIncSimulator sim) {
        check(sim);
    }

    @Test
    void two(PhoneIncSimulator sim) {
        check(sim);
    }

    private void check(PhoneIncSimulator sim) {
        assertSame(sim, ext.simulator());
        PhoneIncSimulator previous = SEEN.getAndSet(sim);
        if (previous != null) {
            assertNotSame(previous, sim);
            assertEquals(false, accepts(previous.port()), "previous simulator still listening");
        }
        SimHttp http = new SimHttp(sim);
        assertEquals(
                401, http.send("GET", "/api/v1/calls", null, "X-Api-Key", "phk_x").statusCode());
        assertEquals(
                401, http.send("GET", "/api/v1/calls", null, "X-Api-Key", "phk_x").statusCode());
        // configured limit of 2, fresh simulator: not blocked by the other test's attempts
        assertEquals(429, http.get("/calls").statusCode());
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
