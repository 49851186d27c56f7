package com.example.phoneinc.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated parts of a documentation page: what stands between a {@code //
 * generated:NAME:begin} and a {@code // generated:NAME:end} line is written from the code it
 * documents (the catalog, the Kamelet files), so the page cannot drift from it. A test builds the
 * page as it should be and {@linkplain #check checks} it; run it with {@code
 * -Dphoneinc.docs.update=true} to rewrite the page instead.
 */
public final class GeneratedSections {

    private GeneratedSections() {}

    /** {@code page} with the section {@code name} replaced by {@code text}. */
    public static String replace(String page, String name, String text) {
        String begin = "// generated:" + name + ":begin\n";
        String end = "// generated:" + name + ":end";
        int b = page.indexOf(begin);
        int e = page.indexOf(end);
        if (b < 0 || e < b) {
            throw new AssertionError("the page lacks the markers " + begin.strip() + " / " + end);
        }
        return page.substring(0, b + begin.length()) + text + page.substring(e);
    }

    /**
     * Fails unless {@code file} reads {@code expected}; rewrites it first when the system property
     * {@code phoneinc.docs.update} is true.
     *
     * @param test the test class to name in the failure's "run ..." hint
     */
    public static void check(Path file, String expected, String test) throws IOException {
        if (Boolean.getBoolean("phoneinc.docs.update")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.readString(file, StandardCharsets.UTF_8);
        if (!actual.equals(expected)) {
            throw new AssertionError(
                    DocBlocks.root().relativize(file.toAbsolutePath().normalize())
                            + " is out of date from line "
                            + firstDifferentLine(expected, actual)
                            + ": run mvn test -Dtest="
                            + test
                            + " -Dphoneinc.docs.update=true");
        }
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        return i + 1;
    }
}
