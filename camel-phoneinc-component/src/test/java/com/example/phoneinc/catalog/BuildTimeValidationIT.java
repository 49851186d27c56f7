package com.example.phoneinc.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.docs.DocBlocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camel-report-maven-plugin setup printed in docs/phoneinc-component.adoc, run by Maven on a
 * small project: it validates phoneinc URIs with the jar this build just packaged, so a correct
 * route passes and a planted {@code listend=true} fails the build.
 *
 * <p>The nested build's local repository is a temporary one holding only this build's artifacts,
 * chained to the real one ({@code maven.repo.local.tail}, read-only) for everything else.
 */
class BuildTimeValidationIT {

    @TempDir Path dir;

    private int build(String route, Path log) throws Exception {
        Path project = dir.resolve("project-" + Math.abs(route.hashCode()));
        Path src = project.resolve("src/main/java/demo");
        Files.createDirectories(src);
        String plugin = DocBlocks.text("component-report-plugin");
        Files.writeString(
                project.resolve("pom.xml"),
                """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>validate-demo</artifactId>
                  <version>1</version>
                  <build>
                    <plugins>
                """
                        + plugin
                        + """
                    </plugins>
                  </build>
                </project>
                """,
                StandardCharsets.UTF_8);
        Files.writeString(
                src.resolve("Routes.java"),
                "package demo;\n"
                        + "import org.apache.camel.builder.RouteBuilder;\n"
                        + "public class Routes extends RouteBuilder {\n"
                        + "  public void configure() {\n"
                        + "    from(\"timer:t\").to(\""
                        + route
                        + "\");\n"
                        + "  }\n}\n",
                StandardCharsets.UTF_8);

        Path repo = dir.resolve("repo");
        stage(repo);
        Path root = DocBlocks.root();
        ProcessBuilder pb =
                new ProcessBuilder(
                                root.resolve("mvnw").toString(),
                                "-B",
                                "-f",
                                project.resolve("pom.xml").toString(),
                                "-Dmaven.repo.local=" + repo,
                                "-Dmaven.repo.local.tail=" + System.getProperty("maven.repo.local"),
                                "validate")
                        .directory(root.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("nested build hung");
        }
        return p.exitValue();
    }

    /** This build's component jar and poms, where a local repository has them. */
    private static void stage(Path repo) throws Exception {
        String version = System.getProperty("project.version");
        Path module = Path.of("").toAbsolutePath();
        Path component = repo.resolve("com/example/phoneinc/camel-phoneinc/" + version);
        Path parent = repo.resolve("com/example/phoneinc/phoneinc-parent/" + version);
        Files.createDirectories(component);
        Files.createDirectories(parent);
        Files.copy(
                module.resolve("target/camel-phoneinc-" + version + ".jar"),
                component.resolve("camel-phoneinc-" + version + ".jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                module.resolve("pom.xml"),
                component.resolve("camel-phoneinc-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
                module.resolve("../pom.xml"),
                parent.resolve("phoneinc-parent-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theJarCarriesTheCatalogJson() throws Exception {
        assertTrue(
                getClass().getResource("/org/apache/camel/catalog/components/phoneinc.json")
                        != null);
    }

    @Test
    void documentedPluginSetupPassesGoodUrisAndFailsAMisspeltOption() throws Exception {
        Path good = dir.resolve("good.log");
        int ok = build("phoneinc:voicemails/update?listened=true", good);
        String goodLog = Files.readString(good);
        assertEquals(0, ok, goodLog);
        assertTrue(goodLog.contains("Endpoint validation success"), goodLog);

        Path bad = dir.resolve("bad.log");
        int failed = build("phoneinc:voicemails/update?listend=true", bad);
        String badLog = Files.readString(bad);
        assertNotEquals(0, failed, badLog);
        assertTrue(badLog.contains("listend"), badLog);
        assertTrue(
                List.of(badLog.split("\n")).stream().anyMatch(l -> l.contains("Unknown option")),
                badLog);
    }
}
