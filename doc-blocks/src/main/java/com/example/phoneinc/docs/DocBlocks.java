package com.example.phoneinc.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code and configuration blocks printed in the project's user documentation (README.md and
 * docs/), read from the files themselves so a test runs what users read, not a copy.
 *
 * <p>Every block carries an id: in AsciiDoc an anchor line {@code [[id]]} right above {@code
 * [source,lang]}, in Markdown an HTML comment {@code <!-- block: id -->} right above the fence.
 * {@code DocBlocksCoverageTest} fails when a block has no id or no test refers to it.
 */
public final class DocBlocks {

    /** One block: where it is, its id, its language and its text (without the delimiters). */
    public record Block(Path file, int line, String id, String language, String text) {
        /** {@code file:line} relative to the repository, for messages. */
        public String where() {
            return root().relativize(file) + ":" + line;
        }
    }

    private static final Pattern ADOC_ANCHOR = Pattern.compile("^\\[\\[([A-Za-z0-9_.-]+)]]\\s*$");
    private static final Pattern ADOC_SOURCE =
            Pattern.compile("^\\[source,\\s*([A-Za-z0-9]+).*]\\s*$");
    private static final Pattern MD_ID =
            Pattern.compile("^<!--\\s*block:\\s*([A-Za-z0-9_.-]+)\\s*-->\\s*$");
    private static final Pattern MD_FENCE = Pattern.compile("^(\\s*)```\\s*([A-Za-z0-9]*)\\s*$");

    private DocBlocks() {}

    /** The repository root: the nearest directory upwards holding {@code .ci/run}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(".ci").resolve("run"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root (.ci/run) above " + dir);
    }

    /** The user documentation: README.md and every .adoc/.md file in docs/. */
    public static List<Path> documents() {
        Path root = root();
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".adoc") || p.toString().endsWith(".md"))
                    .sorted()
                    .forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** Every block of every document. */
    public static List<Block> all() {
        List<Block> blocks = new ArrayList<>();
        for (Path doc : documents()) {
            blocks.addAll(of(doc));
        }
        return blocks;
    }

    /** The block with this id. */
    public static Block get(String id) {
        return all().stream()
                .filter(b -> id.equals(b.id()))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no documentation block with id '" + id + "'"));
    }

    /** The text of the block with this id. */
    public static String text(String id) {
        return get(id).text();
    }

    /** The blocks of one file, AsciiDoc or Markdown by its extension. */
    public static List<Block> of(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString().endsWith(".md") ? markdown(file, lines) : asciidoc(file, lines);
    }

    private static List<Block> asciidoc(Path file, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher source = ADOC_SOURCE.matcher(lines.get(i));
            if (!source.matches()) {
                continue;
            }
            String id = null;
            if (i > 0) {
                Matcher anchor = ADOC_ANCHOR.matcher(lines.get(i - 1));
                id = anchor.matches() ? anchor.group(1) : null;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).equals("----")) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": [source] without ----");
            }
            int end = lines.subList(i + 2, lines.size()).indexOf("----");
            if (end < 0) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": unterminated block");
            }
            List<String> body = lines.subList(i + 2, i + 2 + end);
            blocks.add(new Block(file, i + 1, id, source.group(1), String.join("\n", body) + "\n"));
            i = i + 2 + end;
        }
        return blocks;
    }

    private static List<Block> markdown(Path file, List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = MD_FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                continue;
            }
            String indent = fence.group(1);
            String id = null;
            if (i > 0) {
                Matcher comment = MD_ID.matcher(lines.get(i - 1).strip());
                id = comment.matches() ? comment.group(1) : null;
            }
            int end = -1;
            for (int j = i + 1; j < lines.size(); j++) {
                if (lines.get(j).equals(indent + "```")) {
                    end = j;
                    break;
                }
            }
            if (end < 0) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": unterminated fence");
            }
            StringBuilder body = new StringBuilder();
            for (String line : lines.subList(i + 1, end)) {
                body.append(line.startsWith(indent) ? line.substring(indent.length()) : line)
                        .append('\n');
            }
            blocks.add(new Block(file, i + 1, id, fence.group(2), body.toString()));
            i = end;
        }
        return blocks;
    }
}
