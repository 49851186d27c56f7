package com.example.phoneinc.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Kamelets as the jar ships them: the filtered files under target/classes/kamelets. */
final class Kamelets {

    static final List<String> NAMES =
            List.of(
                    "phoneinc-call-source",
                    "phoneinc-caller-context-action",
                    "phoneinc-contact-sink",
                    "phoneinc-event-source",
                    "phoneinc-voicemail-source");

    private Kamelets() {}

    static Path directory() {
        Path dir = Path.of("target", "classes", "kamelets").toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: run the build (process-resources)");
        }
        return dir;
    }

    static Path file(String name) {
        return directory().resolve(name + ".kamelet.yaml");
    }

    /** The version the build filtered into the files (surefire/failsafe system property). */
    static String projectVersion() {
        String v = System.getProperty("project.version");
        if (v == null) {
            throw new IllegalStateException("system property project.version is not set");
        }
        return v;
    }
}
