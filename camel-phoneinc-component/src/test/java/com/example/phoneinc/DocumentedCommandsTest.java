package com.example.phoneinc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.docs.DocBlocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The commands and coordinates printed in README.md and docs/ name what exists: the test command is
 * exactly what CI runs, the dependency snippet has this build's coordinates. (The printed
 * authorization command is not checked here: phoneinc-authorize's AuthorizeCommandIT builds and
 * runs it as printed.)
 */
class DocumentedCommandsTest {

    private static final Path ROOT = DocBlocks.root();

    @Test
    void readmeTestCommandIsWhatCiRuns() throws Exception {
        String command = DocBlocks.text("readme-verify").strip();
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8);
        assertEquals(
                command, ci.get(ci.size() - 1).strip(), ".ci/run ends with the README command");
    }

    @Test
    void dependencySnippetHasThisBuildsCoordinates() throws Exception {
        String xml = DocBlocks.text("component-dependency");
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(pom);
        assertTrue(version.find());
        assertTrue(xml.contains("<groupId>com.example.phoneinc</groupId>"), xml);
        assertTrue(xml.contains("<artifactId>camel-phoneinc</artifactId>"), xml);
        assertTrue(xml.contains("<version>" + version.group(1) + "</version>"), xml);
        String componentPom =
                Files.readString(
                        ROOT.resolve("camel-phoneinc-component/pom.xml"), StandardCharsets.UTF_8);
        assertTrue(componentPom.contains("<artifactId>camel-phoneinc</artifactId>"));
    }
}
