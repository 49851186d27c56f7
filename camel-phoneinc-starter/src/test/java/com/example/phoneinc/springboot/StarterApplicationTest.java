package com.example.phoneinc.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.api.PhoneIncNotFoundException;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import com.example.phoneinc.springboot.app.VoicemailApp;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An application made of nothing but the starter, properties and routes ({@link VoicemailApp}),
 * against the simulator on a random port: the auto-configuration comes from the starter's
 * AutoConfiguration.imports, the retry policy from one property.
 */
@CamelSpringBootTest
@SpringBootTest(
        classes = VoicemailApp.class,
        properties = {
            "camel.component.phoneinc.error-handling.enabled=true",
            "camel.component.phoneinc.error-handling.dead-letter-uri=mock:dead",
            // the documented backoff (1 s, 2 s, ...) scaled down for the test
            "camel.component.phoneinc.error-handling.base-delay=10",
            "camel.component.phoneinc.error-handling.max-delay=40",
            "management.endpoint.health.show-details=always",
            "camel.health.exposure-level=full"
        })
@DirtiesContext
class StarterApplicationTest {

    // started before Spring loads the context (Camel's test listener does that before any JUnit
    // beforeAll callback), on a random loopback port
    static final PhoneIncSimulator SIM = PhoneIncSimulator.builder().port(0).build().start();

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.phoneinc.base-url", SIM::baseUrl);
        registry.add("camel.component.phoneinc.api-key", SIM::apiKey);
    }

    @AfterAll
    static void stopSimulator() {
        SIM.close();
    }

    @Autowired ApplicationContext spring;
    @Autowired CamelContext camel;
    @Autowired ProducerTemplate template;
    @Autowired HealthEndpoint health;

    @EndpointInject("mock:dead")
    MockEndpoint dead;

    final PhoneIncSimulator sim = SIM;

    @BeforeEach
    void setUp() {
        sim.reset();
        dead.reset();
    }

    @Test
    void theAutoConfigurationComesFromTheImportsFile() {
        // auto-configurations are registered under their class name, scanned classes are not
        assertTrue(
                spring.containsBean(PhoneIncComponentAutoConfiguration.class.getName()),
                "registered by AutoConfiguration.imports");
        assertTrue(spring.containsBean(PhoneIncComponentConverter.class.getName()));
        PhoneIncComponent component = camel.getComponent("phoneinc", PhoneIncComponent.class);
        assertEquals(sim.baseUrl(), component.getBaseUrl());
    }

    @Test
    void listsVoicemails() {
        List<?> voicemails = template.requestBody("direct:voicemails", null, List.class);

        assertEquals(3, voicemails.size());
        Voicemail first = assertInstanceOf(Voicemail.class, voicemails.get(0));
        assertEquals("+14155550199", first.getFrom());
        assertEquals(1, sim.hits("GET", "/api/v1/voicemails"));
        assertEquals(
                sim.apiKey(),
                sim.lastRequest("GET", "/api/v1/voicemails").orElseThrow().header("X-Api-Key"));
    }

    @Test
    void retries503sWithThePolicyFromProperties() throws Exception {
        sim.faults().next(2).on("GET", "/api/v1/voicemails").status(503);

        Exchange result = template.request("direct:voicemails", e -> {});

        assertEquals(null, result.getException());
        assertEquals(3, result.getMessage().getBody(List.class).size());
        assertEquals(3, sim.hits("GET", "/api/v1/voicemails"), "503, 503, then 200");
        assertEquals(2, result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class));
        dead.expectedMessageCount(0);
        dead.assertIsSatisfied();
    }

    @Test
    void deadLettersA404WithItsOriginalBody() throws Exception {
        dead.expectedBodiesReceived("0196c0b5-0000-7000-8000-000000000404");

        template.requestBody("direct:markListened", "0196c0b5-0000-7000-8000-000000000404");

        dead.assertIsSatisfied();
        Exchange deadLetter = dead.getReceivedExchanges().get(0);
        assertInstanceOf(
                PhoneIncNotFoundException.class,
                deadLetter.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        assertEquals(
                1,
                sim.hits("PATCH", "/api/v1/voicemails/0196c0b5-0000-7000-8000-000000000404"),
                "a 404 is never retried");
    }

    @Test
    void camelHealthInActuatorIsUpWithThePhoneIncRoutes() {
        Health camelHealth = (Health) health.healthForPath("camelHealth");

        assertEquals(Status.UP, health.health().getStatus());
        assertEquals(Status.UP, camelHealth.getStatus());
        Map<String, Object> details = camelHealth.getDetails();
        assertEquals("UP", details.get("route:phoneinc-voicemails"), details.toString());
        assertEquals("UP", details.get("route:phoneinc-mark-listened"), details.toString());
    }
}
