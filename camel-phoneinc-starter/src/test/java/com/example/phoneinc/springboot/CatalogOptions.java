package com.example.phoneinc.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The component options of the catalog JSON in the component jar on the test class path, and the
 * Spring Boot configuration metadata this module's build generated.
 */
final class CatalogOptions {

    static final String PREFIX = "camel.component.phoneinc.";
    static final String CATALOG = "META-INF/com/example/phoneinc/phoneinc.json";
    static final Path METADATA =
            Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogOptions() {}

    /** Where the catalog JSON was read from (the component jar, or its classes in the IDE). */
    static URL catalogLocation() {
        URL url = CatalogOptions.class.getClassLoader().getResource(CATALOG);
        if (url == null) {
            throw new AssertionError(CATALOG + " is not on the test class path");
        }
        return url;
    }

    /** componentProperties of the catalog JSON, by option name, in catalog order. */
    static Map<String, JsonNode> componentOptions() {
        try (InputStream in = catalogLocation().openStream()) {
            Map<String, JsonNode> options = new LinkedHashMap<>();
            JSON.readTree(in)
                    .get("componentProperties")
                    .fields()
                    .forEachRemaining(e -> options.put(e.getKey(), e.getValue()));
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generated spring-configuration-metadata.json. */
    static JsonNode metadata() {
        try {
            return JSON.readTree(Files.readString(METADATA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties of the metadata, by full name. */
    static Map<String, JsonNode> metadataProperties() {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        metadata().get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        return properties;
    }

    /** {@code sslContextParameters} becomes {@code ssl-context-parameters}. */
    static String kebab(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The Java type of the starter property for a catalog javaType (primitives boxed). */
    static String propertyType(String javaType) {
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            default -> javaType;
        };
    }
}
