package com.example.phoneinc.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.docs.DocBlocks;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The printed prod-only key leaves test mode to the Dev Services' simulator. */
class DocumentedApiKeyInTestModeTest {

    @RegisterExtension
    static final QuarkusUnitTest APP =
            new QuarkusUnitTest()
                    .withEmptyApplication()
                    .withConfiguration(DocBlocks.text("quarkus-api-key"));

    @Inject CamelContext context;

    @ConfigProperty(name = "camel.component.phoneinc.base-url")
    String baseUrl;

    @Test
    void testModeUsesTheSimulator() {
        PhoneIncComponent phoneinc = context.getComponent("phoneinc", PhoneIncComponent.class);
        assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
        assertEquals(baseUrl, phoneinc.getConfiguration().getBaseUrl());
        assertTrue(phoneinc.getConfiguration().getApiKey().startsWith("phk_Sim"));
    }
}
