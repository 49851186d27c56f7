package com.example.phoneinc.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * IDE completion: spring-boot-configuration-processor wrote
 * target/classes/META-INF/spring-configuration-metadata.json from the Javadoc of the configuration
 * classes, and it is what the jar ships.
 */
class ConfigurationMetadataTest {

    @Test
    void listsTheApiKeyWithItsDescription() {
        assertTrue(Files.isRegularFile(CatalogOptions.METADATA), CatalogOptions.METADATA + "");
        JsonNode apiKey =
                CatalogOptions.metadataProperties().get("camel.component.phoneinc.api-key");
        assertNotNull(apiKey, "camel.component.phoneinc.api-key in the metadata");
        assertEquals("java.lang.String", apiKey.get("type").asText());
        assertEquals(
                "The Phone.inc API key (phk_...), created in the dashboard under Your account /"
                        + " API Keys. Sent as the X-Api-Key header, with surrounding whitespace"
                        + " removed; never in the URL.",
                apiKey.get("description").asText());
        assertEquals(
                CatalogOptions.componentOptions().get("apiKey").get("description").asText(),
                apiKey.get("description").asText());
    }

    @Test
    void listsTheErrorHandlingProperties() {
        JsonNode enabled =
                CatalogOptions.metadataProperties()
                        .get("camel.component.phoneinc.error-handling.enabled");
        assertNotNull(enabled);
        assertEquals("java.lang.Boolean", enabled.get("type").asText());
        assertEquals(false, enabled.get("defaultValue").asBoolean(true));
        assertTrue(enabled.get("description").asText().contains("routeConfigurationId"));
        for (String p :
                new String[] {
                    "id",
                    "dead-letter-uri",
                    "maximum-redeliveries",
                    "base-delay",
                    "max-delay",
                    "jitter"
                }) {
            JsonNode property =
                    CatalogOptions.metadataProperties()
                            .get("camel.component.phoneinc.error-handling." + p);
            assertNotNull(property, p);
            assertTrue(property.get("description").asText().contains("(default"), p);
        }
    }
}
