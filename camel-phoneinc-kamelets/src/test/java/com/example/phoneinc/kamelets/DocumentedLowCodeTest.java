package com.example.phoneinc.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.Webhook;
import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

/**
 * Blocks of docs/low-code.adoc that run in this JVM (the JBang ones run in CamelJBangIT): the
 * dependency has this build's coordinates, and the event-source route with its properties, read
 * from the page, subscribes with the documented URL and routes a delivery that carries the secret.
 */
class DocumentedLowCodeTest {

    @Test
    void theDependencyIsThisModule() throws Exception {
        String xml = DocBlocks.text("lowcode-dependency");
        String pom =
                Files.readString(
                        DocBlocks.root().resolve("camel-phoneinc-kamelets/pom.xml"),
                        StandardCharsets.UTF_8);
        assertTrue(xml.contains("<groupId>com.example.phoneinc</groupId>"), xml);
        assertTrue(xml.contains("<artifactId>camel-phoneinc-kamelets</artifactId>"), xml);
        assertTrue(xml.contains("<version>" + Kamelets.projectVersion() + "</version>"), xml);
        assertTrue(pom.contains("<artifactId>camel-phoneinc-kamelets</artifactId>"));
    }

    @Test
    void theEventSourceRouteSubscribesAndRoutesADeliveryWithTheSecret() throws Exception {
        String apiKey = System.getenv("PHONEINC_API_KEY");
        String secret = System.getenv("PHONEINC_WEBHOOK_SECRET");
        try (PhoneIncSimulator sim =
                PhoneIncSimulator.builder().port(0).apiKey(apiKey).build().start()) {
            int port = AvailablePortFinder.getNextAvailable();
            DefaultCamelContext context = new DefaultCamelContext();
            VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
            http.setBindHost("127.0.0.1");
            http.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(http));
            Properties props = new Properties();
            props.load(new StringReader(DocBlocks.text("lowcode-event-source-properties")));
            // the one addition: the simulator instead of Phone.inc
            props.setProperty("camel.kamelet.phoneinc-event-source.baseUrl", sim.baseUrl());
            context.getPropertiesComponent().setInitialProperties(props);
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(
                            ResourceHelper.fromString(
                                    "events.yaml", DocBlocks.text("lowcode-event-source")));
            context.start();
            try {
                @SuppressWarnings("unchecked")
                List<Webhook> hooks =
                        context.createProducerTemplate()
                                .requestBody(
                                        "phoneinc:webhooks?apiKey=RAW("
                                                + apiKey
                                                + ")&baseUrl="
                                                + sim.baseUrl(),
                                        null,
                                        List.class);
                Webhook ours =
                        hooks.stream()
                                .filter(
                                        w ->
                                                w.getUrl()
                                                        .startsWith(
                                                                "https://hooks.example.com/phoneinc/events"))
                                .findFirst()
                                .orElseThrow();
                assertEquals(
                        "https://hooks.example.com/phoneinc/events?token=" + secret, ours.getUrl());
                assertEquals(List.of("call.ended", "voicemail.new"), ours.getEvents());

                NotifyBuilder routed = new NotifyBuilder(context).whenCompleted(1).create();
                String delivery =
                        "{\"event\":\"voicemail.new\",\"data\":{\"id\":\"v1\",\"from\":\"+14155550177\"}}";
                assertEquals(401, post(port, "", delivery), "no token: refused");
                assertEquals(200, post(port, "?token=" + secret, delivery));
                assertTrue(routed.matches(10, TimeUnit.SECONDS), "the delivery was routed");
            } finally {
                context.stop();
            }
        }
    }

    private static int post(int port, String query, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:"
                                                        + port
                                                        + "/phoneinc/events"
                                                        + query))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
