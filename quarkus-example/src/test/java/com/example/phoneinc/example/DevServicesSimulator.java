package com.example.phoneinc.example;

import com.example.phoneinc.simulator.SimulatorClient;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The simulator the extension's Dev Services started for this test run, reached through its control
 * API: its root URL is what they set as {@code camel.component.phoneinc.oauth-base-url}.
 */
final class DevServicesSimulator {

    private DevServicesSimulator() {}

    static SimulatorClient client() {
        return SimulatorClient.at(
                ConfigProvider.getConfig()
                        .getValue("camel.component.phoneinc.oauth-base-url", String.class));
    }

    /** The demo API key the Dev Services configured. */
    static String apiKey() {
        return ConfigProvider.getConfig()
                .getValue("camel.component.phoneinc.api-key", String.class);
    }
}
