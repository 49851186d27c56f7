package com.example.phoneinc.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retry recipes of docs/low-code.adoc, read from the page and run on Camel Main (which reads
 * camel.beans.* as JBang does): with them a 503 inside a Kamelet is retried as the component's
 * policy says; without {@code noErrorHandler} it is not (why the page asks for it).
 */
class KameletRetriesTest {

    @TempDir Path dir;
    private PhoneIncSimulator sim;
    private Main main;

    @BeforeEach
    void simulator() {
        sim = PhoneIncSimulator.builder().port(0).build().start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        sim.close();
    }

    private CamelContext start(String properties, String yaml) throws Exception {
        Path routes = dir.resolve("routes.yaml");
        Files.writeString(routes, yaml);
        Properties props = new Properties();
        props.load(new StringReader(properties));
        main = new Main();
        props.forEach((k, v) -> main.addInitialProperty((String) k, (String) v));
        // the simulator instead of Phone.inc, for every Kamelet
        for (String kamelet : Kamelets.NAMES) {
            main.addInitialProperty("camel.kamelet." + kamelet + ".apiKey", sim.apiKey());
            main.addInitialProperty("camel.kamelet." + kamelet + ".baseUrl", sim.baseUrl());
        }
        main.configure().withRoutesIncludePattern("file:" + routes);
        main.start();
        return main.getCamelContext();
    }

    private static final String SINK_ROUTE =
            """
            - route:
                routeConfigurationId: phoneinc-error-handling
                from:
                  uri: direct:contacts
                  steps:
                    - to: kamelet:phoneinc-contact-sink
            """;

    @Test
    void theRouteRecipeRetriesAFailedCallInsideAKamelet() throws Exception {
        CamelContext context = start(DocBlocks.text("lowcode-retry-route"), SINK_ROUTE);
        sim.faults().next(1).on("POST", "/api/v1/contacts").status(503);

        Exchange out =
                context.createProducerTemplate()
                        .request(
                                "direct:contacts",
                                e ->
                                        e.getMessage()
                                                .setBody(
                                                        "{\"name\":\"Robin Vale\",\"phone\":\"+14155550145\"}"));

        assertNull(out.getException());
        assertTrue(
                out.getMessage().getBody(String.class).contains("\"id\""),
                "the created contact, not the dead-lettered input");
        assertEquals(2, sim.hits("POST", "/api/v1/contacts"), "503, then created");
    }

    @Test
    void withoutNoErrorHandlerTheKameletDeadLettersAt503WithoutRetrying() throws Exception {
        String withoutLine =
                DocBlocks.text("lowcode-retry-route")
                        .replace("camel.component.kamelet.noErrorHandler=true\n", "");
        CamelContext context = start(withoutLine, SINK_ROUTE);
        sim.faults().next(1).on("POST", "/api/v1/contacts").status(503);

        Exchange out =
                context.createProducerTemplate()
                        .request(
                                "direct:contacts",
                                e ->
                                        e.getMessage()
                                                .setBody(
                                                        "{\"name\":\"Robin Vale\",\"phone\":\"+14155550146\"}"));

        assertEquals(1, sim.hits("POST", "/api/v1/contacts"), "not retried");
        assertTrue(
                String.valueOf(out.getProperty(Exchange.EXCEPTION_CAUGHT)).contains("503"),
                "dead-lettered inside the Kamelet, the caller's onException never saw it");
    }

    @Test
    void thePipeRecipeRetriesInsideTheKamelet() throws Exception {
        CamelContext context =
                start(
                        DocBlocks.text("lowcode-retry-pipe"),
                        """
                        apiVersion: camel.apache.org/v1
                        kind: Pipe
                        metadata:
                          name: callers
                        spec:
                          source:
                            ref:
                              kind: Kamelet
                              apiVersion: camel.apache.org/v1
                              name: phoneinc-voicemail-source
                            properties:
                              delay: 200
                          steps:
                            - ref:
                                kind: Kamelet
                                apiVersion: camel.apache.org/v1
                                name: phoneinc-caller-context-action
                          sink:
                            uri: mock:callers
                        """);
        MockEndpoint callers = context.getEndpoint("mock:callers", MockEndpoint.class);
        callers.expectedMessageCount(1);
        // the second poll has begun: the first one (the startFrom=now baseline) is done
        KameletTestSupport.await(
                () -> sim.hits("GET", "/api/v1/voicemails") >= 2, "the first voicemail poll");
        sim.faults().next(1).on("GET", "/api/v1/caller_context").status(503);

        sim.simulateVoicemail("+14155550177", "retried");

        callers.assertIsSatisfied(15_000);
        Exchange e = callers.getReceivedExchanges().get(0);
        assertTrue(
                e.getMessage()
                        .getHeader("phoneinc-caller-context", String.class)
                        .contains("Morgan Ellis"));
        assertEquals(2, sim.hits("GET", "/api/v1/caller_context"), "503, then the context");
    }
}
