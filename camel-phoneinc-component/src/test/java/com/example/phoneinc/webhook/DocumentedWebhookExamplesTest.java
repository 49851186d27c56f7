package com.example.phoneinc.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.LogCapture;
import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.api.model.Webhook;
import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.docs.JavaSnippets;
import com.example.phoneinc.simulator.CallOutcome;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

/**
 * The webhook examples of docs/phoneinc-component.adoc, read from the page: the secret from the
 * environment (set for this JVM by the surefire configuration), the webhook route and the manual
 * wiring, compiled as printed and run against the simulator on loopback (the printed public URL is
 * pointed at this test's listener).
 */
class DocumentedWebhookExamplesTest extends WebhookTestSupport {

    private static final String ENV_SECRET = System.getenv("PHONEINC_WEBHOOK_SECRET");
    private static final List<String> IMPORTS =
            List.of(
                    "java.util.List",
                    "org.apache.camel.ExchangePattern",
                    "com.example.phoneinc.consumer.PhoneIncWebhookProcessor");

    private RoutesBuilder compile(String id, String snippet) throws Exception {
        String className = "Doc_" + id.replace('-', '_');
        return (RoutesBuilder)
                JavaSnippets.compile(
                                className,
                                JavaSnippets.routeBuilder(className, IMPORTS, snippet),
                                getClass().getClassLoader())
                        .getConstructor()
                        .newInstance();
    }

    /** The properties block applied to the component as Camel Main applies component options. */
    private static void applySecretProperty(DefaultCamelContext context) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(DocBlocks.text("component-webhook-properties")));
        String value = p.getProperty("camel.component.phoneinc.webhook-secret");
        assertEquals("{{env:PHONEINC_WEBHOOK_SECRET}}", value);
        PropertyBindingSupport.build()
                .withCamelContext(context)
                .withTarget(context.getComponent("phoneinc", PhoneIncComponent.class))
                .withProperties(new java.util.HashMap<>(Map.of("webhookSecret", value)))
                .bind();
    }

    @Test
    void webhookRouteAsPrinted() throws Exception {
        int port = freePort();
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).build().start();
                LogCapture log = LogCapture.start(Level.INFO, "ROOT")) {
            DefaultCamelContext context = context(sim, port);
            applySecretProperty(context);
            assertEquals(
                    ENV_SECRET,
                    context.getComponent("phoneinc", PhoneIncComponent.class).getWebhookSecret());
            String snippet =
                    DocBlocks.text("component-webhook-java")
                            .replace("https://hooks.example.com", "http://127.0.0.1:" + port);
            assertTrue(snippet.contains("127.0.0.1"));
            context.addRoutes(compile("component-webhook-java", snippet));
            context.start();
            @SuppressWarnings("unchecked")
            List<Webhook> subscriptions =
                    context.createProducerTemplate()
                            .requestBody("phoneinc:webhooks", null, List.class);
            assertTrue(
                    subscriptions.stream()
                            .anyMatch(w -> w.getUrl().endsWith("?token=" + ENV_SECRET)),
                    "subscribed with the secret from the environment");

            String call = sim.simulateIncomingCall("+14155550177", CallOutcome.ANSWERED).callId();
            log.await(l -> l.text().equals("call.ended " + call), 10_000);
            context.stop();
        }
    }

    @Test
    void manualWiringAsPrinted() throws Exception {
        int port = freePort();
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).build().start();
                LogCapture log = LogCapture.start(Level.INFO, "ROOT")) {
            DefaultCamelContext context = context(sim, port);
            context.addRoutes(
                    compile(
                            "component-webhook-manual",
                            DocBlocks.text("component-webhook-manual")
                                            .replace("/hooks/phoneinc", PATH)
                                    + "\nfrom(\"seda:phoneinc-events\").log(\"manual"
                                    + " ${header.CamelPhoneIncEventKey}\");"));
            context.start();
            // the subscription, made by hand for manual wiring
            context.createProducerTemplate()
                    .requestBody(
                            "phoneinc:webhooks/create",
                            Map.of(
                                    "url",
                                    "http://127.0.0.1:" + port + PATH + "?token=" + ENV_SECRET,
                                    "events",
                                    List.of("call.ended")));
            String call = sim.simulateIncomingCall("+14155550188", CallOutcome.LOST).callId();
            log.await(l -> l.text().equals("manual call.ended:" + call), 10_000);
            assertEquals(401, post(port, "?token=wrong0000000000000000", "{}").statusCode());
            // platform-http answers the empty body with 204: a 2xx, as Phone.inc expects
            assertEquals(
                    204,
                    sim.awaitWebhookDeliveries(1, java.time.Duration.ofSeconds(5)).get(0).status());
            context.stop();
        }
    }
}
