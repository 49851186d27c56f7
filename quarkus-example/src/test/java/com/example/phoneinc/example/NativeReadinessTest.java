package com.example.phoneinc.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.Voicemail;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a native build relies on but JVM mode cannot show: reflection registrations of the
 * component's models, TLS, and class-path resources included in the image.
 */
class NativeReadinessTest {

    static final String MODEL_PACKAGE = Voicemail.class.getPackageName();

    @Test
    void everyModelClassOfTheComponentIsRegisteredForReflection() throws Exception {
        Set<String> inPackage = modelClasses();
        assertTrue(inPackage.size() >= 10, "found the model package: " + inPackage);

        RegisterForReflection registration =
                NativeRegistrations.class.getAnnotation(RegisterForReflection.class);
        assertNotNull(registration);
        Set<String> registered =
                Arrays.stream(registration.targets())
                        .map(Class::getName)
                        .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(
                inPackage,
                registered,
                "NativeRegistrations must list exactly the classes of " + MODEL_PACKAGE);
        assertTrue(registration.methods() && registration.fields());
    }

    @Test
    void theApplicationsOwnJsonTypesAreRegisteredForReflection() {
        for (Class<?> type :
                new Class<?>[] {
                    Ticket.class,
                    Ticket.MainNumberRef.class,
                    Ticket.ContactRef.class,
                    Ticket.CustomerRef.class,
                    Ticket.OrderRef.class
                }) {
            assertNotNull(type.getAnnotation(RegisterForReflection.class), type.getName());
        }
        for (Class<?> nested : Ticket.class.getDeclaredClasses()) {
            assertNotNull(nested.getAnnotation(RegisterForReflection.class), nested.getName());
        }
    }

    @Test
    void tlsAndClassPathResourcesAreEnabledForNative() throws Exception {
        Properties props = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        assertEquals("true", props.getProperty("quarkus.ssl.native"));
        String includes = props.getProperty("quarkus.native.resources.includes");
        assertNotNull(includes);
        // each resource the component or the simulator loads at run time is covered by a glob
        for (String resource :
                new String[] {
                    "com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_US",
                    "com/example/phoneinc/version.properties",
                    "com/example/phoneinc/simulator/data/company-a/voicemails.json"
                }) {
            assertNotNull(
                    getClass().getClassLoader().getResource(resource),
                    resource + " exists on the class path");
            assertTrue(
                    Arrays.stream(includes.split(","))
                            .map(String::strip)
                            .anyMatch(glob -> matches(glob, resource)),
                    resource + " is included by " + includes);
        }
    }

    /** The classes of the model package in the component's jar (or classes directory). */
    static Set<String> modelClasses() throws Exception {
        URI location = Voicemail.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        String packagePath = MODEL_PACKAGE.replace('.', '/');
        if (Files.isDirectory(root)) {
            return classesUnder(root.resolve(packagePath), packagePath);
        }
        try (FileSystem jar =
                FileSystems.newFileSystem(URI.create("jar:" + root.toUri()), Map.of())) {
            return classesUnder(jar.getPath(packagePath), packagePath);
        }
    }

    private static Set<String> classesUnder(Path dir, String packagePath) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".class"))
                            .filter(n -> !n.equals("package-info.class"))
                            .map(n -> n.substring(0, n.length() - ".class".length()))
                            .map(n -> (packagePath + "/" + n).replace('/', '.'))
                            .collect(Collectors.toCollection(TreeSet::new));
            assertFalse(names.isEmpty(), "no classes in " + dir);
            return names;
        }
    }

    private static boolean matches(String glob, String resource) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(resource));
    }
}
