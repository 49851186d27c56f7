package com.example.phoneinc.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.FileWatermarkRepository;
import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.consumer.PhoneIncPollingConsumer;
import com.example.phoneinc.consumer.PhoneIncWebhookProcessor;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The build items the extension contributes to a native build, checked against what the jars really
 * contain: every class of the component's packages (enumerated from the component jar, not a
 * sample), the beans created by class name, and not the internals; every metadata file
 * libphonenumber's PhoneNumberUtil can load, the component's own resources, TLS and the feature.
 */
class NativeRegistrationsTest {

    /**
     * What the build produced, handed to the tests as a generated class-path resource: the tests
     * run in the application's class loader, where the build's objects are out of reach.
     */
    static final String CAPTURED = "phoneinc-native-build-items.properties";

    @RegisterExtension
    static final QuarkusUnitTest APP =
            new QuarkusUnitTest()
                    .withApplicationRoot(jar -> jar.addClasses(Jars.class))
                    // a key of its own: no Dev Services needed for this test
                    .overrideConfigKey("camel.component.phoneinc.api-key", "phk_UnitTestKey")
                    .addBuildChainCustomizer(captureBuildItems());

    static Consumer<BuildChainBuilder> captureBuildItems() {
        return chain ->
                chain.addBuildStep(NativeRegistrationsTest::capture)
                        .consumes(ReflectiveClassBuildItem.class)
                        .consumes(NativeImageResourceBuildItem.class)
                        .consumes(FeatureBuildItem.class)
                        .consumes(ExtensionSslNativeSupportBuildItem.class)
                        .produces(GeneratedResourceBuildItem.class)
                        .build();
    }

