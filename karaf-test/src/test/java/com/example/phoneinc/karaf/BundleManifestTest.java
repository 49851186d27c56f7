package com.example.phoneinc.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundle's OSGi headers are the deliberate ones of docs/karaf.adoc: the public packages of
 * docs/architecture.md exported at the project version, every other package of ours private, every
 * import versioned and mandatory, no JDK-internal import.
 */
class BundleManifestTest {

    /** The public contract (docs/architecture.md). Anything else of ours is internal. */
    static final Set<String> PUBLIC =
            Set.of(
                    "com.example.phoneinc",
                    "com.example.phoneinc.api",
                    "com.example.phoneinc.api.model",
                    "com.example.phoneinc.auth",
                    "com.example.phoneinc.errorhandling",
                    // PhoneIncWebhookProcessor, for manual webhook wiring
                    "com.example.phoneinc.consumer");

    /**
     * Import ranges by package prefix, the choices of camel-phoneinc-component/pom.xml.
     * HttpClient's lower bound is 0: camel-karaf wraps it unversioned (see FeatureResolutionTest).
     */
    static final Map<String, String> RANGES =
            Map.of(
                    "org.apache.camel", "[4.14,5)",
                    "org.apache.hc.client5", "[0,6)",
                    "org.apache.hc.core5", "[0,6)",
                    "com.fasterxml.jackson", "[2.19,3)",
                    "com.google.i18n.phonenumbers", "[9.0,10)",
                    "org.slf4j", "[2.0,3)");

    private final Attributes main = Build.manifest().getMainAttributes();

    BundleManifestTest() throws IOException {}

    @Test
    void identity() {
        assertEquals("2", main.getValue("Bundle-ManifestVersion"));
        assertEquals("com.example.phoneinc.camel-phoneinc", main.getValue("Bundle-SymbolicName"));
        assertEquals(Build.osgiVersion(), main.getValue("Bundle-Version"));
        assertEquals(
                "(&(osgi.ee=JavaSE)(version=17))",
                OSGiHeader.parseHeader(main.getValue("Require-Capability"))
                        .get("osgi.ee")
                        .get("filter:"));
    }

    @Test
    void exportsThePublicPackagesAtTheProjectVersionAndNothingElse() {
        Parameters exports = OSGiHeader.parseHeader(main.getValue("Export-Package"));
        assertEquals(new TreeSet<>(PUBLIC), new TreeSet<>(exports.keySet()), "Export-Package");
        for (Map.Entry<String, Attrs> e : exports.entrySet()) {
            assertEquals(Build.osgiVersion(), e.getValue().get("version"), e.getKey() + " version");
        }
        assertNull(main.getValue("DynamicImport-Package"), "no dynamic imports");
    }

    @Test
    void everyPackageOfTheJarIsOursAndTheInternalOnesArePrivate() throws IOException {
        Set<String> packages = classPackages();
        assertTrue(packages.contains("com.example.phoneinc.client"), "scanned: " + packages);
        List<String> foreign = new ArrayList<>();
        for (String p : packages) {
            if (!p.equals("com.example.phoneinc") && !p.startsWith("com.example.phoneinc.")) {
                foreign.add(p);
            }
        }
        assertEquals(List.of(), foreign, "classes outside com.example.phoneinc in the bundle");
        Set<String> internal = new TreeSet<>(packages);
        internal.removeAll(PUBLIC);
        assertTrue(internal.contains("com.example.phoneinc.producer"), "internal: " + internal);
        Parameters exports = OSGiHeader.parseHeader(main.getValue("Export-Package"));
        for (String p : internal) {
            assertTrue(!exports.containsKey(p), p + " is internal and must not be exported");
        }
    }

    @Test
    void importsAreVersionedMandatoryAndNeverJdkInternals() {
        Parameters imports = OSGiHeader.parseHeader(main.getValue("Import-Package"));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Attrs> e : imports.entrySet()) {
            String pkg = e.getKey();
            String version = e.getValue().get("version");
            if (pkg.startsWith("com.sun.") || pkg.startsWith("sun.") || pkg.startsWith("jdk.")) {
                wrong.add(pkg + ": JDK internal (Karaf does not export it)");
            }
            if (pkg.startsWith("com.example.phoneinc")) {
                wrong.add(pkg + ": imports its own package (exports are -noimport)");
            }
            if ("optional".equals(e.getValue().get("resolution:"))) {
                wrong.add(pkg + ": optional (fails later, at class loading)");
            }
            if (pkg.startsWith("javax.")) {
                continue; // the JDK's, from the system bundle
            }
            String expected =
                    RANGES.entrySet().stream()
                            .filter(r -> pkg.equals(r.getKey()) || pkg.startsWith(r.getKey() + "."))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse(null);
            if (expected == null) {
                wrong.add(pkg + ": no deliberate range (add one to the pom and to RANGES)");
            } else if (!expected.equals(version)) {
                wrong.add(pkg + ": version " + version + ", expected " + expected);
            }
        }
        assertEquals(List.of(), wrong, "Import-Package: " + imports);
        assertTrue(imports.containsKey("org.apache.camel"), "camel-core-osgi sees Component");
        assertTrue(imports.containsKey("org.apache.camel.spi"), "... and the configurers");
    }

    @Test
    void theCatalogCopyIsAResourceNotAnExport() throws IOException {
        // camel-report's validate reads it; in OSGi it must not split camel-catalog's package
        Parameters exports = OSGiHeader.parseHeader(main.getValue("Export-Package"));
        assertTrue(!exports.containsKey("org.apache.camel.catalog.components"));
        assertTrue(resourceExists("org/apache/camel/catalog/components/phoneinc.json"));
        assertTrue(resourceExists("META-INF/services/org/apache/camel/component/phoneinc"));
    }

    private static Set<String> classPackages() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (String name : entries()) {
            if (name.endsWith(".class") && name.contains("/")) {
                packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
            }
        }
        return packages;
    }

    private static boolean resourceExists(String name) throws IOException {
        return entries().contains(name);
    }

    static List<String> entries() throws IOException {
        Path bundle = Build.bundle();
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(bundle)) {
            try (Stream<Path> files = Files.walk(bundle)) {
                files.filter(Files::isRegularFile)
                        .forEach(
                                f -> names.add(bundle.relativize(f).toString().replace('\\', '/')));
            }
        } else {
            try (JarFile jar = new JarFile(bundle.toFile())) {
                jar.stream().map(JarEntry::getName).forEach(names::add);
            }
        }
        return names;
    }
}
