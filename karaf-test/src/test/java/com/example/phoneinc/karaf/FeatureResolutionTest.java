package com.example.phoneinc.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * {@code feature:install camel-phoneinc} as far as it can be done here: the feature is read from
 * the features XML this build attaches, followed through camel-karaf 4.14.5's features XML
 * (camel-core, camel-webhook, jackson, http-client), and every bundle it names is installed in an
 * Apache Felix framework (Karaf's framework) with the JDK packages of the running Java as system
 * packages. The component bundle must resolve with every import wired to a bundle of the feature —
 * Camel at 4.14.5, HttpClient 5.4.4 / HttpCore 5.3.5 as camel-karaf wraps them, Jackson 2.19.4 —
 * all its classes must load inside the framework, and a call through {@code phoneinc:} must work
 * there.
 *
 * <p>Not Karaf: no feature service, no Blueprint, no camel-core-osgi (camel-karaf's Camel bundles
 * are not downloadable here; {@link BundleFiles} says what stands in for them).
 */
class FeatureResolutionTest {

    /** Features from Karaf's own repositories (standard, specs), not from camel-karaf's. */
    static final Set<String> KARAF_FEATURES = Set.of("spifly", "wrap");

    /**
     * Features whose every bundle must be installed: ours and the third-party ones it names. The
     * bundles of Camel's own closure (camel-core's xml-specs-api, ...) are installed when the pom
     * provides them, else listed as not installed: Camel's wrapped bundles import optionally here.
     */
    static final Set<String> REQUIRED = Set.of("camel-phoneinc", "jackson", "http-client");

    static boolean required(String featureId) {
        return REQUIRED.contains(featureId.substring(0, featureId.indexOf('/')));
    }

    static final String COMPONENT_LOCATION_PREFIX = "mvn:com.example.phoneinc/camel-phoneinc/";

    @TempDir static Path work;

    static Features features;
    static Features.Closure closure;
    static BundleFiles files;
    static Framework framework;
    static final Map<String, Bundle> installed = new LinkedHashMap<>();
    static Bundle component;

    @BeforeAll
    static void installTheFeature() throws Exception {
        features = Features.read(Build.features(), Build.camelKarafFeatures());
        closure = features.closure("camel-phoneinc");
        files = new BundleFiles(Build.karafRepo(), work);

        Map<String, String> config = new TreeMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("felix-cache").toString());
        config.put(
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Karaf's etc/config.properties boot delegation
        config.put(
                Constants.FRAMEWORK_BOOTDELEGATION,
                "com.sun.*,javax.xml.crypto,javax.xml.crypto.*,sun.*,jdk.internal.reflect,jdk.internal.reflect.*");
        config.put("felix.log.level", "1");
        framework = new FrameworkFactory().newFramework(config);
        framework.start();

        for (Features.BundleRef ref : closure.bundles()) {
            if (installed.containsKey(ref.location())) {
                continue;
            }
            Path file =
                    ref.location().startsWith(COMPONENT_LOCATION_PREFIX)
                            ? componentJar()
                            : files.file(ref.location(), required(ref.feature()));
            if (file == null) {
                continue; // a camel-karaf bundle with no plain jar here (reported below)
            }
            try (InputStream in = Files.newInputStream(file)) {
                Bundle b = framework.getBundleContext().installBundle(ref.location(), in);
                installed.put(ref.location(), b);
                if (ref.location().startsWith(COMPONENT_LOCATION_PREFIX)) {
                    component = b;
                }
            }
        }
        // Karaf's framework itself provides the logging API (pax-logging exports slf4j 2): stand-in
        Path slf4j =
                files.karafProvided(
                        "slf4j-api-2.0.17.jar",
                        "karaf.pax-logging.standin",
                        "org.slf4j*;version=2.0.17");
        try (InputStream in = Files.newInputStream(slf4j)) {
            installed.put(
                    "karaf:pax-logging (slf4j-api 2.0.17)",
                    framework.getBundleContext().installBundle("karaf:slf4j-api", in));
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(installed.values());
        System.out.println("[karaf-test] features: " + closure.features());
        System.out.println("[karaf-test] installed " + installed.size() + " bundles");
        System.out.println("[karaf-test] stand-ins: " + files.standIns());
        System.out.println(
                "[karaf-test] camel-karaf bundles not installed: " + files.notProvided());
    }

    @AfterAll
    static void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void theFeatureBuildsOnCamelKarafsFeatures() {
        assertEquals(
                List.of("mvn:org.apache.camel.karaf/apache-camel/4.14.5/xml/features"),
                Features.read_repositories_of(Build.features()));
        List<String> ids = closure.features();
        assertEquals("camel-phoneinc/" + Build.osgiVersion(), ids.get(0));
        for (String expected :
                List.of(
                        "camel-core/4.14.5",
                        "camel-webhook/4.14.5",
                        "jackson/2.19.4",
                        "http-client/5.4.4")) {
            assertTrue(ids.contains(expected), expected + " in " + ids);
        }
        assertEquals(KARAF_FEATURES, closure.notInRepositories(), "features neither XML defines");
        assertNotNull(component, "the component bundle is part of the feature");
    }

    @Test
    void everyBundleOfTheFeatureResolves() {
        List<String> failures = new ArrayList<>();
        for (Bundle b : installed.values()) {
            if (b.getState() != Bundle.RESOLVED) {
                try {
                    b.start(); // reports why it does not resolve
                    failures.add(b.getSymbolicName() + " did not resolve at first");
                } catch (BundleException e) {
                    failures.add(b.getLocation() + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures, "unresolved bundles");
        assertEquals(Bundle.RESOLVED, component.getState());
    }

    @Test
    void theComponentIsWiredToTheFeaturesBundlesAtTheirVersions() {
        Map<String, BundleWire> wires = packageWires(component);
        // camel-core-osgi registers the component's resolvers only when it imports these from Camel
        assertProvider(wires, "org.apache.camel", "camel-api", "4.14.5");
        assertProvider(wires, "org.apache.camel.spi", "camel-api", "4.14.5");
        assertProvider(wires, "org.apache.camel.support", "camel-support", "4.14.5");
        assertProvider(wires, "org.apache.camel.model", "camel-core-model", "4.14.5");
        // the lower HttpClient: what camel-karaf's http-client feature installs, wrapped by wrap:
        // without package versions (0.0.0) — hence the bundle's [0,6); the bundles' versions here
        assertProviderBundle(
                wires,
                "org.apache.hc.client5.http.impl.async",
                "wrap_org.apache.httpcomponents.client5.httpclient5",
                "5.4.4");
        assertProviderBundle(
                wires,
                "org.apache.hc.core5.http",
                "wrap_org.apache.httpcomponents.core5.httpcore5",
                "5.3.5");
        assertProviderBundle(
                wires,
                "org.apache.hc.core5.http2",
                "wrap_org.apache.httpcomponents.core5.httpcore5-h2",
                "5.3.5");
        assertProvider(
                wires,
                "org.apache.hc.client5.http",
                "wrap_org.apache.httpcomponents.client5.httpclient5",
                "0.0.0");
        assertProvider(
                wires,
                "com.fasterxml.jackson.databind",
                "com.fasterxml.jackson.core.jackson-databind",
                "2.19.4");
        assertProvider(
                wires,
                "com.fasterxml.jackson.datatype.jsr310",
                "com.fasterxml.jackson.datatype.jackson-datatype-jsr310",
                "2.19.4");
        assertProvider(
                wires, "com.google.i18n.phonenumbers", "com.googlecode.libphonenumber", null);
        List<String> fromTheFramework = new ArrayList<>();
        wires.forEach(
                (pkg, w) -> {
                    if (w.getProvider().getBundle().getBundleId() == 0
                            && !pkg.startsWith("javax.")) {
                        fromTheFramework.add(pkg);
                    }
                });
        assertEquals(
                List.of(), fromTheFramework, "only JDK javax.* packages come from the framework");
    }

    @Test
    void everyClassOfTheBundleLoadsInsideTheFramework() throws Exception {
        ClassLoader loader = component.adapt(BundleWiring.class).getClassLoader();
        List<String> failures = new ArrayList<>();
        int loaded = 0;
        for (String entry : BundleManifestTest.entries()) {
            if (!entry.endsWith(".class") || entry.endsWith("module-info.class")) {
                continue;
            }
            String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
            try {
                Class<?> c = Class.forName(name, true, loader);
                // signatures resolve every type they name, in this bundle's class space
                c.getDeclaredMethods();
                c.getDeclaredFields();
                c.getDeclaredConstructors();
                loaded++;
            } catch (Throwable t) {
                failures.add(name + ": " + t);
            }
        }
        assertEquals(List.of(), failures, "classes that do not load in OSGi");
        assertTrue(loaded > 50, "loaded " + loaded);
    }

    @Test
    void aCallThroughTheComponentWorksInsideTheFramework() throws Exception {
        Bundle engine = bySymbolicName("camel-core-engine");
        ClassLoader ours = component.adapt(BundleWiring.class).getClassLoader();
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).build().start()) {
            Class<?> contextClass = engine.loadClass("org.apache.camel.impl.DefaultCamelContext");
            Object context = contextClass.getConstructor().newInstance();
            // camel-core-osgi's part, which is not here: Camel's META-INF/services lookups see the
            // component bundle first, then the Camel bundles (the simple language, ...)
            ClassLoader resolvers =
                    new BundlesClassLoader(
                            Stream.concat(
                                            Stream.of(component),
                                            installed.values().stream()
                                                    .filter(
                                                            b ->
                                                                    b.getSymbolicName()
                                                                            .startsWith("camel-")))
                                    .toList());
            contextClass
                    .getMethod("setApplicationContextClassLoader", ClassLoader.class)
                    .invoke(context, resolvers);
            // as Blueprint does while it runs a bundle's context
            Thread.currentThread().setContextClassLoader(resolvers);
            contextClass.getMethod("start").invoke(context);
            try {
                Object template = contextClass.getMethod("createProducerTemplate").invoke(context);
                Class<?> templateType = engine.loadClass("org.apache.camel.ProducerTemplate");
                Object body =
                        templateType
                                .getMethod("requestBody", String.class, Object.class)
                                .invoke(
                                        template,
                                        "phoneinc:calls?apiKey=RAW("
                                                + sim.apiKey()
                                                + ")&baseUrl="
                                                + sim.baseUrl(),
                                        null);
                List<?> calls = assertInstanceOf(List.class, body);
                assertTrue(!calls.isEmpty(), "the simulator's calls");
                Class<?> callType = calls.get(0).getClass();
                assertEquals("com.example.phoneinc.api.model.Call", callType.getName());
                assertSame(component, bundleOf(callType), "the model comes from the bundle");
                assertEquals(1, sim.hits("GET", "/api/v1/calls"));
                Object endpoint =
                        contextClass
                                .getMethod("getEndpoint", String.class)
                                .invoke(context, "phoneinc:calls");
                assertSame(component, bundleOf(endpoint.getClass()));
            } finally {
                contextClass.getMethod("stop").invoke(context);
                Thread.currentThread()
                        .setContextClassLoader(FeatureResolutionTest.class.getClassLoader());
            }
        }
    }

    private static Bundle bundleOf(Class<?> c) {
        return org.osgi.framework.FrameworkUtil.getBundle(c);
    }

    private static void assertProvider(
            Map<String, BundleWire> wires, String pkg, String symbolicName, String version) {
        BundleWire wire = wires.get(pkg);
        assertNotNull(wire, pkg + " is not wired: " + wires.keySet());
        Bundle provider = wire.getProvider().getBundle();
        assertEquals(symbolicName, provider.getSymbolicName(), pkg + " provider");
        if (version != null) {
            assertEquals(
                    Version.parseVersion(version),
                    wire.getCapability()
                            .getAttributes()
                            .get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE),
                    pkg + " version");
        }
    }

    private static void assertProviderBundle(
            Map<String, BundleWire> wires, String pkg, String symbolicName, String bundleVersion) {
        assertProvider(wires, pkg, symbolicName, null);
        assertEquals(
                Version.parseVersion(bundleVersion),
                wires.get(pkg).getProvider().getBundle().getVersion(),
                pkg + " provider's Bundle-Version");
    }

    private static Map<String, BundleWire> packageWires(Bundle b) {
        Map<String, BundleWire> wires = new TreeMap<>();
        for (BundleWire w :
                b.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            wires.put(
                    (String)
                            w.getCapability()
                                    .getAttributes()
                                    .get(PackageNamespace.PACKAGE_NAMESPACE),
                    w);
        }
        return wires;
    }

    private static Bundle bySymbolicName(String name) {
        return installed.values().stream()
                .filter(b -> name.equals(b.getSymbolicName()))
                .max(Comparator.comparing(Bundle::getVersion))
                .orElseThrow(() -> new AssertionError(name + " not installed"));
    }

    /** The reactor's jar, or target/classes packed into one (a run of `test` without `package`). */
    private static Path componentJar() throws Exception {
        Path bundle = Build.bundle();
        if (!Files.isDirectory(bundle)) {
            return bundle;
        }
        Path jar = work.resolve("camel-phoneinc-classes.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream zip = new JarOutputStream(out, Build.manifest());
                Stream<Path> all = Files.walk(bundle)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String name = bundle.relativize(f).toString().replace('\\', '/');
                if (name.equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