    private static void capture(BuildContext context) {
        Properties captured = new Properties();
        captured.setProperty(
                "reflective",
                join(
                        context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                                // constructors, methods and fields: what Jackson and by-name need
                                .filter(i -> i.isConstructors() && i.isMethods() && i.isFields())
                                .flatMap(i -> i.getClassNames().stream())));
        captured.setProperty(
                "methods",
                join(
                        context.consumeMulti(ReflectiveClassBuildItem.class).stream()
                                .filter(ReflectiveClassBuildItem::isMethods)
                                .flatMap(i -> i.getClassNames().stream())));
        captured.setProperty(
                "resources",
                join(
                        context.consumeMulti(NativeImageResourceBuildItem.class).stream()
                                .flatMap(i -> i.getResources().stream())));
        captured.setProperty(
                "features",
                join(
                        context.consumeMulti(FeatureBuildItem.class).stream()
                                .map(FeatureBuildItem::getName)));
        captured.setProperty(
                "ssl",
                join(
                        context.consumeMulti(ExtensionSslNativeSupportBuildItem.class).stream()
                                .map(ExtensionSslNativeSupportBuildItem::getExtension)));
        StringWriter out = new StringWriter();
        try {
            captured.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.produce(
                new GeneratedResourceBuildItem(
                        CAPTURED, out.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String join(Stream<String> values) {
        return values.collect(Collectors.joining(","));
    }

    private static Set<String> captured(String key) throws IOException {
        Properties captured = new Properties();
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(CAPTURED)) {
            assertNotNull(in, CAPTURED + " generated by the build");
            captured.load(in);
        }
        return Arrays.stream(captured.getProperty(key).split(","))
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> fullyReflective() throws IOException {
        return captured("reflective");
    }

    static Set<String> nativeResources() throws IOException {
        return captured("resources");
    }

    @Test
    void everyExceptionAndModelClassOfTheComponentJarIsRegistered() throws IOException {
        Set<String> registered = fullyReflective();
        for (String pkg :
                List.of(
                        "com.example.phoneinc.api",
                        "com.example.phoneinc.api.model",
                        "com.example.phoneinc.auth",
                        "com.example.phoneinc.errorhandling")) {
            Set<String> inJar = Jars.classesOfPackage(PhoneIncException.class, pkg);
            assertFalse(inJar.isEmpty(), "no classes found in " + pkg);
            Set<String> missing = new TreeSet<>(inJar);
            missing.removeAll(registered);
            assertEquals(Set.of(), missing, "classes of " + pkg + " not registered");
        }
        // the ones YAML/XML and #class: name, spelled out so a rename fails here too
        assertTrue(registered.contains("com.example.phoneinc.api.PhoneIncRetryableException"));
        assertTrue(registered.contains("com.example.phoneinc.api.model.Voicemail"));
        assertTrue(registered.contains("com.example.phoneinc.auth.FileTokenStore"));
        assertTrue(registered.contains("com.example.phoneinc.errorhandling.PhoneIncBackoff"));
        assertTrue(registered.contains("com.example.phoneinc.errorhandling.PhoneIncErrorHandling"));
    }

    @Test
    void beansCreatedByClassNameOutsideThosePackagesAreRegistered() throws IOException {
        Set<String> registered = fullyReflective();
        // a YAML bean with constructors: {0: data/phoneinc-watermarks.txt}
        assertTrue(registered.contains(FileWatermarkRepository.class.getName()));
        assertTrue(registered.contains(PhoneIncWebhookProcessor.class.getName()));
    }

    @Test
    void theSensitiveKeywordAccessorsTheComponentLooksUpAreRegistered() throws IOException {
        // without them the native app would print a literal webhookSecret in its startup summary
        assertTrue(
                captured("methods").contains("org.apache.camel.ExtendedCamelContext"),
                captured("methods").toString());
    }

    @Test
    void internalsAreNotRegistered() throws IOException {
        Set<String> registered = fullyReflective();
        assertFalse(
                registered.stream()
                        .anyMatch(
                                c ->
                                        c.startsWith("com.example.phoneinc.client.")
                                                || c.startsWith("com.example.phoneinc.producer.")),
                "client/producer internals need no reflection: " + registered);
        // the consumers and their helpers are created in code; only the processor is a bean
        Set<String> consumer =
                Jars.classesOfPackage(PhoneIncException.class, "com.example.phoneinc.consumer");
        assertTrue(consumer.contains(PhoneIncPollingConsumer.class.getName()), consumer.toString());
        consumer.remove(PhoneIncWebhookProcessor.class.getName());
        Set<String> internals = new TreeSet<>(consumer);
        internals.retainAll(registered);
        assertEquals(Set.of(), internals, "consumer internals need no reflection");
    }

    @Test
    void everyMetadataFilePhoneNumberUtilLoadsIsANativeResource() throws IOException {
        Set<String> included = nativeResources();
        Set<String> metadata =
                Jars.entries(
                        PhoneNumberUtil.class,
                        e ->
                                e.startsWith(
                                        "com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_"));
        assertTrue(metadata.size() > 200, "libphonenumber's regions: " + metadata.size());
        Set<String> missing = new TreeSet<>(metadata);
        missing.removeAll(included);
        assertEquals(Set.of(), missing, "metadata files not included");
        // the US file is the one every +1 number loads
        assertTrue(
                included.contains("com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_US"));
        // short numbers and alternate formats are not used by the component
        assertFalse(included.stream().anyMatch(r -> r.contains("ShortNumberMetadataProto")));
        assertFalse(included.stream().anyMatch(r -> r.contains("AlternateFormatsProto")));
    }

    @Test
    void theComponentsOwnResourcesAreNativeResources() throws IOException {
        Set<String> included = nativeResources();
        Set<String> expected =
                Set.of(
                        "com/example/phoneinc/version.properties",
                        "META-INF/com/example/phoneinc/phoneinc.json",
                        "org/apache/camel/catalog/components/phoneinc.json");
        for (String resource : expected) {
            assertTrue(
                    Jars.entries(PhoneIncComponent.class, resource::equals).contains(resource),
                    resource + " is in the component jar");
            assertTrue(included.contains(resource), resource + " included; got " + included);
        }
    }

    @Test
    void featureAndTls() throws IOException {
        assertTrue(captured("features").contains("camel-phoneinc"), "feature camel-phoneinc");
        assertTrue(captured("ssl").contains("camel-phoneinc"), "SSL native support requested");
    }
}
