package com.example.phoneinc;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.client.PhoneIncOperation;
import com.example.phoneinc.docs.GeneratedSections;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/phoneinc-component.adoc true: its option, header and operation tables are rendered
 * from the generated catalog JSON and the operations table. When they disagree the test fails; run
 * it with {@code -Dphoneinc.docs.update=true} to rewrite the tables.
 */
class DocsTablesTest {

    private static final Path PAGE = Path.of("..", "docs", "phoneinc-component.adoc");

    @Test
    void componentPageMatchesCatalog() throws IOException {
        JsonNode catalog;
        try (InputStream in =
                getClass().getResourceAsStream("/META-INF/com/example/phoneinc/phoneinc.json")) {
            catalog = PhoneIncJson.mapper().readTree(in);
        }
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String expected = page;
        expected =
                GeneratedSections.replace(
                        expected, "component-options", options(catalog.get("componentProperties")));
        expected =
                GeneratedSections.replace(
                        expected, "endpoint-options", options(catalog.get("properties")));
        expected = GeneratedSections.replace(expected, "headers", headers(catalog.get("headers")));
        expected = GeneratedSections.replace(expected, "operations", operations());
        GeneratedSections.check(PAGE, expected, "DocsTablesTest");
    }

    private static String options(JsonNode properties) {
        StringBuilder out =
                new StringBuilder(
                        "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = p.getValue();
            String label = v.path("label").asText("");
            String secret = v.path("secret").asBoolean() ? " *Secret.*" : "";
            String required = v.path("required").asBoolean() ? " *Required.*" : "";
            String enums = v.has("enum") ? " Values: " + join(v.get("enum")) + "." : "";
            out.append("| *")
                    .append(p.getKey())
                    .append("*")
                    .append(label.isEmpty() ? "" : " (" + label + ")")
                    .append(" | ")
                    .append(cell(v.path("description").asText()))
                    .append(enums)
                    .append(required)
                    .append(secret)
                    .append(" | ")
                    .append(v.has("defaultValue") ? cell(v.get("defaultValue").asText()) : "")
                    .append(" | ")
                    .append(cell(shortType(v.path("javaType").asText())))
                    .append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder out =
                new StringBuilder(
                        "[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n| Name | Description | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            out.append("| *")
                    .append(h.getKey())
                    .append("* | ")
                    .append(cell(h.getValue().path("description").asText()))
                    .append(" | ")
                    .append(cell(h.getValue().path("javaType").asText()))
                    .append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String operations() {
        StringBuilder out =
                new StringBuilder(
                        "[width=\"100%\",cols=\"3,1,3,3\",options=\"header\"]\n|===\n| URI | HTTP | Phone.inc path | Result\n");
        for (PhoneIncOperation op : PhoneIncOperation.values()) {
            PhoneIncOperation.Result r = op.result();
            String result =
                    r.raw()
                            ? "JSON `String`"
                            : r.type() == null
                                    ? "no body"
                                    : r.list()
                                            ? "`List<" + r.type().getSimpleName() + ">`"
                                            : "`" + r.type().getSimpleName() + "`";
            String params =
                    op.query().isEmpty()
                            ? ""
                            : "?"
                                    + String.join(
                                            "&",
                                            op.query().stream()
                                                    .map(p -> p.wireName() + "=")
                                                    .toList());
            out.append("| `phoneinc:")
                    .append(op == PhoneIncOperation.REQUEST ? "request" : op.uriName())
                    .append("` | ")
                    .append(op.method() == null ? "any" : op.method())
                    .append(" | ")
                    .append(
                            op.path() == null
                                    ? "`path` option"
                                    : "`"
                                            + op.path()
                                            + params
                                            + "`"
                                            + (op.isOAuth() ? " on `oauthBaseUrl`" : ""))
                    .append(" | ")
                    .append(result)
                    .append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String join(JsonNode array) {
        StringBuilder s = new StringBuilder();
        array.forEach(
                v ->
                        s.append(s.length() == 0 ? "" : ", ")
                                .append('`')
                                .append(v.asText())
                                .append('`'));
        return s.toString();
    }

    private static String shortType(String javaType) {
        int dot =
                javaType.lastIndexOf(
                        '.', javaType.indexOf('<') < 0 ? javaType.length() : javaType.indexOf('<'));
        return dot < 0 ? javaType : javaType.substring(dot + 1);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
