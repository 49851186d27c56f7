package com.example.phoneinc.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import com.example.phoneinc.docs.DocBlocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;

/**
 * The Karaf commands and headers printed in docs/karaf.adoc name what this build makes: the
 * repository URL is the attached features artifact, every installed feature exists, and the printed
 * headers are the bundle's. (The commands themselves need a real Karaf: not run here.)
 */
class DocumentedKarafCommandsTest {

    private static final Path ROOT = DocBlocks.root();

    @Test
    void buildCommandBuildsTheBundleAndTheFeaturesRepository() throws Exception {
        String command = DocBlocks.text("karaf-build").strip();
        assertEquals("./mvnw -B install -pl karaf-features -am -DskipTests", command);
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<module>karaf-features</module>"));
        String features =
                Files.readString(ROOT.resolve("karaf-features/pom.xml"), StandardCharsets.UTF_8);
        // -am builds the bundle too: the features module depends on it
        assertTrue(features.contains("<artifactId>camel-phoneinc</artifactId>"), features);
        assertTrue(features.contains("<classifier>features</classifier>"), features);
        assertTrue(features.contains("<type>xml</type>"), features);
    }

    @Test
    void consoleCommandsNameTheAttachedRepositoryAndExistingFeatures() throws Exception {
        List<String> lines = DocBlocks.text("karaf-install").strip().lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals(
                "feature:repo-add mvn:com.example.phoneinc/camel-phoneinc-features/"
                        + Build.property("project.version")
                        + "/xml/features",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("feature:install "), lines.get(1));
        Features all = Features.read(Build.features(), Build.camelKarafFeatures());
        for (String name : lines.get(1).substring("feature:install ".length()).split(" ")) {
            assertTrue(
                    all.pick(name, null).isPresent(), name + " is a feature of the repositories");
        }
        assertEquals(
                List.of("mvn:org.apache.camel.karaf/apache-camel/4.14.5/xml/features"),
                Features.read_repositories_of(Build.features()),
                "repo-add loads camel-karaf's repository through ours");
        assertEquals("bundle:list -s | grep phoneinc", lines.get(2));
        assertTrue(
                Build.manifest()
                        .getMainAttributes()
                        .getValue("Bundle-SymbolicName")
                        .contains("phoneinc"));
    }

    @Test
    void printedHeadersAreTheBundles() throws Exception {
        String printed = DocBlocks.text("karaf-manifest");
        Attributes main = Build.manifest().getMainAttributes();
        assertTrue(
                printed.contains("Bundle-SymbolicName: " + main.getValue("Bundle-SymbolicName")),
                printed);
        assertTrue(printed.contains("Bundle-Version: " + main.getValue("Bundle-Version")), printed);
        assertTrue(
                printed.contains("(all ;version=\"" + main.getValue("Bundle-Version") + "\")"),
                printed);
        assertTrue(printed.contains(main.getValue("Require-Capability")), printed);

        String exportsLine =
                printed.substring(
                        printed.indexOf("Export-Package:") + "Export-Package:".length(),
                        printed.indexOf("(all"));
        assertEquals(
                new TreeSet<>(OSGiHeader.parseHeader(main.getValue("Export-Package")).keySet()),
                new TreeSet<>(
                        Arrays.stream(exportsLine.split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList()),
                "printed exports");

        // each real import is printed with its range: exactly, or under its printed wildcard
        String imports = printed.substring(printed.indexOf("Import-Package:"));
        Parameters real = OSGiHeader.parseHeader(main.getValue("Import-Package"));
        for (Map.Entry<String, Attrs> e : real.entrySet()) {
            String pkg = e.getKey();
            String version = e.getValue().get("version");
            String suffix = version == null ? "" : ";version=\"" + version + "\"";
            boolean shown = imports.contains(pkg + suffix);
            for (String group :
                    List.of(
                            "org.apache.camel",
                            "org.apache.hc.client5.http",
                            "org.apache.hc.core5",
                            "com.fasterxml.jackson")) {
                if (pkg.startsWith(group)) {
                    shown |= imports.contains(group + ".*" + suffix);
                }
            }
            assertTrue(shown, pkg + suffix + " is not printed: " + imports);
        }
    }
}
