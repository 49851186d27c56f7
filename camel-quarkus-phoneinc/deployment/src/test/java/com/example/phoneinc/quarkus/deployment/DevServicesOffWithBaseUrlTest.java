package com.example.phoneinc.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A base URL is configured (their own fake, a proxy): that one. */
class DevServicesOffWithBaseUrlTest {

    @RegisterExtension
    static final QuarkusUnitTest APP =
            DevServicesOff.app("camel.component.phoneinc.base-url", "http://127.0.0.1:9/api/v1");

    @Inject CamelContext context;

    @Test
    void noSimulatorIsStartedOrConfigured() {
        DevServicesOff.assertNoSimulator(context, "http://127.0.0.1:9/api/v1");
    }
}
