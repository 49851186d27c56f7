package com.example.phoneinc.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A webhook secret shorter than 16 characters, on the endpoint or the component, stops the route at
 * start with a message naming the option, and nothing is subscribed. The component accepts the
 * value when it is set (a Kamelet builds it as a bean, and Camel would swallow a setter's error).
 */
class WebhookSecretLengthTest extends WebhookTestSupport {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aShortSecretFailsTheStartNamingTheOption(boolean onComponent) throws Exception {
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).build().start()) {
            int port = freePort();
            DefaultCamelContext context = context(sim, port);
            if (onComponent) {
                context.getComponent("phoneinc", PhoneIncComponent.class).setWebhookSecret("short");
            }
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from(webhookUri(port, onComponent ? "" : "webhookSecret=short"))
                                    .log("never");
                        }
                    });

            Exception e = assertThrows(Exception.class, context::start);

            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertEquals(
                    "The webhook secret must have at least 16 characters (webhookSecret option)",
                    root.getMessage());
            assertTrue(sim.requests().stream().noneMatch(r -> r.method().equals("POST")));
            context.stop();
        }
    }
}
