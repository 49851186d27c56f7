package com.example.phoneinc.example;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.PhoneIncConfiguration;
import com.example.phoneinc.quarkus.PhoneIncSettings;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.apache.camel.quarkus.core.events.ComponentAddEvent;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The packaged application ({@code java -jar}, prod mode) with no Phone.inc chosen (no API key,
 * base URL, OAuth client, tokens or token store: {@link PhoneIncSettings#USER_CHOICES}): starts the
 * phoneinc simulator in-process and points the component at it, so the README's first command runs
 * offline. Dev and test mode need none of this: the extension's Dev Services start the simulator
 * there and configure the component themselves.
 */
@ApplicationScoped
public class OfflineDemo {

    private static final Logger LOG = Logger.getLogger(OfflineDemo.class);

    @Inject ExampleConfig config;

    @Inject Config mpConfig;

    private PhoneIncSimulator simulator;

    /**
     * Runs when Camel creates the component, before it binds {@code camel.component.phoneinc.*}:
     * properties the application does set still win.
     */
    void onComponentAdd(@Observes ComponentAddEvent event) {
        if (!(event.getComponent() instanceof PhoneIncComponent phoneinc)
                || LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        Optional<String> chosen = chosenPhoneInc(mpConfig);
        if (chosen.isPresent()) {
            LOG.debugf("Not starting the in-process simulator: %s is configured", chosen.get());
            return;
        }
        PhoneIncSimulator sim = start();
        PhoneIncConfiguration c = phoneinc.getConfiguration();
        c.setBaseUrl(sim.baseUrl());
        c.setApiKey(sim.apiKey());
        c.setOauthBaseUrl(sim.rootUrl());
        LOG.infof(
                "No Phone.inc API key set (PHONEINC_API_KEY): using the phoneinc simulator"
                        + " in-process at %s",
                sim.baseUrl());
    }

    /** The in-process simulator, or null when the application talks to another server. */
    public synchronized PhoneIncSimulator simulator() {
        return simulator;
    }

    /**
     * The first setting by which the application chose its Phone.inc or its credential (an API key,
     * a base URL, OAuth client or tokens, a token store), if any: the same list that switches the
     * extension's Dev Services off. Blank values do not count: the prod key is {@code
     * ${PHONEINC_API_KEY:}}, empty when the variable is unset.
     */
    static Optional<String> chosenPhoneInc(Config config) {
        return PhoneIncSettings.USER_CHOICES.stream()
                .filter(
                        key ->
                                config.getOptionalValue(key, String.class)
                                        .filter(v -> !v.isBlank())
                                        .isPresent())
                .findFirst();
    }

    private synchronized PhoneIncSimulator start() {
        if (simulator == null) {
            // On a Vert.x instance of its own, like a remote server (Quarkus' Vert.x would share
            // a random port with Quarkus' HTTP server when both ask for port 0).
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
    synchronized void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
