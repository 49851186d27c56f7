package com.example.phoneinc.docs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a Java snippet printed in the docs, in memory, against the test class path, so a test
 * can run the route the docs show. The snippet is placed as printed into the body of a method of a
 * class the caller writes around it (see {@link #routeBuilder}).
 */
public final class JavaSnippets {

    private JavaSnippets() {}

    /**
     * A {@code RouteBuilder} subclass named {@code className} whose {@code configure()} is {@code
     * snippet}, with {@code imports} and a {@code context} field (the builder's CamelContext; a
     * field, so the snippet's lambdas may still name a parameter {@code context}).
     */
    public static String routeBuilder(String className, List<String> imports, String snippet) {
        StringBuilder src = new StringBuilder();
        for (String i : imports) {
            src.append("import ").append(i).append(";\n");
        }
        src.append("public class ")
                .append(className)
                .append(" extends org.apache.camel.builder.RouteBuilder {\n")
                .append("  private org.apache.camel.CamelContext context;\n")
                .append("  @Override public void configure() throws Exception {\n")
                .append("    context = getContext();\n")
                .append(snippet)
                .append("\n  }\n}\n");
        return src.toString();
    }

    /** Compiles one source file and loads its class. */
    public static Class<?> compile(String className, String source, ClassLoader parent) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler: run the tests on a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, null);
        JavaFileManager files =
                new ForwardingJavaFileManager<>(standard) {
                    @Override
                    public JavaFileObject getJavaFileForOutput(
                            Location location,
                            String name,
                            JavaFileObject.Kind kind,
                            FileObject sibling) {
                        return new SimpleJavaFileObject(
                                URI.create("mem:///" + name.replace('.', '/') + kind.extension),
                                kind) {
                            @Override
                            public OutputStream openOutputStream() {
                                return classes.computeIfAbsent(
                                        name, n -> new ByteArrayOutputStream());
                            }
                        };
                    }
                };
        JavaFileObject unit =
                new SimpleJavaFileObject(
                        URI.create("string:///" + className + ".java"),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        String classPath = System.getProperty("surefire.test.class.path");
        if (classPath == null || classPath.isBlank()) {
            classPath = System.getProperty("java.class.path");
        }
        boolean ok =
                compiler.getTask(
                                null,
                                files,
                                diagnostics,
                                List.of("-classpath", classPath, "-proc:none"),
                                null,
                                List.of(unit))
                        .call();
        if (!ok) {
            StringBuilder msg = new StringBuilder("the snippet does not compile:\n");
            diagnostics
                    .getDiagnostics()
                    .forEach(
                            d ->
                                    msg.append("  line ")
                                            .append(d.getLineNumber())
                                            .append(": ")
                                            .append(d.getMessage(null))
                                            .append('\n'));
            msg.append(source);
            throw new AssertionError(msg.toString());
        }
        ClassLoader loader =
                new ClassLoader(parent) {
                    @Override
                    protected Class<?> findClass(String name) throws ClassNotFoundException {
                        ByteArrayOutputStream bytes = classes.get(name);
                        if (bytes == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] b = bytes.toByteArray();
                        return defineClass(name, b, 0, b.length);
                    }
                };
        try {
            return loader.loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
