package com.example.phoneinc.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.simulator.CallOutcome;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The webhook consumer on netty-http, the other listener Camel finds by itself (no
 * webhookComponentName needed): registered, delivered to, unregistered.
 */
class WebhookListenersTest extends WebhookTestSupport {

    @Test
    void nettyHttpIsAListenerToo() throws Exception {
        int port = freePort();
        List<String> events = new CopyOnWriteArrayList<>();
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).build().start();
                DefaultCamelContext context = new DefaultCamelContext()) {
            PhoneIncComponent phoneinc = new PhoneIncComponent();
            phoneinc.setApiKey(sim.apiKey());
            phoneinc.setBaseUrl(sim.baseUrl());
            context.addComponent("phoneinc", phoneinc);
            context.getRestConfiguration().setHost("127.0.0.1");
            context.getRestConfiguration().setPort(port);
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("webhook:phoneinc:events?events=call.ended&webhookPath="
                                            + PATH
                                            + "&webhookExternalUrl=http://127.0.0.1:"
                                            + port
                                            + "&webhookSecret="
                                            + SECRET)
                                    .process(
                                            e ->
                                                    events.add(
                                                            e.getMessage()
                                                                    .getHeader(
                                                                            PhoneIncConstants
                                                                                    .EVENT_KEY,
                                                                            String.class)));
                        }
                    });
            context.start();
            String call = sim.simulateIncomingCall("+14155550177", CallOutcome.LOST).callId();
            await(() -> events.size() == 1, "call.ended over netty-http");
            assertEquals(List.of("call.ended:" + call), events);
            assertEquals(
                    200,
                    sim.awaitWebhookDeliveries(1, java.time.Duration.ofSeconds(5)).get(0).status());
        }
    }
}
