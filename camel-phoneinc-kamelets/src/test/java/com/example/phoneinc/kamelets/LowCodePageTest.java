package com.example.phoneinc.kamelets;

import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.docs.GeneratedSections;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/low-code.adoc true: its Kamelet overview and each Kamelet's properties table are
 * rendered from the Kamelet files the jar ships. When they disagree the test fails; run it with
 * {@code -Dphoneinc.docs.update=true} to rewrite the tables.
 */
class LowCodePageTest {

    private static final Path PAGE = DocBlocks.root().resolve("docs/low-code.adoc");

    @Test
    void kameletTablesMatchTheKameletFiles() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String expected = GeneratedSections.replace(page, "kamelets", overview());
        for (String name : Kamelets.NAMES) {
            expected = GeneratedSections.replace(expected, name, properties(read(name)));
        }
        GeneratedSections.check(PAGE, expected, "LowCodePageTest");
    }

    private static JsonNode read(String name) throws IOException {
        return new YAMLMapper().readTree(Kamelets.file(name).toFile());
    }

    private static String overview() throws IOException {
        StringBuilder out =
                new StringBuilder(
                        "[width=\"100%\",cols=\"2,1,5\",options=\"header\"]\n|===\n"
                                + "| Kamelet | Type | What it does\n");
        for (String name : Kamelets.NAMES) {
            JsonNode k = read(name);
            out.append("| <<")
                    .append(name)
                    .append(",`")
                    .append(name)
                    .append("`>> | ")
                    .append(k.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText())
                    .append(" | ")
                    .append(cell(k.at("/spec/definition/description").asText()))
                    .append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String properties(JsonNode kamelet) {
        JsonNode definition = kamelet.at("/spec/definition");
        Set<String> required = new HashSet<>();
        definition.path("required").forEach(r -> required.add(r.asText()));
        StringBuilder out =
                new StringBuilder(
                        "[width=\"100%\",cols=\"2,2,5,2,1\",options=\"header\"]\n|===\n"
                                + "| Property | Title | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> e : definition.path("properties").properties()) {
            JsonNode p = e.getValue();
            StringBuilder description = new StringBuilder(cell(p.path("description").asText()));
            if (p.has("enum")) {
                description.append(" Values:");
                p.get("enum").forEach(v -> description.append(" `").append(v.asText()).append('`'));
                description.append('.');
            }
            if (p.has("example")) {
                description.append(" Example: `").append(p.get("example").asText()).append("`.");
            }
            if (required.contains(e.getKey())) {
                description.append(" *Required.*");
            }
            if ("password".equals(p.path("format").asText())) {
                description.append(" *Secret.*");
            }
            out.append("| *")
                    .append(e.getKey())
                    .append("* | ")
                    .append(cell(p.path("title").asText()))
                    .append(" | ")
                    .append(description)
                    .append(" | ")
                    .append(p.has("default") ? "`" + cell(p.get("default").asText()) + "`" : "")
                    .append(" | ")
                    .append(p.path("type").asText())
                    .append('\n');
        }
        return out.append("|===\n").toString();
    }

    /** Text for an AsciiDoc table cell: no cell separator, no line break, passthrough-safe. */
    private static String cell(String text) {
        return text.strip().replace("|", "\\|").replace("\n", " ");
    }
}
