package com.example.phoneinc.webhook;

import com.example.phoneinc.Await;
import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;

/** Contexts listening on platform-http (Vert.x) on a free loopback port, and a simulator. */
abstract class WebhookTestSupport {

    static final String SECRET = "whs_TestSecret0123456789abcdef";
    static final String PATH = "/hooks/phoneinc";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A context with the phoneinc component on the simulator and a platform-http server. */
    static DefaultCamelContext context(PhoneIncSimulator sim, int port) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(conf));
        PhoneIncComponent phoneinc = new PhoneIncComponent();
        phoneinc.setApiKey(sim.apiKey());
        phoneinc.setBaseUrl(sim.baseUrl());
        context.addComponent("phoneinc", phoneinc);
        return context;
    }

    static int freePort() {
        return AvailablePortFinder.getNextAvailable();
    }

    /** The webhook: URI of the docs, listening on {@code port}. */
    static String webhookUri(int port, String options) {
        return "webhook:phoneinc:events?webhookComponentName=platform-http&webhookPath="
                + PATH
                + "&webhookExternalUrl=http://127.0.0.1:"
                + port
                + (options.isEmpty() ? "" : "&" + options);
    }

    HttpResponse<String> post(int port, String query, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH + query))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits up to 15 s for {@code condition}. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what, Duration.ofSeconds(15));
    }

    static CamelContext started(CamelContext c) {
        c.start();
        return c;
    }
}
