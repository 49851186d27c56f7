package com.example.phoneinc.kamelets;

import com.example.phoneinc.docs.DocBlocks;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs Camel JBang ({@link CamelJBangLauncher}) as a separate process in a working directory of its
 * own, with {@code user.home} there too (JBang writes {@code .camel-jbang/} and {@code ~/.camel}),
 * offline, against a local repository that holds this build's jars and reads everything else from
 * the real one.
 */
final class JBangProcess {

    /** A finished run. */
    record Result(int exitCode, String output) {}

    private final Path workDir;
    private final Path repository;
    private final Map<String, String> env;
    private Process process;
    private Path log;

    JBangProcess(Path workDir, Path repository, Map<String, String> env) {
        this.workDir = workDir;
        this.repository = repository;
        this.env = env;
    }

    /** Starts {@code camel <args>}. */
    JBangProcess start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Duser.home=" + workDir.resolve("home"));
        command.add("-Dmaven.repo.local=" + repository);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath()));
        command.add(CamelJBangLauncher.class.getName());
        command.addAll(args);
        log = workDir.resolve("jbang-" + System.nanoTime() + ".log");
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Waits for the process to end (a hung one is killed and fails the test). */
    Result await(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("camel did not end within " + seconds + " s:\n" + output());
        }
        return new Result(process.exitValue(), output());
    }

    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /**
     * The test JVM's class path — camel-jbang-core and its dependencies — without anything of this
     * project: the component and Kamelets must come from the local repository, as for a user.
     */
    static List<String> classPath() {
        String cp =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        Path root = DocBlocks.root();
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> !e.isBlank())
                .filter(
                        e -> {
                            Path p = Path.of(e).toAbsolutePath();
                            return p.equals(testClasses)
                                    || !p.startsWith(root)
                                            && !e.replace('\\', '/')
                                                    .contains("/com/example/phoneinc/");
                        })
                .collect(Collectors.toList());
    }

    /**
     * A local repository in {@code dir}: this build's component and Kamelet jars with their poms
     * and the parent pom, and everything else linked (read-only in practice: JBang runs offline and
     * downloads nothing) from the real local repository.
     */
    static Path stageRepository(Path dir) throws IOException {
        Path real = Path.of(System.getProperty("maven.repo.local"));
        Path repo = dir.resolve("repository");
        linkAllBut(real, repo, List.of("com", "example", "phoneinc"));
        String version = Kamelets.projectVersion();
        Path root = DocBlocks.root();
        stage(repo, "camel-phoneinc", version, root.resolve("camel-phoneinc-component"), "jar");
        stage(
                repo,
                "camel-phoneinc-kamelets",
                version,
                root.resolve("camel-phoneinc-kamelets"),
                "jar");
        stage(repo, "phoneinc-parent", version, root, null);
        return repo;
    }

    /** Mirrors {@code from} in {@code to} with symbolic links, except along {@code path}. */
    private static void linkAllBut(Path from, Path to, List<String> path) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!path.isEmpty() && name.equals(path.get(0))) {
                    if (path.size() > 1) {
                        linkAllBut(entry, to.resolve(name), path.subList(1, path.size()));
                    } else {
                        Files.createDirectories(to.resolve(name)); // ours: staged, never linked
                    }
                } else {
                    Files.createSymbolicLink(to.resolve(name), entry);
                }
            }
        }
    }

    private static void stage(Path repo, String artifact, String version, Path module, String jar)
            throws IOException {
        Path dir = repo.resolve("com/example/phoneinc/" + artifact + "/" + version);
        Files.createDirectories(dir);
        Files.copy(
                module.resolve("pom.xml"),
                dir.resolve(artifact + "-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Path built = module.resolve("target/" + artifact + "-" + version + ".jar");
            if (!Files.isRegularFile(built)) {
                throw new IllegalStateException(built + " is missing: run after package");
            }
            Files.copy(
                    built,
                    dir.resolve(artifact + "-" + version + ".jar"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
