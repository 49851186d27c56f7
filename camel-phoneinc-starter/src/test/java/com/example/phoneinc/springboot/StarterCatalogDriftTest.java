package com.example.phoneinc.springboot;

import static com.example.phoneinc.springboot.CatalogOptions.PREFIX;
import static com.example.phoneinc.springboot.CatalogOptions.kebab;
import static com.example.phoneinc.springboot.CatalogOptions.propertyType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every component option of the catalog (the JSON in the component jar) has a starter property with
 * the same type, default and description, and the starter has no property the component does not
 * know. When the component gains an option, this test says exactly what to add to {@link
 * PhoneIncComponentConfiguration}.
 */
class StarterCatalogDriftTest {

    /** Starter properties that are not component options. */
    private static final Set<String> STARTER_ONLY =
            Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled");

    private static final String ERROR_HANDLING = PREFIX + "error-handling.";

    @Test
    void readsTheCatalogOfTheComponentOnTheClassPath() {
        String where = CatalogOptions.catalogLocation().toString();
        // the component's classes in a reactor build, its jar otherwise; never a copy of ours
        assertTrue(
                where.contains("camel-phoneinc-component/target/classes/")
                        || where.matches(".*/camel-phoneinc-[0-9][^/]*\\.jar!/.*"),
                where);
        assertTrue(CatalogOptions.componentOptions().size() >= 27, "options: " + where);
    }

    @Test
    void everyComponentOptionHasAStarterPropertyWithItsDefaultAndDescription() {
        Map<String, JsonNode> starter = CatalogOptions.metadataProperties();
        List<String> problems = new ArrayList<>();
        CatalogOptions.componentOptions()
                .forEach(
                        (option, catalog) -> {
                            String name = PREFIX + kebab(option);
                            JsonNode property = starter.get(name);
                            if (property == null) {
                                problems.add(missing(option, catalog));
                                return;
                            }
                            String type = propertyType(catalog.get("javaType").asText());
                            compare(problems, name, "type", type, text(property, "type"));
                            // defaults come from additional-spring-configuration-metadata.json
                            compare(
                                    problems,
                                    name,
                                    "default",
                                    text(catalog, "defaultValue"),
                                    text(property, "defaultValue"));
                            compare(
                                    problems,
                                    name,
                                    "description",
                                    text(catalog, "description"),
                                    text(property, "description"));
                        });
        if (!problems.isEmpty()) {
            fail(String.join("\n\n", problems));
        }
    }

    @Test
    void theStarterHasNoPropertyTheComponentDoesNotKnow() {
        Set<String> options = new TreeSet<>();
        CatalogOptions.componentOptions().keySet().forEach(o -> options.add(PREFIX + kebab(o)));
        List<String> unknown = new ArrayList<>();
        for (String name : CatalogOptions.metadataProperties().keySet()) {
            if (!options.contains(name)
                    && !STARTER_ONLY.contains(name)
                    && !name.startsWith(ERROR_HANDLING)) {
                unknown.add(
                        name
                                + " is not an option of the component any more: remove it from"
                                + " PhoneIncComponentConfiguration");
            }
        }
        if (!unknown.isEmpty()) {
            fail(String.join("\n", unknown));
        }
    }

    /** IDE completion offers the values of an enum option, as the catalog lists them. */
    @Test
    void enumOptionsHaveTheirValuesAsHints() {
        Map<String, List<String>> hints = new java.util.TreeMap<>();
        CatalogOptions.metadata()
                .path("hints")
                .forEach(
                        h -> {
                            List<String> values = new ArrayList<>();
                            h.get("values").forEach(v -> values.add(v.get("value").asText()));
                            hints.put(h.get("name").asText(), values);
                        });
        Map<String, List<String>> expected = new java.util.TreeMap<>();
        CatalogOptions.componentOptions()
                .forEach(
                        (option, catalog) -> {
                            if (catalog.has("enum")) {
                                List<String> values = new ArrayList<>();
                                catalog.get("enum").forEach(v -> values.add(v.asText()));
                                expected.put(PREFIX + kebab(option), values);
                            }
                        });
        assertEquals(
                expected,
                hints,
                "hints in src/main/resources/META-INF/additional-spring-configuration-metadata.json");
    }

    private static void compare(
            List<String> problems, String name, String what, String catalog, String starter) {
        if (!java.util.Objects.equals(catalog, starter)) {
            problems.add(
                    name
                            + ": the "
                            + what
                            + " differs from the catalog's. PhoneIncComponentConfiguration has\n    "
                            + starter
                            + "\nthe catalog has\n    "
                            + catalog);
        }
    }

    /** What to add to PhoneIncComponentConfiguration, ready to paste. */
    private static String missing(String option, JsonNode catalog) {
        String type = propertyType(catalog.get("javaType").asText());
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String cap = Character.toUpperCase(option.charAt(0)) + option.substring(1);
        StringBuilder fix = new StringBuilder();
        fix.append(PREFIX)
                .append(kebab(option))
                .append(" is missing: the component has the option ")
                .append(option)
                .append(". Add to PhoneIncComponentConfiguration (camel-phoneinc-starter):\n\n")
                .append("    /** ")
                .append(text(catalog, "description"))
                .append(" */\n    private ")
                .append(simple)
                .append(' ')
                .append(option)
                .append(";\n\nwith get")
                .append(cap)
                .append("() and set")
                .append(cap)
                .append('(')
                .append(simple)
                .append(')');
        if (type.contains(".") && !type.startsWith("java.lang.")) {
            fix.append(", import ")
                    .append(type)
                    .append(", and add the type to PhoneIncComponentConverter.TYPES");
        }
        fix.append('.');
        if (catalog.has("defaultValue")) {
            fix.append(
                            "\nAnd its default to"
                                    + " src/main/resources/META-INF/additional-spring-configuration-metadata.json:\n"
                                    + "    { \"name\": \"")
                    .append(PREFIX)
                    .append(kebab(option))
                    .append("\", \"defaultValue\": ")
                    .append(catalog.get("defaultValue").toString())
                    .append(" }");
        }
        if (catalog.has("enum")) {
            fix.append("\nAnd its values as a hint in the same file: ").append(catalog.get("enum"));
        }
        return fix.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
