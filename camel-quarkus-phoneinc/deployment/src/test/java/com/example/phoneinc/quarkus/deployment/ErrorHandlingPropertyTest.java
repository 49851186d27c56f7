package com.example.phoneinc.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.errorhandling.PhoneIncErrorHandling;
import com.example.phoneinc.simulator.SimulatorClient;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Model;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one-line opt-in of docs/error-handling.adoc ({@code camel.beans.phoneincErrorHandling=
 * #class:...PhoneIncErrorHandling#routeConfiguration(...)}) on Camel Quarkus, as printed: the route
 * configuration is bound, found, and retries 503s against the Dev Services' simulator, with no
 * route-discovery exclusion anywhere.
 */
class ErrorHandlingPropertyTest {

    /** A route that names the shipped route configuration. */
    public static class VoicemailRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:voicemails")
                    .routeConfigurationId(PhoneIncErrorHandling.ID)
                    .to("phoneinc:voicemails");
        }
    }

    @RegisterExtension static final QuarkusUnitTest APP = withPrintedProperty();

    static QuarkusUnitTest withPrintedProperty() {
        Properties printed = new Properties();
        try {
            printed.load(new StringReader(DocBlocks.text("errors-policy-property")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(1, printed.size(), "one line: " + printed);
        QuarkusUnitTest app =
                new QuarkusUnitTest()
                        .withApplicationRoot(jar -> jar.addClass(VoicemailRoute.class));
        printed.forEach((k, v) -> app.overrideConfigKey((String) k, (String) v));
        return app;
    }

    @Inject CamelContext context;

    @Inject ProducerTemplate template;

    @ConfigProperty(name = "camel.component.phoneinc.oauth-base-url")
    String simulatorRoot;

    @Test
    void theRouteConfigurationFromThePropertyRetries503s() {
        assertTrue(
                context
                        .getCamelContextExtension()
                        .getContextPlugin(Model.class)
                        .getRouteConfigurationDefinitions()
                        .stream()
                        .anyMatch(c -> PhoneIncErrorHandling.ID.equals(c.getId())),
                "route configuration bound from camel.beans");
        SimulatorClient sim = SimulatorClient.at(simulatorRoot);
        sim.reset();
        sim.faults().next(2).on("GET", "/api/v1/voicemails").status(503);

        List<?> voicemails = template.requestBody("direct:voicemails", null, List.class);

        assertEquals(3, voicemails.size());
        assertEquals(3, sim.hits("GET", "/api/v1/voicemails"), "1 call + 2 redeliveries");
    }
}
