package com.example.phoneinc.kamelets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * apache/camel-kamelets' catalog validator ({@code script/validator/validator.go} on main, which is
 * v4.17.0's plus three rule functions) ported to Java, with the same checks in the same two phases
 * and the same messages. Go is not installed here.
 *
 * <p>Differences, on purpose: every {@code *.kamelet.yaml} of the directory is checked (v4.17.0's
 * {@code listKamelets} breaks after the first file; fixed upstream in v4.21.0); the provider
 * annotation must be {@link #PROVIDER} instead of "Apache Software Foundation", which these
 * Kamelets are not from; upstream's list of its own files exempt from the used-parameters rule does
 * not apply.
 */
final class KameletValidator {

    /** What {@code camel.apache.org/provider} must say (upstream: "Apache Software Foundation"). */
    static final String PROVIDER = "camel-phoneinc";

    static final String TYPE_LABEL = "camel.apache.org/kamelet.type";
    static final String CREDENTIALS = "urn:camel:group:credentials";

    /** {@code paramRegexp} of validator.go. */
    private static final Pattern PARAM =
            Pattern.compile("\\{\\{[?]?([A-Za-z0-9-._]+)(?:[:][^}]*)?}}");

    /** {@code wordSegmenter} of bbalet/stopwords: letters, marks, '-', '_' and '\''. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Mc}\\p{Mn}\\-_']+");

    private static final Set<String> STOPWORDS = stopwords();

    /** The Kamelet CRD (camel.apache.org/v1) as far as the validator reads it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Kamelet(String apiVersion, String kind, Metadata metadata, Spec spec) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(String name, Map<String, String> annotations, Map<String, String> labels) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Spec(
            Definition definition,
            JsonNode template,
            Map<String, EventType> types,
            Map<String, JsonNode> dataTypes,
            List<String> dependencies) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventType(String mediaType, JsonNode schema) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Definition(
            String title,
            String description,
            String type,
            List<String> required,
            Map<String, Property> properties) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Property(
            String title,
            String description,
            String type,
            String format,
            @JsonProperty("default") JsonNode defaultValue,
            JsonNode example,
            @JsonProperty("enum") List<JsonNode> enumValues,
            Boolean deprecated,
            @JsonProperty("x-descriptors") List<String> xDescriptors) {}

    /** One loaded file: {@code KameletInfo} of validator.go. */
    record Info(Path file, Kamelet kamelet) {
        String name() {
            return kamelet.metadata() == null ? "" : nz(kamelet.metadata().name());
        }

        String label(String key) {
            Map<String, String> labels =
                    kamelet.metadata() == null ? null : kamelet.metadata().labels();
            return labels == null ? "" : nz(labels.get(key));
        }

        String annotation(String key) {
            Map<String, String> a =
                    kamelet.metadata() == null ? null : kamelet.metadata().annotations();
            return a == null ? "" : nz(a.get(key));
        }

        Definition definition() {
            return kamelet.spec() == null ? null : kamelet.spec().definition();
        }

        JsonNode template() {
            return kamelet.spec() == null ? null : kamelet.spec().template();
        }
    }

    /** Thrown where validator.go exits with code 2 (a file that does not read as a Kamelet). */
    static final class UnreadableKamelet extends RuntimeException {
        UnreadableKamelet(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Go's encoding/json into typed fields: no number or boolean where a string is declared. */
    private static final ObjectMapper TYPED =
            JsonMapper.builder()
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();

    static {
        TYPED.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    private static final YAMLMapper YAML = new YAMLMapper();

    private KameletValidator() {}

    /** The errors of {@code validator <dir>}, in its order; empty when it would exit 0. */
    static List<String> validate(Path dir) {
        List<Info> kamelets = listKamelets(dir);
        if (kamelets.isEmpty()) {
            return List.of("directory " + dir + " has no Kamelets");
        }
        List<String> errors = new ArrayList<>();
        errors.addAll(verifyFileNames(kamelets));
        errors.addAll(verifyKameletType(kamelets));
        errors.addAll(verifyParameters(kamelets));
        errors.addAll(verifyInvalidContent(kamelets));
        if (!errors.isEmpty()) {
            return errors; // phase 1 failed: the rest may not make sense
        }
        errors.addAll(verifyAnnotations(kamelets));
        errors.addAll(verifyDescriptors(kamelets));
        errors.addAll(verifyDuplicates(kamelets));
        errors.addAll(verifyUsedParams(kamelets));
        errors.addAll(verifyTemplateConvention(kamelets));
        errors.addAll(verifyDependencies(kamelets));
        errors.addAll(verifyCatalogVersion(kamelets));
        return errors;
    }

    /** Every {@code *.kamelet.yaml} file in {@code dir} (not only the first: see class doc). */
    static List<Info> listKamelets(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files =
                    list.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().endsWith(".kamelet.yaml"))
                            .sorted()
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list dir " + q(dir.toString()), e);
        }
        List<Info> kamelets = new ArrayList<>();
        for (Path file : files) {
            kamelets.add(new Info(file, read(file)));
        }
        return kamelets;
    }

    static Kamelet read(Path file) {
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            return TYPED.treeToValue(tree, Kamelet.class);
        } catch (IOException e) {
            throw new UnreadableKamelet(
                    "cannot unmarshal file " + q(file.toString()) + " into Kamelet", e);
        }
    }

    static List<String> verifyFileNames(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        for (Info k : kamelets) {
            String base = k.file().getFileName().toString();
            String expected =
                    base.endsWith(".kamelet.yaml")
                            ? base.substring(0, base.length() - ".kamelet.yaml".length())
                            : base;
            if (!k.name().equals(expected)) {
                errors.add(
                        "file "
                                + q(k.file().toString())
                                + " does not match the name of the contained kamelet: "
                                + q(k.name()));
            }
        }
        return errors;
    }

    static List<String> verifyKameletType(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        for (Info k : kamelets) {
            String tp = k.label(TYPE_LABEL);
            switch (tp) {
                case "source", "sink", "action" -> {
                    if (!k.name().endsWith("-" + tp)) {
                        errors.add(
                                "name of kamelet "
                                        + q(k.name())
                                        + " does not end with "
                                        + q("-" + tp));
                    }
                }
                default ->
                        errors.add(
                                "kamelet "
                                        + q(k.name())
                                        + " contains an invalid value for the "
                                        + TYPE_LABEL
                                        + " label: "
                                        + q(tp));
            }
        }
        return errors;
    }

    static List<String> verifyParameters(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        for (Info k : kamelets) {
            Definition d = k.definition();
            if (d == null) {
                errors.add(noDefinition(k));
                continue;
            }
            if (k.template() == null || k.template().isNull()) {
                errors.add(
                        "kamelet " + q(k.name()) + " does not contain the Template specification");
                continue;
            }
            Set<String> requiredCheck = new HashSet<>();
            for (String p : list(d.required())) {
                if (!requiredCheck.add(p)) {
                    errors.add(
                            "required kamelet property "
                                    + q(p)
                                    + " is listed twice in kamelet "
                                    + q(k.name()));
                }
            }
            if (nz(d.title()).isEmpty()) {
                errors.add("kamelet " + q(k.name()) + " does not contain title");
            } else {
                String tp = k.label(TYPE_LABEL);
                if (tp.length() > 1) {
                    String suffix = tp.substring(0, 1).toUpperCase(Locale.ROOT) + tp.substring(1);
                    if (!d.title().endsWith(suffix)) {
                        errors.add(
                                "kamelet "
                                        + q(k.name())
                                        + " title "
                                        + q(d.title())
                                        + " does not ends with "
                                        + q(suffix));
                    }
                }
            }
            if (nz(d.description()).isEmpty()) {
                errors.add("kamelet " + q(k.name()) + " does not contain description");
            }
            if (!"object".equals(d.type())) {
                errors.add(
                        "kamelet "
                                + q(k.name())
                                + " does not contain a definition of type \"object\"");
            }
            for (Map.Entry<String, Property> e : sorted(d.properties()).entrySet()) {
                String p = q(e.getKey());
                Property prop = e.getValue();
                String in = " in kamelet " + q(k.name());
                if (nz(prop.type()).isEmpty()) {
                    errors.add("property " + p + in + " does not contain type");
                }
                String title = nz(prop.title());
                if (title.isEmpty()) {
                    errors.add("property " + p + in + " does not contain title");
                } else {
                    for (String w : nonCapitalizedWords(title)) {
                        errors.add(
                                "property "
                                        + p
                                        + in
                                        + " does has non-capitalized word in the title: "
                                        + q(w));
                    }
                }
                for (String article : List.of("The ", "A ", "An ")) {
                    if (title.startsWith(article)) {
                        errors.add(
                                "property " + p + in + " has a title starting with " + q(article));
                    }
                }
                if (nz(prop.description()).isEmpty()) {
                    errors.add("property " + p + in + " does not contain a description");
                }
            }
            for (String r : list(d.required())) {
                if (d.properties() == null || !d.properties().containsKey(r)) {
                    errors.add(
                            "required property "
                                    + q(r)
                                    + " in kamelet "
                                    + q(k.name())
                                    + " is not defined");
                }
            }
        }
        return errors;
    }

    /**
     * Words of a title that must be capitalized and are not: validator.go drops English stop words
     * with {@code stopwords.CleanString(title, "en", false)} and checks what is left.
     */
    static List<String> nonCapitalizedWords(String title) {
        String clean = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Set<String> check = new HashSet<>();
        Matcher m = WORD.matcher(clean);
        while (m.find()) {
            if (!STOPWORDS.contains(m.group())) {
                check.add(m.group());
            }
        }
        List<String> bad = new ArrayList<>();
        for (String w : title.split(" ", -1)) {
            if (!check.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!w.isEmpty()) {
                String first = w.substring(0, 1);
                if (!first.toUpperCase(Locale.ROOT).equals(first)) {
                    bad.add(w);
                }
            }
        }
        return bad;
    }

    static List<String> verifyInvalidContent(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        for (Info k : kamelets) {
            // the typed read in listKamelets is the marshal/unmarshal round trip; the file must
            // also be a YAML mapping
            try {
                JsonNode file = YAML.readTree(k.file().toFile());
                if (file == null || !file.isObject()) {
                    errors.add("kamelet " + q(k.name()) + " is not a valid YAML file");
                }
            } catch (IOException e) {
                errors.add("kamelet " + q(k.name()) + " is not a valid YAML file: " + e);
            }
        }
        return errors;
    }

    static List<String> verifyAnnotations(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        for (Info k : kamelets) {
            if (k.annotation("camel.apache.org/kamelet.icon").isEmpty()) {
                errors.add(
                        "kamelet "
                                + q(k.name())
                                + " does not contain the camel.apache.org/kamelet.icon annotation");
            }
            if (k.annotation("camel.apache.org/catalog.version").isEmpty()) {
                errors.add(
                        "kamelet "
                                + q(k.name())
                                + " does not contain the camel.apache.org/catalog.version"
                                + " annotation (should match project version in pom.xml)");
            }
            String provider = k.annotation("camel.apache.org/provider");
            if (!PROVIDER.equals(provider)) {
                errors.add(
                        "kamelet "
                                + q(k.name())
                                + " does not contain the right value for the"
                                + " camel.apache.org/provider annotation: expected "
                                + q(PROVIDER)
                                + ", found "
                                + q(provider));
            }
        }
        return errors;
    }

    static List<String> verifyDescriptors(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        String deprecated = "urn:alm:descriptor:com.tectonic.ui";
        for (Info k : kamelets) {
            if (k.definition() == null) {
                errors.add(noDefinition(k));
                continue;
            }
            for (Map.Entry<String, Property> e : sorted(k.definition().properties()).entrySet()) {
                List<String> descriptors = list(e.getValue().xDescriptors());
                String p = "property " + q(e.getKey()) + " in kamelet " + q(k.name());
                if ("password".equals(e.getValue().format())
                        && !descriptors.contains(CREDENTIALS)) {
                    errors.add(
                            p + " has \"password\" format but misses descriptor " + q(CREDENTIALS));
                }
                if (descriptors.stream().anyMatch(d -> d.startsWith(deprecated))) {
                    errors.add(
                            p
                                    + " uses the deprecated x-descriptor prefix "
                                    + q(deprecated)
                                    + "; use "
                                    + q(CREDENTIALS)
                                    + " instead");
                }
                Set<String> seen = new HashSet<>();
                for (String d : descriptors) {
                    if (!seen.add(d)) {
                        errors.add(p + " lists the x-descriptor " + q(d) + " more than once");
                    }
                }
            }
        }
        return errors;
    }

    static List<String> verifyDuplicates(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        Set<String> descriptions = new HashSet<>();
        for (Info k : kamelets) {
            Definition d = k.definition();
            if (d == null) {
                errors.add(noDefinition(k));
                continue;
            }
            if (!titles.add(nz(d.title()))) {
                errors.add("kamelet " + q(k.name()) + " has duplicate title " + q(nz(d.title())));
            }
            if (!descriptions.add(nz(d.description()))) {
                errors.add(
                        "kamelet "
                                + q(k.name())
                                + " has duplicate description "
                                + q(nz(d.description())));
            }
        }
        return errors;
    }

    static List<String> verifyUsedParams(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        for (Info k : kamelets) {
            Set<String> used = usedParams(k.template());
            Set<String> declared = declaredParams(k);
            for (String p : used) {
                if (!declared.contains(p)) {
                    errors.add(
                            "parameter "
                                    + q(p)
                                    + " is not declared in the definition of kamelet "
                                    + q(k.name()));
                }
            }
            for (String p : declared) {
                if (!used.contains(p)) {
                    errors.add(
                            "parameter "
                                    + q(p)
                                    + " is declared in kamelet "
                                    + q(k.name())
                                    + " but never used");
                }
            }
        }
        return errors;
    }

    /** Properties of the definition plus the names of the template's beans. */
    static Set<String> declaredParams(Info k) {
        Set<String> declared = new TreeSet<>();
        if (k.definition() != null && k.definition().properties() != null) {
            declared.addAll(k.definition().properties().keySet());
        }
        JsonNode beans = k.template() == null ? null : k.template().get("beans");
        if (beans != null && beans.isArray()) {
            for (JsonNode bean : beans) {
                if (bean.path("name").isTextual()) {
                    declared.add(bean.get("name").asText());
                }
            }
        }
        return declared;
    }

    /**
     * Every {@code {{x}}}, {@code {{?x}}} and {@code {{x:default}}} in any string of the template.
     */
    static Set<String> usedParams(JsonNode template) {
        Set<String> used = new TreeSet<>();
        if (template != null) {
            collect(template, used);
        }
        return used;
    }

    private static void collect(JsonNode node, Set<String> used) {
        if (node.isTextual()) {
            Matcher m = PARAM.matcher(node.asText());
            while (m.find()) {
                used.add(m.group(1));
            }
        } else {
            node.forEach(child -> collect(child, used));
        }
    }

    static List<String> verifyTemplateConvention(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        for (Info k : kamelets) {
            if (k.template() == null) {
                continue;
            }
            String template = k.template().toString();
            switch (k.label(TYPE_LABEL)) {
                case "source" -> {
                    if (!template.contains("kamelet:sink")) {
                        errors.add(
                                "source kamelet "
                                        + q(k.name())
                                        + " must route to \"kamelet:sink\"");
                    }
                }
                case "sink" -> {
                    if (!template.contains("kamelet:source")) {
                        errors.add(
                                "sink kamelet "
                                        + q(k.name())
                                        + " must consume from \"kamelet:source\"");
                    }
                }
                default -> {}
            }
        }
        return errors;
    }

    static List<String> verifyDependencies(List<Info> kamelets) {
        List<String> errors = new ArrayList<>();
        for (Info k : kamelets) {
            for (String dep : list(k.kamelet().spec().dependencies())) {
                if (!dep.startsWith("camel:")
                        && !dep.startsWith("mvn:")
                        && !dep.startsWith("github:apache/")) {
                    errors.add(
                            "kamelet "
                                    + q(k.name())
                                    + " declares dependency "
                                    + q(dep)
                                    + " that is not a \"camel:\", \"mvn:group:artifact:version\""
                                    + " or \"github:apache/...\" reference");
                }
            }
        }
        return errors;
    }

    static List<String> verifyCatalogVersion(List<Info> kamelets) {
        String annotation = "camel.apache.org/catalog.version";
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (Info k : kamelets) {
            versions.computeIfAbsent(k.annotation(annotation), v -> new ArrayList<>())
                    .add(k.name());
        }
        if (versions.size() <= 1) {
            return List.of();
        }
        String summary =
                versions.entrySet().stream()
                        .map(e -> q(e.getKey()) + " (" + e.getValue().size() + " kamelets)")
                        .sorted()
                        .collect(Collectors.joining(", "));
        return List.of("inconsistent " + annotation + " across the catalog: " + summary);
    }

    private static String noDefinition(Info k) {
        return "kamelet " + q(k.name()) + " does not contain the JSON schema definition";
    }

    /** Go's {@code %q} for the plain strings used here. */
    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static <V> Map<String, V> sorted(Map<String, V> m) {
        return m == null ? Map.of() : new TreeMap<>(m);
    }

    private static Set<String> stopwords() {
        try (InputStream in = KameletValidator.class.getResourceAsStream("/stopwords-en.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(String::strip)
                    .collect(Collectors.toCollection(HashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
