package com.example.phoneinc.quarkus.deployment;

import io.quarkus.bootstrap.model.ApplicationModel;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.maven.dependency.ResolvedDependency;
import io.quarkus.paths.PathFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.jandex.ClassInfo;

/**
 * What a native image of a phoneinc application needs, derived from the component jar (which this
 * extension adds to the index) rather than listed by hand: a class added to one of {@link
 * #REFLECTIVE_PACKAGES} is registered without touching this file (only the few beans of other
 * packages, {@link #REFLECTIVE_CLASSES}, are named).
 */
class PhoneIncProcessor {

    static final String FEATURE = "camel-phoneinc";

    static final String GROUP_ID = "com.example.phoneinc";
    static final String COMPONENT_ARTIFACT = "camel-phoneinc";
    static final String LIBPHONENUMBER_GROUP = "com.googlecode.libphonenumber";
    static final String LIBPHONENUMBER_ARTIFACT = "libphonenumber";

    /**
     * Packages whose every class is reached by reflection or by name at run time:
     *
     * <ul>
     *   <li>{@code api}: exceptions, which YAML/XML {@code onException} and {@code
     *       exception.retryable} look up by class name;
     *   <li>{@code api.model}: the models Jackson reads and writes (webhook payloads included);
     *   <li>{@code auth}: token stores, bound by {@code #class:...FileTokenStore('...')};
     *   <li>{@code errorhandling}: {@code PhoneIncBackoff}, a bean by class name in YAML, and the
     *       {@code PhoneIncErrorHandling#routeConfiguration} factory method of {@code camel.beans}.
     * </ul>
     */
    static final Set<String> REFLECTIVE_PACKAGES =
            Set.of(
                    "com.example.phoneinc.api",
                    "com.example.phoneinc.api.model",
                    "com.example.phoneinc.auth",
                    "com.example.phoneinc.errorhandling");

    /**
     * Single classes of other packages that applications create by class name (YAML/XML beans with
     * {@code type:} and {@code constructors:}, {@code #class:}); the rest of those packages (the
     * component, endpoint and consumers, which Camel creates in code) needs no reflection:
     *
     * <ul>
     *   <li>{@code FileWatermarkRepository}: the consumers' watermark file, a YAML bean built from
     *       a path;
     *   <li>{@code consumer.PhoneIncWebhookProcessor}: the webhook processor for manual wiring, a
     *       bean of its own in YAML/XML routes.
     * </ul>
     *
     * The body the consumers deliver is an {@code api.model} class; {@code consumer.PhoneIncEvent}
     * only travels inside the component.
     */
    static final Set<String> REFLECTIVE_CLASSES =
            Set.of(
                    "com.example.phoneinc.FileWatermarkRepository",
                    "com.example.phoneinc.consumer.PhoneIncWebhookProcessor");

    /**
     * Class-path resources the component reads at run time. Camel's own service files
     * (META-INF/services/org/apache/camel/...) are handled by Camel Quarkus itself.
     */
    static final List<String> COMPONENT_RESOURCES =
            List.of(
                    "com/example/phoneinc/*.properties", // version.properties: User-Agent
                    "META-INF/com/example/phoneinc/*.json", // component JSON (catalog, tooling)
                    "org/apache/camel/catalog/components/*.json"); // the same at the catalog path

    /**
     * libphonenumber metadata the component uses. {@code PhoneNumberUtil} (parse, isValidNumber,
     * format, supported regions: the only libphonenumber API the component calls) reads {@code
     * PhoneNumberMetadataProto_<region or calling code>} and nothing else; the jar's {@code
     * ShortNumberMetadataProto_*} (ShortNumberInfo) and {@code PhoneNumberAlternateFormatsProto_*}
     * (PhoneNumberMatcher) are left out.
     */
    static final String PHONE_METADATA =
            "com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_*";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** HTTPS to app.phone.inc. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem sslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /** The component jar has no Jandex index of its own: index it, so its classes can be found. */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem(GROUP_ID, COMPONENT_ARTIFACT);
    }

    @BuildStep
    ReflectiveClassBuildItem reflectiveClasses(CombinedIndexBuildItem combinedIndex) {
        String[] classes =
                combinedIndex.getIndex().getKnownClasses().stream()
                        .map(ClassInfo::name)
                        .filter(
                                name ->
                                        REFLECTIVE_PACKAGES.contains(name.packagePrefix())
                                                || REFLECTIVE_CLASSES.contains(name.toString()))
                        .map(Object::toString)
                        .sorted()
                        .toArray(String[]::new);
        return ReflectiveClassBuildItem.builder(classes)
                .constructors()
                .methods()
                .fields()
                .reason(FEATURE + ": models, exceptions, token stores and beans named by class")
                .build();
    }

    /**
     * The component adds {@code webhooksecret} to Camel's sensitive keywords (so the startup
     * summary masks it) through {@code ExtendedCamelContext}'s accessors, looked up by reflection
     * because Karaf's Camel 4.14 lacks them.
     */
    @BuildStep
    ReflectiveClassBuildItem sensitiveKeywordAccessors() {
        return ReflectiveClassBuildItem.builder(SENSITIVE_KEYWORDS_API)
                .methods()
                .reason(FEATURE + ": masking webhookSecret in Camel's startup summary")
                .build();
    }

    static final String SENSITIVE_KEYWORDS_API = "org.apache.camel.ExtendedCamelContext";

    @BuildStep
    NativeImageResourceBuildItem nativeResources(CurateOutcomeBuildItem curateOutcome) {
        ApplicationModel model = curateOutcome.getApplicationModel();
        List<String> resources = new ArrayList<>();
        resources.addAll(
                list(
                        model,
                        GROUP_ID,
                        COMPONENT_ARTIFACT,
                        PathFilter.forIncludes(COMPONENT_RESOURCES)));
        resources.addAll(
                list(
                        model,
                        LIBPHONENUMBER_GROUP,
                        LIBPHONENUMBER_ARTIFACT,
                        PathFilter.forIncludes(List.of(PHONE_METADATA))));
        return new NativeImageResourceBuildItem(resources);
    }

    /** The entries of one dependency matching the filter, as class-path resource names. */
    private static List<String> list(
            ApplicationModel model, String groupId, String artifactId, PathFilter filter) {
        ResolvedDependency dependency =
                model.getDependencies().stream()
                        .filter(d -> d.getGroupId().equals(groupId))
                        .filter(d -> d.getArtifactId().equals(artifactId))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                groupId
                                                        + ":"
                                                        + artifactId
                                                        + " is not a dependency of the"
                                                        + " application"));
        List<String> names = new ArrayList<>();
        dependency
                .getContentTree(filter)
                .walk(
                        visit -> {
                            if (!java.nio.file.Files.isDirectory(visit.getPath())) {
                                names.add(visit.getRelativePath("/"));
                            }
                        });
        if (names.isEmpty()) {
            throw new IllegalStateException(
                    "no resources of " + groupId + ":" + artifactId + " matched " + filter);
        }
        return names;
    }
}
