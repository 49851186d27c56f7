package com.example.phoneinc.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.FileWatermarkRepository;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.consumer.PhoneIncWebhookProcessor;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example's native-image sources, built by this module's {@code native-sources} execution
 * ({@code quarkus.native.enabled=true}, {@code quarkus.native.sources-only=true}: everything
 * native-image would get, without GraalVM). Checks the reflection and resource configuration
 * Quarkus generated against what the jars contain: every class of the component's exception, model,
 * token-store and error-handling packages, the beans created by class name
 * (FileWatermarkRepository, PhoneIncWebhookProcessor), every libphonenumber metadata file the
 * component can load, the component's own resources, and the simulator's seed data.
 */
class NativeSourcesIT {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode reflection;
    static List<Pattern> resourcePatterns;

    @BeforeAll
    static void readGeneratedConfiguration() throws IOException {
        Path sources = Path.of("target", "native-build", "native-sources");
        Path runner;
        try (Stream<Path> files = Files.list(sources)) {
            runner =
                    files.filter(p -> p.getFileName().toString().endsWith("-runner.jar"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no runner jar in " + sources));
        }
        assertTrue(Files.exists(sources.resolve("native-image.args")));
        try (FileSystem jar = FileSystems.newFileSystem(runner, Map.of())) {
            Path dir = jar.getPath("META-INF", "native-image");
            reflection = MAPPER.readTree(Files.readAllBytes(dir.resolve("reflect-config.json")));
            JsonNode resources =
                    MAPPER.readTree(Files.readAllBytes(dir.resolve("resource-config.json")));
            resourcePatterns = new ArrayList<>();
            for (JsonNode include : resources.path("resources").path("includes")) {
                resourcePatterns.add(Pattern.compile(include.path("pattern").asText()));
            }
        }
        assertFalse(resourcePatterns.isEmpty(), "resource includes");
    }

    /** The classes registered with their constructors, methods and fields. */
    static Set<String> fullyRegistered() {
        Set<String> registered = new TreeSet<>();
        for (JsonNode entry : reflection) {
            if (entry.path("allDeclaredConstructors").asBoolean()
                    && entry.path("allDeclaredMethods").asBoolean()
                    && entry.path("allDeclaredFields").asBoolean()) {
                registered.add(entry.path("name").asText());
            }
        }
        return registered;
    }

    @Test
    void everyExceptionModelTokenStoreAndErrorHandlingClassIsRegistered() throws Exception {
        Set<String> registered = fullyRegistered();
        for (String pkg :
                List.of(
                        "com.example.phoneinc.api",
                        "com.example.phoneinc.api.model",
                        "com.example.phoneinc.auth",
                        "com.example.phoneinc.errorhandling")) {
            Set<String> classes = classesOfPackage(pkg);
            assertFalse(classes.isEmpty(), pkg);
            Set<String> missing = new TreeSet<>(classes);
            missing.removeAll(registered);
            assertEquals(Set.of(), missing, "not registered for reflection, from " + pkg);
        }
    }

    @Test
    void theBeansYamlCreatesByClassNameAreRegistered() {
        Set<String> registered = fullyRegistered();
        // type: com.example.phoneinc.FileWatermarkRepository, constructors: {0: <path>}
        assertTrue(registered.contains(FileWatermarkRepository.class.getName()), "watermarks");
        assertTrue(
                registered.contains(PhoneIncWebhookProcessor.class.getName()), "webhook processor");
    }

    @Test
    void theResourcesTheComponentAndTheSimulatorReadAreIncluded() throws Exception {
        Set<String> needed = new TreeSet<>();
        needed.addAll(
                entries(
                        PhoneNumberUtil.class,
                        e ->
                                e.startsWith(
                                        "com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_")));
        assertTrue(needed.size() > 200, "libphonenumber metadata files: " + needed.size());
        needed.add("com/example/phoneinc/version.properties");
        needed.add("META-INF/com/example/phoneinc/phoneinc.json");
        needed.add("org/apache/camel/catalog/components/phoneinc.json");
        Set<String> seed =
                entries(
                        PhoneIncSimulator.class,
                        e -> e.startsWith("com/example/phoneinc/simulator/data/"));
        assertFalse(seed.isEmpty());
        needed.addAll(seed);

        List<String> missing =
                needed.stream()
                        .filter(
                                r ->
                                        resourcePatterns.stream()
                                                .noneMatch(p -> p.matcher(r).matches()))
                        .collect(Collectors.toList());
        assertEquals(List.of(), missing, "resources not included in the native image");
    }

    private static Set<String> classesOfPackage(String pkg) throws Exception {
        String dir = pkg.replace('.', '/') + "/";
        return entries(
                        PhoneIncException.class,
                        e ->
                                e.startsWith(dir)
                                        && e.endsWith(".class")
                                        && e.indexOf('/', dir.length()) < 0
                                        && !e.endsWith("package-info.class"))
                .stream()
                .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The entries of the jar (or classes directory) holding {@code type}. */
    private static Set<String> entries(Class<?> type, Predicate<String> filter)
            throws IOException, URISyntaxException {
        Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(root)) {
            return list(root, filter);
        }
        try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
            return list(jar.getPath("/"), filter);
        }
    }

    private static Set<String> list(Path root, Predicate<String> filter) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(filter)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
