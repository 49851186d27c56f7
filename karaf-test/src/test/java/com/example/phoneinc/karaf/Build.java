package com.example.phoneinc.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** What the pom hands the tests: the bundle, the features XML, the Karaf repository layout. */
final class Build {

    private Build() {}

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException(
                    name + " is not set: run through Maven (karaf-test/pom.xml)");
        }
        return value;
    }

    /** The component bundle as the reactor built it (a jar, or target/classes before package). */
    static Path bundle() {
        Path jar = Path.of(property("phoneinc.bundle"));
        Path classes = jar.resolveSibling("classes");
        return Files.isRegularFile(jar) || !Files.isDirectory(classes) ? jar : classes;
    }

    static Path features() {
        return Path.of(property("phoneinc.features"));
    }

    static Path karafRepo() {
        return Path.of(property("karaf.repo"));
    }

    static Path camelKarafFeatures() {
        String v = property("karaf.camel.version");
        return karafRepo().resolve("apache-camel-" + v + "-features.xml");
    }

    /** The OSGi form of the project version (0.1.0-SNAPSHOT → 0.1.0.SNAPSHOT). */
    static String osgiVersion() {
        return property("project.version").replace('-', '.');
    }

    static Manifest manifest() throws IOException {
        Path bundle = bundle();
        if (Files.isDirectory(bundle)) {
            try (InputStream in = Files.newInputStream(bundle.resolve(JarFile.MANIFEST_NAME))) {
                return new Manifest(in);
            }
        }
        try (JarFile jar = new JarFile(bundle.toFile())) {
            return jar.getManifest();
        }
    }
}
