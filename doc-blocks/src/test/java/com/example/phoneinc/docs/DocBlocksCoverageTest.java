package com.example.phoneinc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every block printed in README.md and docs/ is executed by a test that reads it from the doc file:
 * each has an id, ids are unique, and the id appears as a string literal in the test sources of
 * some module (the argument of {@code DocBlocks.text(...)}, or of a helper that passes it on).
 */
class DocBlocksCoverageTest {

    @Test
    void everyBlockHasAUniqueId() {
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (DocBlocks.Block b : DocBlocks.all()) {
            if (b.id() == null) {
                missing.add(b.where() + " (" + b.language() + ")");
            } else if (!seen.add(b.id())) {
                duplicates.add(b.id() + " at " + b.where());
            }
        }
        assertEquals(List.of(), missing, "blocks without [[id]] / <!-- block: id -->");
        assertEquals(List.of(), duplicates, "duplicate block ids");
    }

    @Test
    void everyBlockIsReadByATest() {
        String tests = testSources();
        List<String> unread =
                DocBlocks.all().stream()
                        .filter(b -> b.id() != null)
                        .filter(b -> !tests.contains("\"" + b.id() + "\""))
                        .map(b -> b.id() + " at " + b.where())
                        .collect(Collectors.toList());
        assertEquals(List.of(), unread, "documentation blocks no test reads from the doc file");
    }

    @Test
    void readsBothFormats() {
        // the parser itself: README.md (Markdown) and the .adoc pages both yield blocks
        assertTrue(
                DocBlocks.of(DocBlocks.root().resolve("README.md")).size() > 0,
                "README.md has blocks");
        assertTrue(
                DocBlocks.of(DocBlocks.root().resolve("docs/error-handling.adoc")).size() > 0,
                "error-handling.adoc has blocks");
    }

    /** The text of every test source file in the repository, except this module's own. */
    private static String testSources() {
        Path root = DocBlocks.root();
        Path own = root.resolve("doc-blocks");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/test/"))
                    .filter(p -> !p.startsWith(own))
                    .filter(p -> !p.toString().contains("/target/"))
                    .map(DocBlocksCoverageTest::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
