package com.example.phoneinc.karaf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Karaf features XMLs read the way Karaf's feature service reads them for {@code feature:install}:
 * a feature's {@code <feature>} dependencies (name and version range, the highest matching version
 * wins), recursively, and the {@code <bundle>} elements of all of them. Conditionals and features
 * from repositories not loaded here (Karaf's own: spifly, xml-specs-api, ...) are reported, not
 * followed.
 */
final class Features {

    /** One {@code <bundle>}: its location, and the feature that lists it. */
    record BundleRef(String location, boolean dependency, String feature) {}

    /** What {@code feature:install name} would install. */
    record Closure(List<String> features, List<BundleRef> bundles, Set<String> notInRepositories) {}

    private record Feature(String name, Version version, Element element) {}

    private final Map<String, List<Feature>> byName = new LinkedHashMap<>();
    private final List<String> repositories = new ArrayList<>();

    /**
     * Reads these features XMLs (a repository and the repositories it names, read by the caller).
     */
    static Features read(Path... files) throws Exception {
        Features f = new Features();
        for (Path file : files) {
            f.add(file);
        }
        return f;
    }

    private void add(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(Files.newInputStream(file));
        Element root = doc.getDocumentElement();
        for (Element repo : children(root, "repository")) {
            repositories.add(repo.getTextContent().strip());
        }
        for (Element feature : children(root, "feature")) {
            String name = feature.getAttribute("name");
            String version = feature.getAttribute("version");
            byName.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(
                            new Feature(
                                    name,
                                    version.isEmpty()
                                            ? Version.emptyVersion
                                            : Version.parseVersion(version),
                                    feature));
        }
    }

    /** The {@code <repository>} elements of the files read. */
    List<String> repositories() {
        return repositories;
    }

    /** The {@code <repository>} elements of one file. */
    static List<String> read_repositories_of(Path file) {
        try {
            return read(file).repositories();
        } catch (Exception e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }

    /** The version of {@code name} Karaf would pick for this range ({@code null}: any). */
    Optional<Version> pick(String name, String range) {
        return find(name, range).map(Feature::version);
    }

    Closure closure(String name) {
        List<String> installed = new ArrayList<>();
        List<BundleRef> bundles = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        visit(name, "", installed, bundles, missing);
        return new Closure(installed, bundles, missing);
    }

    private void visit(
            String name,
            String range,
            List<String> installed,
            List<BundleRef> bundles,
            Set<String> missing) {
        Optional<Feature> found = find(name, range);
        if (found.isEmpty()) {
            missing.add(name + (range.isEmpty() ? "" : " " + range));
            return;
        }
        Feature f = found.get();
        String id = f.name() + "/" + f.version();
        if (installed.contains(id)) {
            return;
        }
        installed.add(id);
        for (Element dep : children(f.element(), "feature")) {
            visit(
                    dep.getTextContent().strip(),
                    dep.getAttribute("version"),
                    installed,
                    bundles,
                    missing);
        }
        for (Element bundle : children(f.element(), "bundle")) {
            bundles.add(
                    new BundleRef(
                            bundle.getTextContent().strip(),
                            "true".equals(bundle.getAttribute("dependency")),
                            id));
        }
    }

    private Optional<Feature> find(String name, String range) {
        List<Feature> candidates = byName.getOrDefault(name, List.of());
        if (range == null || range.isBlank()) {
            return candidates.stream().max(Comparator.comparing(Feature::version));
        }
        VersionRange r =
                range.startsWith("[") || range.startsWith("(")
                        ? new VersionRange(range)
                        : new VersionRange(
                                VersionRange.LEFT_CLOSED,
                                Version.parseVersion(range),
                                Version.parseVersion(range),
                                VersionRange.RIGHT_CLOSED);
        return candidates.stream()
                .filter(c -> r.includes(c.version()))
                .max(Comparator.comparing(Feature::version));
    }

    /** Direct children (not descendants: a conditional's bundles are not the feature's). */
    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
