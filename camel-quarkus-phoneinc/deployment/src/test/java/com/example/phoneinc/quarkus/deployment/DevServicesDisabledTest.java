package com.example.phoneinc.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Switched off: nothing started, nothing configured. */
class DevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP =
            DevServicesOff.app("quarkus.phoneinc.devservices.enabled", "false");

    @Inject CamelContext context;

    @Test
    void noSimulatorIsStartedOrConfigured() {
        DevServicesOff.assertNoSimulator(context, "https://app.phone.inc/api/v1");
    }
}
