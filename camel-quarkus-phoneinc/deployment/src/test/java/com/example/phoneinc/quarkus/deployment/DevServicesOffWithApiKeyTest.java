package com.example.phoneinc.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.phoneinc.PhoneIncComponent;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An API key is configured: Phone.inc itself, with that key. */
class DevServicesOffWithApiKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest APP =
            DevServicesOff.app("camel.component.phoneinc.api-key", "phk_TheirOwnKey");

    @Inject CamelContext context;

    @Test
    void noSimulatorIsStartedOrConfigured() {
        DevServicesOff.assertNoSimulator(context, "https://app.phone.inc/api/v1");
        assertEquals(
                "phk_TheirOwnKey",
                context.getComponent("phoneinc", PhoneIncComponent.class)
                        .getConfiguration()
                        .getApiKey());
    }
}
