package com.example.phoneinc.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.LogCapture;
import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.simulator.CallOutcome;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

/**
 * The webhook secret and the API key appear nowhere a person or a tool can read them: no log line
 * at any level (TRACE everywhere, during registration, deliveries, refused deliveries and
 * unregistration), no endpoint's sanitized URI or toString, no exception, no JMX attribute. The one
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
                assertEquals(401, post(port, "?token=" + SECRET + "x", "{}").statusCode());
                assertEquals(
                        400, post(port, "?token=" + SECRET, "not json " + SECRET).statusCode());

                List<String> shown = new ArrayList<>();
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
