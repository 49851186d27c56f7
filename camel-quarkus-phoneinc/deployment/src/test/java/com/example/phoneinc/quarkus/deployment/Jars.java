package com.example.phoneinc.quarkus.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a dependency really contains, read from its jar (or classes directory in the reactor). */
final class Jars {

    private Jars() {}

    /**
     * Every entry (as a class-path resource name) of the jar or directory that holds {@code type}.
     */
    static Set<String> entries(Class<?> type, Predicate<String> filter) {
        Path root;
        try {
            root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try {
            if (Files.isDirectory(root)) {
                return list(root, filter);
            }
            try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                return list(jar.getPath("/"), filter);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classes (nested ones included) of one package of the jar that holds {@code type}. */
    static Set<String> classesOfPackage(Class<?> type, String packageName) {
        String dir = packageName.replace('.', '/') + "/";
        return entries(
                        type,
                        e ->
                                e.startsWith(dir)
                                        && e.endsWith(".class")
                                        && e.indexOf('/', dir.length()) < 0
                                        && !e.endsWith("package-info.class"))
                .stream()
                .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
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
