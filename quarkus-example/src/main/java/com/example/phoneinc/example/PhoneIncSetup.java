package com.example.phoneinc.example;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Creates the {@code phoneinc} component. Camel resolves it from the registry when the first route
 * that uses {@code phoneinc:} is started, so it is fully configured (and, without an API key, the
 * embedded simulator is listening) before any route can send a message.
 */
@ApplicationScoped
public class PhoneIncSetup {

    private static final Logger LOG = Logger.getLogger(PhoneIncSetup.class);

    @Inject ExampleConfig config;

    private PhoneIncSimulator simulator;

    /** The component the routes use: the real API with a key, the embedded simulator without. */
    @Produces
    @Singleton
    @Named("phoneinc")
    PhoneIncComponent phoneinc() {
        PhoneIncComponent component = new PhoneIncComponent();
        String apiKey = config.apiKey().map(String::strip).orElse("");
        if (apiKey.isEmpty()) {
            PhoneIncSimulator sim = startSimulator();
            component.getConfiguration().setBaseUrl(sim.baseUrl());
            component.getConfiguration().setApiKey(sim.apiKey());
            LOG.infof(
                    "No Phone.inc API key set (PHONEINC_API_KEY): using embedded Phone.inc"
                            + " simulator at %s",
                    sim.baseUrl());
        } else {
            component.getConfiguration().setBaseUrl(config.baseUrl());
            component.getConfiguration().setApiKey(apiKey);
            LOG.infof("Using Phone.inc API at %s", config.baseUrl());
        }
        return component;
    }

    /** The embedded simulator, or null when the real API (or another server) is used. */
    public synchronized PhoneIncSimulator simulator() {
        return simulator;
    }

    private synchronized PhoneIncSimulator startSimulator() {
        if (simulator == null) {
            // On a Vert.x instance of its own, like a remote server. On Quarkus' Vert.x, port 0
            // would share one random port with Quarkus' HTTP server when that is on port 0 too
            // (as in tests), and requests would be split between the two.
            simulator =
                    PhoneIncSimulator.builder()
                            .port(config.simulator().port())
                            .eventLoops(1)
                            .build()
                            .start();
        }
        return simulator;
    }

    @PreDestroy
    synchronized void stopSimulator() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
