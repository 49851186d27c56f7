package com.example.phoneinc.karaf;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Jar;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a feature's bundle location into the file Karaf would install, from a local Maven
 * repository layout ({@code target/karaf-repo}, filled by the pom):
 *
 * <ul>
 *   <li>{@code mvn:g/a/v[/type[/classifier]]}: the artifact itself;
 *   <li>{@code wrap:mvn:...$instructions}: wrapped as Karaf's wrap: handler (pax-url-wrap) wraps
 *       it, with bnd: the given instructions, {@code Import-Package: *;resolution:=optional}, every
 *       package of the jar exported, {@code overwrite=merge} keeping the jar's own headers; a jar
 *       that already has OSGi headers and no {@code overwrite} stays as it is;
 *   <li>{@code mvn:org.apache.camel.karaf/camel-x/v}: camel-karaf's bundles cannot be downloaded
 *       here, so the plain Camel jar {@code org.apache.camel:camel-x:v} is wrapped with
 *       camel-karaf's own bnd instruction ({@code Export-Package: org.apache.camel*;version=v}) —
 *       its imports made optional, since Camel's own dependencies are not what this test is about.
 *       When {@code v} is not served either, the build's Camel version of that jar stands in
 *       (listed in {@link #standIns()}).
 * </ul>
 */
final class BundleFiles {

    private final Path repo;
    private final Path work;
    private final List<String> standIns = new ArrayList<>();
    private final List<String> notProvided = new ArrayList<>();

    BundleFiles(Path repo, Path work) {
        this.repo = repo;
        this.work = work;
    }

    /** camel-karaf bundles given by a plain Camel jar of another version, with why. */
    List<String> standIns() {
        return standIns;
    }

    /** Bundles of the feature closure this test does not install (no jar in the repository). */
    List<String> notProvided() {
        return notProvided;
    }

    /**
     * The file to install for this location; {@code null} for a camel-karaf bundle, or a bundle of
     * a feature that is not {@code required} (Camel's own dependencies), that is not provided.
     */
    Path file(String location, boolean required) throws Exception {
        boolean wrap = location.startsWith("wrap:");
        String rest = wrap ? location.substring("wrap:".length()) : location;
        String instructions = "";
        int dollar = rest.indexOf('$');
        if (dollar >= 0) {
            instructions = rest.substring(dollar + 1);
            rest = rest.substring(0, dollar);
        }
        if (!rest.startsWith("mvn:")) {
            throw new IllegalArgumentException("not a mvn: location: " + location);
        }
        String[] gav = rest.substring("mvn:".length()).split("/");
        String group = gav[0];
        String artifact = gav[1];
        String version = gav[2];
        String type = gav.length > 3 ? gav[3] : "jar";
        String classifier = gav.length > 4 ? gav[4] : null;

        if (group.equals("org.apache.camel.karaf")) {
            return camelKarafBundle(artifact, version);
        }
        Path jar = artifact(group, artifact, version, type, classifier);
        if (!Files.isRegularFile(jar) && !required) {
            notProvided.add(artifact + " " + version);
            return null;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    location + ": " + jar + " missing (add it to karaf-test/pom.xml's karaf-repo)");
        }
        return wrap ? wrap(jar, artifact + "-" + version, instructions) : jar;
    }

    private Path camelKarafBundle(String artifact, String version) throws Exception {
        Path jar = artifact("org.apache.camel", artifact, version, "jar", null);
        if (!Files.isRegularFile(jar)) {
            Path other;
            Pattern name = Pattern.compile(Pattern.quote(artifact) + "-\\d[^-]*\\.jar");
            try (Stream<Path> all = Files.list(repo)) {
                other =
                        all.filter(f -> name.matcher(f.getFileName().toString()).matches())
                                .findFirst()
                                .orElse(null);
            }
            if (other == null) {
                notProvided.add(artifact);
                return null;
            }
            standIns.add(
                    artifact + " " + version + " (not served) given by " + other.getFileName());
            jar = other;
        }
        Properties p = new Properties();
        p.setProperty("Bundle-SymbolicName", artifact);
        p.setProperty("Bundle-Version", version);
        p.setProperty("Export-Package", "org.apache.camel*;version=" + version);
        p.setProperty("Import-Package", "*;resolution:=optional");
        return analyze(jar, artifact + "-" + version + "-camel-karaf", p, false);
    }

    /**
     * A stand-in for a package Karaf's framework itself exports (pax-logging's slf4j 2 API): the
     * jar's packages at its version, nothing required (slf4j-api's own manifest wants SPI Fly).
     */
    Path karafProvided(String fileName, String symbolicName, String exports) throws Exception {
        Properties p = new Properties();
        p.setProperty("Bundle-SymbolicName", symbolicName);
        p.setProperty("Bundle-Version", "0.0.0.karaf");
        p.setProperty("Export-Package", exports);
        p.setProperty("Import-Package", "*;resolution:=optional");
        return analyze(repo.resolve(fileName), symbolicName, p, false);
    }

    private Path wrap(Path jar, String name, String instructions) throws Exception {
        Properties p = new Properties();
        boolean merge = false;
        boolean overwrite = false;
        for (String segment : instructions.split("&")) {
            if (segment.isBlank()) {
                continue;
            }
            int eq = segment.indexOf('=');
            String key = segment.substring(0, eq);
            String value = URLDecoder.decode(segment.substring(eq + 1), StandardCharsets.UTF_8);
            if (key.equals("overwrite")) {
                overwrite = true;
                merge = value.equals("merge");
            } else {
                p.setProperty(key, value);
            }
        }
        try (Jar j = new Jar(jar.toFile())) {
            Manifest m = j.getManifest();
            boolean isBundle =
                    m != null
                            && (m.getMainAttributes().getValue("Export-Package") != null
                                    || m.getMainAttributes().getValue("Import-Package") != null);
            if (isBundle && !overwrite) {
                return jar;
            }
        }
        return analyze(jar, name + "-wrapped", p, merge);
    }

    private Path analyze(Path jar, String name, Properties instructions, boolean merge)
            throws Exception {
        Path out = work.resolve(name + ".jar");
        try (Jar j = new Jar(jar.toFile());
                Analyzer analyzer = new Analyzer()) {
            Manifest existing = j.getManifest();
            analyzer.setJar(j);
            analyzer.setProperties(instructions);
            if (merge && existing != null) {
                analyzer.mergeManifest(existing);
            }
            if (analyzer.getProperty("Import-Package") == null) {
                analyzer.setProperty("Import-Package", "*;resolution:=optional");
            }
            if (analyzer.getProperty("Export-Package") == null) {
                analyzer.setProperty("Export-Package", analyzer.calculateExportsFromContents(j));
            }
            j.setManifest(analyzer.calcManifest());
            j.write(out.toFile());
        }
        return out;
    }

    private Path artifact(
            String group, String artifact, String version, String type, String classifier) {
        String file =
                artifact
                        + "-"
                        + version
                        + (classifier == null ? "" : "-" + classifier)
                        + "."
                        + type;
        return repo.resolve(file);
    }
}
