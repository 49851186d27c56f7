package com.example.phoneinc.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.docs.DocBlocks;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Camel Quarkus section of docs/phoneinc-component.adoc, as printed: the dependency is this
 * extension's runtime artifact, the prod-only key resolves from the environment in prod, and the
 * native commands are those whose sources-only form CI runs. (The Dev Services blocks run in
 * DocumentedDevServicesConfigTest and DocumentedApiKeyInTestModeTest.)
 */
class DocumentedQuarkusSectionTest {

    @Test
    void theDependencyIsTheExtensionsRuntimeArtifact() throws Exception {
        Element printed = xml(DocBlocks.text("quarkus-dependency")).getDocumentElement();
        Element pom =
                xml(Files.readString(
                                DocBlocks.root().resolve("camel-quarkus-phoneinc/runtime/pom.xml")))
                        .getDocumentElement();
        assertEquals("com.example.phoneinc", text(printed, "groupId"));
        assertEquals(directChild(pom, "artifactId"), text(printed, "artifactId"));
        assertEquals("camel-quarkus-phoneinc", text(printed, "artifactId"));
        Element root =
                xml(Files.readString(DocBlocks.root().resolve("pom.xml"))).getDocumentElement();
        assertEquals(directChild(root, "version"), text(printed, "version"));
    }

    @Test
    void theKeyIsReadFromTheEnvironmentInProdModeOnly() throws Exception {
        Map<String, String> app = properties(DocBlocks.text("quarkus-api-key"));
        for (String profile : List.of("prod", "test", "dev")) {
            SmallRyeConfig config =
                    new SmallRyeConfigBuilder()
                            .addDefaultInterceptors()
                            .withProfile(profile)
                            .withSources(
                                    new PropertiesConfigSource(app, "application.properties", 250))
                            .withSources(
                                    new EnvConfigSource(
                                            Map.of("PHONEINC_API_KEY", "phk_FromEnv42"), 300))
                            .build();
            assertEquals(
                    profile.equals("prod"),
                    config.getOptionalValue("camel.component.phoneinc.api-key", String.class)
                            .filter("phk_FromEnv42"::equals)
                            .isPresent(),
                    "key in profile " + profile);
        }
    }

    @Test
    void theNativeCommandsAreThoseWhoseSourcesOnlyFormCiRuns() throws Exception {
        List<String> commands = DocBlocks.text("quarkus-native-build").strip().lines().toList();
        assertEquals(2, commands.size(), commands.toString());
        assertEquals("./mvnw package -Dquarkus.native.enabled=true", commands.get(0));
        assertEquals(commands.get(0) + " -Dquarkus.native.container-build=true", commands.get(1));
        String examplePom = Files.readString(DocBlocks.root().resolve("quarkus-example/pom.xml"));
        assertTrue(
                examplePom.contains("<quarkus.native.enabled>true</quarkus.native.enabled>")
                        && examplePom.contains(
                                "<quarkus.native.sources-only>true</quarkus.native.sources-only>"),
                "the example's native-sources execution builds with quarkus.native.enabled=true");
        assertTrue(Files.exists(DocBlocks.root().resolve("mvnw")));
    }

    static Map<String, String> properties(String block) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(block));
        Map<String, String> map = new HashMap<>();
        p.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(text)));
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }

    private static String directChild(Element parent, String tag) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + tag + ">");
    }
}
