package com.example.phoneinc.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.simulator.SimulatorClient;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.LogRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test mode with nothing configured: the Dev Services start the simulator, the configuration they
 * supply reaches the component (not just MicroProfile Config), and a real call is answered by it.
 */
class DevServicesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP =
            new QuarkusUnitTest()
                    .withEmptyApplication()
                    .setLogRecordPredicate(
                            r ->
                                    r.getLoggerName()
                                            .equals(PhoneIncDevServicesProcessor.class.getName()))
                    .assertLogRecords(DevServicesTest::startWasLogged);

    @Inject CamelContext context;

    @Inject ProducerTemplate template;

    @ConfigProperty(name = "camel.component.phoneinc.base-url")
    String baseUrl;

    @ConfigProperty(name = "camel.component.phoneinc.oauth-base-url")
    String rootUrl;

    static void startWasLogged(List<LogRecord> records) {
        assertTrue(
                records.stream()
                        .anyMatch(
                                r -> r.getMessage().contains("Dev Services for Phone.inc started")),
                "start logged: " + records.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void theComponentIsConfiguredWithTheSimulatorsAddresses() {
        assertTrue(baseUrl.matches("http://127\\.0\\.0\\.1:\\d+/api/v1"), baseUrl);
        assertEquals(baseUrl.replace("/api/v1", ""), rootUrl);

        PhoneIncComponent phoneinc = context.getComponent("phoneinc", PhoneIncComponent.class);
        assertEquals(baseUrl, phoneinc.getConfiguration().getBaseUrl());
        assertEquals(rootUrl, phoneinc.getConfiguration().getOauthBaseUrl());
        assertTrue(
                phoneinc.getConfiguration().getApiKey().startsWith("phk_Sim"),
                "the simulator's demo key");
    }

    @Test
    void callsAreAnsweredByTheSimulator() {
        SimulatorClient sim = SimulatorClient.at(rootUrl);
        sim.reset();
        @SuppressWarnings("unchecked")
        List<Voicemail> voicemails = template.requestBody("phoneinc:voicemails", null, List.class);
        assertEquals(3, voicemails.size(), "the simulator's seed data");
        assertEquals(1, sim.hits("GET", "/api/v1/voicemails"));
    }
}
