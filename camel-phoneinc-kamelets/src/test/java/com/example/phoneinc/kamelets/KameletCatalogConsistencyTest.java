package com.example.phoneinc.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each Kamelet against the component's own catalog JSON — what apache/camel-kamelets'
 * kamelets-maven-plugin checks against Camel's catalog, which has no phoneinc: every option a
 * template sets exists (on the component bean, the phoneinc endpoint, or the webhook endpoint), a
 * property feeding a secret option is a password with the credentials descriptor (and only those
 * are), a default equals the component's, and the dependency is this build's component.
 */
class KameletCatalogConsistencyTest {

    static final List<String> NAMES = Kamelets.NAMES;

    private static final Pattern ONE_PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9]+)}}");
    private static final String COMPONENT_BEAN = "#class:com.example.phoneinc.PhoneIncComponent";

    /** One option a template sets, and the Kamelet property it comes from (or null). */
    record Use(String kind, String option, String property) {}

    @ParameterizedTest
    @FieldSource("NAMES")
    void everyOptionExistsAndSecretsAndDefaultsMatchTheComponent(String name) throws Exception {
        JsonNode catalog = phoneincCatalog();
        JsonNode kamelet = new YAMLMapper().readTree(Kamelets.file(name).toFile());
        JsonNode props = kamelet.at("/spec/definition/properties");

        List<String> problems = new ArrayList<>();
        List<Use> uses = uses(kamelet.at("/spec/template"));
        assertFalse(uses.isEmpty());
        for (Use use : uses) {
            JsonNode option =
                    switch (use.kind()) {
                        case "component" -> catalog.at("/componentProperties/" + use.option());
                        case "endpoint" -> catalog.at("/properties/" + use.option());
                        default -> null;
                    };
            if (use.kind().equals("webhook")) {
                continue; // one of webhook's own options, by construction
            }
            if (option.isMissingNode()) {
                problems.add("phoneinc has no " + use.kind() + " option " + use.option());
                continue;
            }
            if (use.property() == null) {
                continue;
            }
            JsonNode prop = props.path(use.property());
            boolean password = "password".equals(prop.path("format").asText());
            boolean credentials =
                    prop.path("x-descriptors").toString().contains("urn:camel:group:credentials");
            boolean secret = option.path("secret").asBoolean();
            if (secret != (password && credentials)) {
                problems.add(
                        use.property()
                                + " feeds "
                                + use.option()
                                + (secret ? " (secret)" : " (not secret)")
                                + " but format password + credentials is "
                                + (password && credentials));
            }
            if (prop.has("default") && option.has("defaultValue")) {
                if (!prop.get("default").asText().equals(option.get("defaultValue").asText())) {
                    problems.add(
                            use.property()
                                    + " default "
                                    + prop.get("default").asText()
                                    + " is not the component's "
                                    + option.get("defaultValue").asText());
                }
            }
        }
        for (Map.Entry<String, JsonNode> p : props.properties()) {
            if ("password".equals(p.getValue().path("format").asText())
                    && uses.stream().noneMatch(u -> p.getKey().equals(u.property()))) {
                problems.add(p.getKey() + " is a password that feeds no secret option");
            }
        }
        assertEquals(List.of(), problems, name);

        assertEquals(
                "mvn:com.example.phoneinc:camel-phoneinc:" + Kamelets.projectVersion(),
                kamelet.at("/spec/dependencies")
                        .get(kamelet.at("/spec/dependencies").size() - 1)
                        .asText());
        assertEquals(
                Kamelets.projectVersion(),
                kamelet.at("/metadata/annotations/camel.apache.org~1catalog.version").asText());
    }

    /** The options the template sets on the component bean and on phoneinc / webhook URIs. */
    static List<Use> uses(JsonNode template) {
        List<Use> uses = new ArrayList<>();
        for (JsonNode bean : template.path("beans")) {
            if (COMPONENT_BEAN.equals(bean.path("type").asText())) {
                bean.path("properties")
                        .properties()
                        .forEach(e -> uses.add(use("component", e.getKey(), e.getValue())));
            }
        }
        collectUris(template, uses);
        return uses;
    }

    /**
     * webhook: takes its own options (those of Camel's webhook component) and passes the rest on.
     */
    private static final Set<String> WEBHOOK_OPTIONS =
            new DefaultCamelCatalog()
                    .componentModel("webhook").getEndpointOptions().stream()
                            .map(o -> o.getName())
                            .collect(Collectors.toSet());

    private static void collectUris(JsonNode node, List<Use> uses) {
        if (node.isObject() && node.path("uri").isTextual()) {
            String uri = node.get("uri").asText();
            boolean webhook = uri.startsWith("webhook:{{phoneinc}}:");
            if (webhook || uri.startsWith("{{phoneinc}}:")) {
                node.path("parameters")
                        .properties()
                        .forEach(
                                e -> {
                                    String kind =
                                            webhook && WEBHOOK_OPTIONS.contains(e.getKey())
                                                    ? "webhook"
                                                    : "endpoint";
                                    uses.add(use(kind, e.getKey(), e.getValue()));
                                });
            }
        }
        node.forEach(child -> collectUris(child, uses));
    }

    private static Use use(String kind, String option, JsonNode value) {
        Matcher m = ONE_PLACEHOLDER.matcher(value.asText());
        return new Use(kind, option, m.matches() ? m.group(1) : null);
    }

    static JsonNode phoneincCatalog() throws IOException {
        try (InputStream in =
                KameletCatalogConsistencyTest.class.getResourceAsStream(
                        "/META-INF/com/example/phoneinc/phoneinc.json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
