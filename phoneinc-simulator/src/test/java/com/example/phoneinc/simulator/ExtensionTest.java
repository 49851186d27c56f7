package com.example.phoneinc.simulator;

import static com.example.phoneinc.simulator.SimHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.example.phoneinc.simulator.junit.PhoneIncSimulatorExtension;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTest {

    @RegisterExtension
    static final PhoneIncSimulatorExtension EXT =
            PhoneIncSimulatorExtension.withConfig(
                    () -> PhoneIncSimulator.builder().clientId("custom-client"));

    static final AtomicReference<PhoneIncSimulator> FIRST = new AtomicReference<>();

    @Test
    @Order(1)
    void mutateState(PhoneIncSimulator sim) {
        FIRST.set(sim);
        assertSame(sim, EXT.simulator());
        assertEquals("custom-client", sim.clientId());
        SimHttp http = new SimHttp(sim);
        assertEquals(
                204,
                http.api("DELETE", "/contacts/0196a9f1-2d3e-7f40-a1b2-c3d4e5f60a21", null)
                        .statusCode());
        sim.faults().next(5).status(500);
    }

    @Test
    @Order(2)
    void sameSimulatorButResetBeforeEachTest(PhoneIncSimulator sim) {
        assertSame(FIRST.get(), sim);
        assertEquals(0, sim.faults().pending());
        assertEquals(0, sim.totalHits());
        assertEquals(2, json(new SimHttp(sim).get("/contacts")).size());
    }

    @Nested
    class Inner {
        @Test
        void nestedClassesShareTheOuterSimulator(PhoneIncSimulator sim) {
            assertSame(FIRST.get() == null ? sim : FIRST.get(), sim);
            assertEquals(200, new SimHttp(sim).get("/calls").statusCode());
        }
    }
}
