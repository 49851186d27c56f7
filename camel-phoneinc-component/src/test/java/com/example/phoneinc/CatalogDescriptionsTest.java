package com.example.phoneinc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.Metadata;
import org.junit.jupiter.api.Test;

/**
 * What the catalog (camel-catalog, Kaoto, IDE plugins, the docs tables) shows is exactly what the
 * source says: Camel's generator keeps only letters, digits and {@code .,-='/\!&%():;#${}} of a
 * description, so a {@code +} (E.164 numbers), {@code ?} (query strings), {@code >} or a backtick
 * would silently disappear. Every option and header description must survive it unchanged.
 */
class CatalogDescriptionsTest {

    private static JsonNode catalog() throws Exception {
        try (InputStream in =
                CatalogDescriptionsTest.class.getResourceAsStream(
                        "/META-INF/com/example/phoneinc/phoneinc.json")) {
            return PhoneIncJson.mapper().readTree(in);
        }
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    @Test
    void everyDescriptionReachesTheCatalogUnchanged() throws Exception {
        JsonNode catalog = catalog();
        List<String> lost = new ArrayList<>();
        int checked = 0;
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = catalog.get(section).fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> option = it.next();
                String source = sourceDescription(section, option.getKey());
                if (source == null) {
                    continue; // an option Camel itself contributes (lazyStartProducer, ...)
                }
                checked++;
                String shown = option.getValue().get("description").asText();
                if (!normalize(source).equals(normalize(shown))) {
                    lost.add(section + "." + option.getKey() + ": '" + shown + "'");
                }
            }
        }
        assertTrue(checked > 40, "checked " + checked);
        assertEquals(List.of(), lost, "descriptions the catalog shows differently from the source");
    }

    /** The {@code @Metadata(description)} of the option or header, or null if not ours. */
    private static String sourceDescription(String section, String name) throws Exception {
        if (section.equals("headers")) {
            for (Field f : PhoneIncConstants.class.getFields()) {
                if (name.equals(f.get(null)) && f.getAnnotation(Metadata.class) != null) {
                    return f.getAnnotation(Metadata.class).description();
                }
            }
            return null;
        }
        for (Class<?> type :
                section.equals("componentProperties")
                        ? List.of(PhoneIncComponent.class, PhoneIncConfiguration.class)
                        : List.of(PhoneIncEndpoint.class, PhoneIncConfiguration.class)) {
            for (Field f : type.getDeclaredFields()) {
                Metadata m = f.getAnnotation(Metadata.class);
                if (f.getName().equals(name) && m != null && !m.description().isEmpty()) {
                    return m.description();
                }
            }
        }
        return null;
    }

    /**
     * The catalog's enums allow any resource with any action; the resource description is where
     * tools and users read the valid pairs, so it must list exactly the operation table's.
     */
    @Test
    void resourceDescriptionListsTheValidActionsOfEachResource() throws Exception {
        String description =
                catalog().get("properties").get("resource").get("description").asText();
        for (String resource : com.example.phoneinc.client.PhoneIncOperation.RESOURCES.split(",")) {
            String actions =
                    com.example.phoneinc.client.PhoneIncOperation.forResource(resource).stream()
                            .map(com.example.phoneinc.client.PhoneIncOperation::action)
                            .collect(java.util.stream.Collectors.joining("|"));
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile(
                                    "\\b"
                                            + resource
                                            + " \\(((?:"
                                            + actions
                                            + ")(?:[:,;][^)]*)?)\\)")
                            .matcher(description);
            assertTrue(m.find(), resource + " with its actions in: " + description);
            for (String action : actions.split("\\|")) {
                assertTrue(
                        java.util.regex.Pattern.compile("\\b" + action + "\\b")
                                .matcher(m.group(1))
                                .find(),
                        resource + " lists " + action + ": " + m.group(1));
            }
        }
    }

    @Test
    void listenedHasNoDefaultBecauseUnsetMeansNotGiven() throws Exception {
        JsonNode listened = catalog().get("properties").get("listened");
        assertTrue(
                listened.get("defaultValue") == null,
                "unset listened sends nothing; the catalog must not claim false: " + listened);
    }
}
