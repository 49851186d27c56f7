package com.example.phoneinc.springboot.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.simulator.CallOutcome;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.util.Map;
import org.apache.camel.EndpointInject;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The consumers under the starter, as a Spring Boot user runs them: the polling consumer, and the
 * webhook consumer on Spring Boot's own web server through camel-platform-http-starter, against the
 * simulator; the consumer's health check shows in Actuator's Camel health.
 */
@CamelSpringBootTest
@SpringBootTest(
        classes = StarterConsumersTest.ConsumersApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "management.endpoint.health.show-details=always",
            "camel.health.exposure-level=full",
            "camel.component.phoneinc.webhook-secret=whs_SpringBootSecret0123456789"
        })
@DirtiesContext
class StarterConsumersTest {

    static final PhoneIncSimulator SIM = PhoneIncSimulator.builder().port(0).build().start();
    static final int PORT = AvailablePortFinder.getNextAvailable();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("camel.component.phoneinc.base-url", SIM::baseUrl);
        registry.add("camel.component.phoneinc.api-key", SIM::apiKey);
        registry.add("server.port", () -> PORT);
        registry.add("server.address", () -> "127.0.0.1");
    }

    @AfterAll
    static void stop() {
        SIM.close();
    }

    @SpringBootApplication
    static class ConsumersApp {
        @Bean
        RouteBuilder consumers() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("phoneinc:voicemails?delay=200&initialDelay=0")
                            .routeId("voicemails")
                            .to("mock:voicemails");
                    from("webhook:phoneinc:events?events=call.ended"
                                    + "&webhookComponentName=platform-http&webhookPath=/hooks/phoneinc"
                                    + "&webhookExternalUrl=http://127.0.0.1:{{server.port}}")
                            .routeId("events")
                            .to("mock:events");
                }
            };
        }
    }

    @Autowired HealthEndpoint health;

    @EndpointInject("mock:voicemails")
    MockEndpoint voicemails;

    @EndpointInject("mock:events")
    MockEndpoint events;

    @Test
    void pollingAndWebhookConsumersWorkUnderTheStarter() throws Exception {
        // the polling consumer's baseline: its first poll has ended once the second one starts
        long until = System.nanoTime() + 10_000_000_000L;
        while (SIM.hits("GET", "/api/v1/voicemails") < 2) {
            assertTrue(System.nanoTime() < until, "the voicemail consumer never polled twice");
            Thread.sleep(20);
        }
        String vm = SIM.simulateVoicemail("+14155550177", "Please call back");
        String call = SIM.simulateIncomingCall("+14155550188", CallOutcome.ANSWERED).callId();
        voicemails.expectedMessageCount(1);
        events.expectedMessageCount(1);
        MockEndpoint.assertIsSatisfied(
                10, java.util.concurrent.TimeUnit.SECONDS, voicemails, events);

        assertEquals(
                vm, voicemails.getExchanges().get(0).getMessage().getBody(Voicemail.class).getId());
        assertEquals(
                "call.ended:" + call,
                events.getExchanges().get(0).getMessage().getHeader(PhoneIncConstants.EVENT_KEY));
        assertTrue(
                SIM.webhookDeliveries().stream().allMatch(d -> d.status() / 100 == 2),
                SIM.webhookDeliveries().toString());

        Health camelHealth = (Health) health.healthForPath("camelHealth");
        Map<String, Object> details = camelHealth.getDetails();
        assertEquals("UP", details.get("consumer:voicemails"), details.toString());
    }
}
