package com.example.phoneinc.springboot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Java files printed in the docs, compiled with javac into a directory that becomes a class path
 * root of its own, next to an {@code application.properties}: what a user's project would have in
 * target/classes. Real class files (not classes in memory), so Spring reads and scans them as it
 * does in an application.
 */
final class CompiledApplication {

    private static final Pattern PACKAGE =
            Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TYPE =
            Pattern.compile("^(?:public )?(?:final )?class (\\w+)", Pattern.MULTILINE);

    private final Path classes;
    private final URLClassLoader loader;

    private CompiledApplication(Path classes) throws MalformedURLException {
        this.classes = classes;
        this.loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()},
                        CompiledApplication.class.getClassLoader());
    }

    /** Compiles the sources (each a whole file with its package) into {@code dir}/classes. */
    static CompiledApplication compile(Path dir, String... sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>();
        String classPath = System.getProperty("surefire.test.class.path");
        args.addAll(
                List.of(
                        "-d",
                        classes.toString(),
                        "-proc:none",
                        "-parameters",
                        "-classpath",
                        classPath == null || classPath.isBlank()
                                ? System.getProperty("java.class.path")
                                : classPath));
        for (String source : sources) {
            Matcher pkg = PACKAGE.matcher(source);
            Matcher type = TYPE.matcher(source);
            if (!pkg.find() || !type.find()) {
                throw new AssertionError("no package or class in\n" + source);
            }
            Path file =
                    Files.createDirectories(src.resolve(pkg.group(1).replace('.', '/')))
                            .resolve(type.group(1) + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new AssertionError(
                    "the documented sources do not compile:\n"
                            + errors.toString(StandardCharsets.UTF_8));
        }
        return new CompiledApplication(classes);
    }

    /** Writes {@code application.properties} at the root of the compiled classes. */
    CompiledApplication withApplicationProperties(String properties) {
        try {
            Files.writeString(
                    classes.resolve("application.properties"), properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Class<?> load(String className) throws ClassNotFoundException {
        return loader.loadClass(className);
    }

    /**
     * Runs {@code work} with this class loader as the thread's context class loader, the one Spring
     * Boot reads application.properties and scans packages with.
     */
    <T> T run(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
