package com.example.phoneinc.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.LogCapture;
import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.simulator.CallOutcome;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

/**
 * The webhook secret and the API key appear nowhere a person or a tool can read them: no log line
 * at any level (TRACE everywhere, during registration, deliveries, refused deliveries and
 * unregistration), no endpoint's sanitized URI or toString, no exception of any exchange (the
 * refused deliveries' included) nor the answer to a refused delivery, no JMX attribute. The one
 * exception is the HTTP server's own request log: Vert.x Web logs each request URL, query token
 * included, at TRACE (io.vertx.ext.web) — a property of query tokens the docs state.
 */
class WebhookSecretsTest extends WebhookTestSupport {

    @Test
    void secretsAppearInNoLogUriExceptionOrJmx() throws Exception {
        int port = freePort();
        List<String> seen = new ArrayList<>();
        List<LogCapture.Line> lines;
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).build().start()) {
            String apiKey = sim.apiKey();
            try (LogCapture log = LogCapture.start(Level.TRACE, "ROOT")) {
                DefaultCamelContext context = context(sim, port);
                context.getComponent("phoneinc", PhoneIncComponent.class).setWebhookSecret(SECRET);
                ExchangeWatch exchanges = new ExchangeWatch();
                context.getManagementStrategy().addEventNotifier(exchanges);
                context.addRoutes(
                        new RouteBuilder() {
                            @Override
                            public void configure() {
                                from(webhookUri(port, "events=call.ended"))
                                        .routeId("events")
                                        .log("event ${header.CamelPhoneIncEventKey} ${headers}")
                                        .process(
                                                e -> seen.add(e.getMessage().getBody().toString()));
                            }
                        });
                context.start();
                sim.simulateIncomingCall("+14155550177", CallOutcome.ANSWERED);
                await(() -> seen.size() == 1, "one routed event");
                HttpResponse<String> wrongToken = post(port, "?token=" + SECRET + "x", "{}");
                HttpResponse<String> notJson = post(port, "?token=" + SECRET, "not json " + SECRET);
                assertEquals(401, wrongToken.statusCode());
                assertEquals(400, notJson.statusCode());

                List<String> shown = new ArrayList<>();
                // what the sender of a refused delivery gets back
                for (HttpResponse<String> refused : List.of(wrongToken, notJson)) {
                    shown.add(refused.body());
                    shown.add(refused.headers().map().toString());
                }
                for (Endpoint e : context.getEndpoints()) {
                    shown.add(URISupport.sanitizeUri(e.getEndpointUri()));
                    shown.add(e.toString());
                }
                shown.addAll(jmxAttributes(context.getName()));
                assertTrue(shown.size() > 50, "read " + shown.size() + " URIs and attributes");
                for (String s : shown) {
                    assertFalse(s.contains(SECRET), s);
                    assertFalse(s.contains(apiKey), s);
                }
                context.stop();
                lines = log.lines();
                // the routed delivery and the two refused ones were all seen, none failed with
                // the secret (a parser error quoting the body, say)
                assertEquals(3, exchanges.listened.get(), "exchanges of the webhook listener");
                for (String e : exchanges.traces) {
                    assertFalse(e.contains(SECRET), e);
                    assertFalse(e.contains(apiKey), e);
                }
            }
            assertTrue(lines.size() > 20, "TRACE captured " + lines.size() + " lines");
            for (LogCapture.Line l : lines) {
                if (l.logger().startsWith("io.vertx.ext.web")) {
                    continue; // the HTTP server's request log (see above)
                }
                assertFalse(l.text().contains(SECRET), l.toString());
                assertFalse(l.text().contains(apiKey), l.toString());
            }
        }
    }

    /** Counts the webhook listener's exchanges; keeps the stack trace of any exchange's failure. */
    private static final class ExchangeWatch extends EventNotifierSupport {
        final AtomicInteger listened = new AtomicInteger();
        final List<String> traces = new CopyOnWriteArrayList<>();

        @Override
        public void notify(CamelEvent event) {
            if (!(event instanceof ExchangeCompletedEvent
                    || event instanceof ExchangeFailedEvent)) {
                return;
            }
            Exchange x = ((ExchangeEvent) event).getExchange();
            // a refused delivery never enters the route: it is known by the listener's endpoint
            if (x.getFromEndpoint() != null
                    && x.getFromEndpoint().getEndpointUri().contains(PATH)) {
                listened.incrementAndGet();
            }
            keep(x.getException());
            keep(x.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        }

        private void keep(Throwable t) {
            if (t != null) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                traces.add(trace.toString());
            }
        }
    }

    /** Every readable attribute of every MBean of this context, as text. */
    private static List<String> jmxAttributes(String contextName) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:*"), null);
        List<String> values = new ArrayList<>();
        for (ObjectName name : names) {
            if (!name.toString().contains(contextName)) {
                continue;
            }
            values.add(name.toString());
            for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
                if (!a.isReadable()) {
                    continue;
                }
                try {
                    values.add(
                            name
                                    + " "
                                    + a.getName()
                                    + "="
                                    + server.getAttribute(name, a.getName()));
                } catch (Exception unreadable) {
                    // some attributes throw when the service is in a state that has no value
                }
            }
        }
        return values;
    }
}
