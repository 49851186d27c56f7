package com.example.phoneinc.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.Webhook;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.webhook.WebhookAction;
import org.apache.camel.component.webhook.WebhookRoutePolicyFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscription's lifecycle, counted on the simulator: one at start, still one after a restart
 * (adopted and brought up to date, even with a new secret), none after stop — or one inactive with
 * {@code webhookUnregisterAction=deactivate}; and for scaled deployments, replicas with {@code
 * webhookAutoRegister=false} plus a one-shot registration through WebhookRoutePolicyFactory leave
 * exactly one subscription, which no replica's shutdown removes.
 */
class WebhookRegistrationTest extends WebhookTestSupport {

    private PhoneIncSimulator sim;
    private int port;

    @BeforeEach
    void start() {
        sim = PhoneIncSimulator.builder().port(0).build().start();
        port = freePort();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private DefaultCamelContext node(int listenOn, String options) throws Exception {
        DefaultCamelContext context = context(sim, listenOn);
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(webhookUri(
                                        port,
                                        "events=call.ended"
                                                + (options.isEmpty() ? "" : "&" + options)))
                                .to("mock:events");
                    }
                });
        return context;
    }

    @SuppressWarnings("unchecked")
    private List<Webhook> ours() throws Exception {
        try (DefaultCamelContext admin = context(sim, freePort())) {
            admin.start();
            List<Webhook> all =
                    admin.createProducerTemplate()
                            .requestBody("phoneinc:webhooks", null, List.class);
            return all.stream()
                    .filter(w -> w.getUrl().startsWith("http://127.0.0.1:" + port + PATH))
                    .toList();
        }
    }

    @Test
    void startRestartStop() throws Exception {
        DefaultCamelContext first = node(port, "webhookSecret=" + SECRET);
        first.start();
        assertEquals(1, ours().size());
        first.stop();
        assertEquals(0, ours().size(), "unregistered on stop");

        // a restart with the subscription left behind (e.g. a crash): adopted, not duplicated
        DefaultCamelContext crashed =
                node(port, "webhookSecret=" + SECRET + "&webhookUnregisterAction=deactivate");
        crashed.start();
        crashed.stop();
        List<Webhook> left = ours();
        assertEquals(1, left.size());
        assertEquals(Boolean.FALSE, left.get(0).getActive(), "deactivated, kept");
        DefaultCamelContext again = node(port, ""); // no secret: a new, generated one
        again.start();
        List<Webhook> adopted = ours();
        assertEquals(1, adopted.size(), "never a second subscription");
        assertEquals(left.get(0).getId(), adopted.get(0).getId());
        assertEquals(Boolean.TRUE, adopted.get(0).getActive());
        String url = adopted.get(0).getUrl();
        assertFalse(url.contains(SECRET), "the URL carries the new secret");
        assertTrue(url.contains("?token="), url);
        // ... and the listener accepts it: a delivery as Phone.inc sends it to that URL
        String delivery = "{\"event\":\"call.ended\",\"data\":{\"id\":\"c1\",\"state\":\"ended\"}}";
        assertEquals(200, post(port, url.substring(url.indexOf('?')), delivery).statusCode());
        assertEquals(1, again.getEndpoint("mock:events", MockEndpoint.class).getReceivedCounter());
        assertEquals(401, post(port, "?token=" + SECRET, delivery).statusCode(), "the old one");
        again.stop();
        assertEquals(0, ours().size());
    }

    @Test
    void scaledDeploymentRegistersOnceAndReplicasNeverUnregister() throws Exception {
        // the deploy-time job: registers, then stops its own context
        DefaultCamelContext job =
                node(freePort(), "webhookAutoRegister=false&webhookSecret=" + SECRET);
        job.addRoutePolicyFactory(new WebhookRoutePolicyFactory(WebhookAction.REGISTER));
        job.start();
        await(job::isStopped, "the registration job to stop itself");
        assertEquals(1, ours().size());

        DefaultCamelContext a = node(port, "webhookAutoRegister=false&webhookSecret=" + SECRET);
        DefaultCamelContext b =
                node(freePort(), "webhookAutoRegister=false&webhookSecret=" + SECRET);
        a.start();
        b.start();
        assertEquals(1, ours().size(), "replicas register nothing");
        a.stop();
        b.stop();
        List<Webhook> left = ours();
        assertEquals(1, left.size(), "a replica's shutdown unregisters nobody's webhook");
        assertTrue(left.get(0).getUrl().endsWith("?token=" + SECRET));
    }
}
