package com.example.phoneinc.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.docs.DocBlocks;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The printed Dev Services settings: both keys are understood. The printed port (8089) is swapped
 * for one that is free right now, so the test cannot collide with a simulator already there.
 */
class DocumentedDevServicesConfigTest {

    static final int PORT = freePort();

    @RegisterExtension static final QuarkusUnitTest APP = printedWithFreePort();

    static QuarkusUnitTest printedWithFreePort() {
        Map<String, String> printed;
        try {
            printed =
                    DocumentedQuarkusSectionTest.properties(
                            DocBlocks.text("quarkus-devservices-config"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals("true", printed.get("quarkus.phoneinc.devservices.enabled"));
        assertEquals("8089", printed.get("quarkus.phoneinc.devservices.port"));
        assertEquals(2, printed.size(), printed.toString());
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClass(DocumentedQuarkusSectionTest.class))
                .overrideConfigKey("quarkus.phoneinc.devservices.enabled", "true")
                .overrideConfigKey("quarkus.phoneinc.devservices.port", String.valueOf(PORT));
    }

    /**
     * One port for the JVM: this class is initialized by JUnit and again inside the application.
     */
    private static int freePort() {
        Integer chosen = Integer.getInteger("phoneinc.test.devservices-port");
        if (chosen != null) {
            return chosen;
        }
        try (ServerSocket s = new ServerSocket(0)) {
            System.setProperty("phoneinc.test.devservices-port", String.valueOf(s.getLocalPort()));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Inject CamelContext context;

    @Test
    void theSimulatorListensOnTheConfiguredPort() {
        String baseUrl =
                context.getComponent("phoneinc", PhoneIncComponent.class)
                        .getConfiguration()
                        .getBaseUrl();
        assertEquals("http://127.0.0.1:" + PORT + "/api/v1", baseUrl);
    }
}
