package com.example.phoneinc.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.phoneinc.docs.DocBlocks;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The Camel Quarkus form of the API key printed in docs/authentication.adoc, resolved the way
 * Quarkus resolves application.properties (SmallRye Config, environment variables as a source)
 * before Camel Quarkus hands {@code camel.component.phoneinc.*} to the component.
 */
class DocumentedQuarkusPropertiesTest {

    @Test
    void apiKeyFromTheEnvironmentAsPrinted() throws Exception {
        Properties printed = new Properties();
        printed.load(new StringReader(DocBlocks.text("auth-api-key-quarkus")));
        Map<String, String> app = new java.util.HashMap<>();
        printed.forEach((k, v) -> app.put((String) k, (String) v));
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .addDefaultInterceptors() // property expressions, as in Quarkus
                        .withSources(new PropertiesConfigSource(app, "application.properties", 250))
                        .withSources(
                                new EnvConfigSource(
                                        Map.of("PHONEINC_API_KEY", "phk_FromTheEnvironment42"),
                                        300))
                        .build();

        assertEquals(
                "phk_FromTheEnvironment42",
                config.getValue("camel.component.phoneinc.api-key", String.class));
    }
}
