package com.example.phoneinc.kamelets;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.StreamCache;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A simulator on a random loopback port and a Camel context that loads YAML routes as Kamelet users
 * write them: {@code {{sim.key}}} and {@code {{sim.url}}} are the simulator's API key and base URL,
 * and the bean {@code collect} records what reaches it.
 */
abstract class KameletTestSupport {

    protected PhoneIncSimulator sim;
    protected DefaultCamelContext context;
    protected final List<Exchange> collected = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSimulator() {
        sim = PhoneIncSimulator.builder().port(0).build().start();
        context = newContext();
    }

    @AfterEach
    void stopAll() {
        if (context != null) {
            context.stop(); // consumers first: a poll of a closed simulator is only noise
        }
        sim.close();
    }

    /** A fresh context on the same simulator, with {@code collect} bound. */
    protected DefaultCamelContext newContext() {
        DefaultCamelContext c = new DefaultCamelContext();
        Properties p = new Properties();
        p.setProperty("sim.key", sim.apiKey());
        p.setProperty("sim.url", sim.baseUrl());
        c.getPropertiesComponent().setInitialProperties(p);
        c.getRegistry().bind("collect", (Processor) e -> collected.add(e.copy()));
        return c;
    }

    /** Loads YAML routes into {@link #context} (not started). */
    protected void load(String yaml) throws Exception {
        load(context, yaml);
    }

    protected static void load(DefaultCamelContext c, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(c).loadRoutes(ResourceHelper.fromString("test.yaml", yaml));
    }

    /** The body of a collected exchange, read as JSON. */
    protected static JsonNode json(Exchange e) throws Exception {
        String text = e.getMessage().getBody(String.class);
        if (e.getMessage().getBody() instanceof StreamCache cached) {
            cached.reset(); // readable again (platform-http exchanges cache streams)
        }
        return PhoneIncJson.mapper().readTree(text);
    }

    /** Waits up to 15 s for {@code condition}. */
    protected static void await(BooleanSupplier condition, String what)
            throws InterruptedException {
        long until = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until the source's first poll (its baseline with startFrom=now) is done: the second has
     * begun. Polls are sequential, and what appears during the first is part of the baseline.
     */
    protected void awaitFirstPoll(String path) throws InterruptedException {
        await(() -> sim.hits("GET", path) >= 2, "the first poll of " + path);
    }
}
