package com.example.phoneinc.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kamelets the jar ships pass apache/camel-kamelets' catalog validator rules (ported to Java in
 * {@link KameletValidator}), and each rule fails a Kamelet planted with its violation, so a rule
 * that stopped checking would fail here too.
 */
class KameletRulesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String VOICEMAIL = "phoneinc-voicemail-source";
    private static final String CALLS = "phoneinc-call-source";
    private static final String CONTACTS = "phoneinc-contact-sink";

    @TempDir Path dir;

    @Test
    void everyShippedKameletPassesEveryRule() {
        List<KameletValidator.Info> all = KameletValidator.listKamelets(Kamelets.directory());
        assertEquals(
                Kamelets.NAMES,
                all.stream().map(KameletValidator.Info::name).toList(),
                "all five are checked, not only the first (the v4.17.0 validator's bug)");
        assertEquals(List.of(), KameletValidator.validate(Kamelets.directory()));
    }

    @Test
    void titleWordsAreCheckedAfterDroppingEnglishStopWords() {
        assertEquals(List.of(), KameletValidator.nonCapitalizedWords("Start From"));
        assertEquals(List.of(), KameletValidator.nonCapitalizedWords("Start from"), "a stop word");
        assertEquals(List.of(), KameletValidator.nonCapitalizedWords("API Key"));
        assertEquals(List.of("number"), KameletValidator.nonCapitalizedWords("Phone number"));
        assertEquals(
                List.of(), KameletValidator.nonCapitalizedWords("Number (e.164)"), "not a word");
    }

    @Test
    void anEmptyDirectoryHasNoKamelets() {
        assertEquals(
                List.of("directory " + dir + " has no Kamelets"), KameletValidator.validate(dir));
    }

    @Test
    void aFileThatIsNotAKameletStopsTheValidatorLikeItsExitCode2() throws IOException {
        plant(VOICEMAIL, k -> props(k).withObjectProperty("delay").put("title", 42));
        assertThrows(
                KameletValidator.UnreadableKamelet.class, () -> KameletValidator.validate(dir));
    }

    @Test
    void theFileNameMustBeTheKameletName() throws IOException {
        plant(VOICEMAIL, k -> {});
        Files.move(
                dir.resolve(VOICEMAIL + ".kamelet.yaml"), dir.resolve("voicemails.kamelet.yaml"));
        assertEquals(
                List.of(
                        "file "
                                + KameletValidator.q(
                                        dir.resolve("voicemails.kamelet.yaml").toString())
                                + " does not match the name of the contained kamelet: \""
                                + VOICEMAIL
                                + "\""),
                KameletValidator.validate(dir));
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                // phase 1: verifyKameletType, verifyParameters
                violation(
                        VOICEMAIL,
                        k -> labels(k).put("camel.apache.org/kamelet.type", "consumer"),
                        "kamelet \"phoneinc-voicemail-source\" contains an invalid value for the"
                                + " camel.apache.org/kamelet.type label: \"consumer\""),
                violation(
                        VOICEMAIL,
                        k -> labels(k).put("camel.apache.org/kamelet.type", "sink"),
                        "name of kamelet \"phoneinc-voicemail-source\" does not end with \"-sink\""),
                violation(
                        VOICEMAIL,
                        k -> spec(k).remove("definition"),
                        "kamelet \"phoneinc-voicemail-source\" does not contain the JSON schema"
                                + " definition"),
                violation(
                        VOICEMAIL,
                        k -> spec(k).remove("template"),
                        "kamelet \"phoneinc-voicemail-source\" does not contain the Template"
                                + " specification"),
                violation(
                        VOICEMAIL,
                        k -> ((ArrayNode) definition(k).get("required")).add("apiKey"),
                        "required kamelet property \"apiKey\" is listed twice in kamelet"
                                + " \"phoneinc-voicemail-source\""),
                violation(
                        VOICEMAIL,
                        k -> definition(k).remove("title"),
                        "kamelet \"phoneinc-voicemail-source\" does not contain title"),
                violation(
                        VOICEMAIL,
                        k -> definition(k).put("title", "Phone.inc Voicemails"),
                        "kamelet \"phoneinc-voicemail-source\" title \"Phone.inc Voicemails\" does"
                                + " not ends with \"Source\""),
                violation(
                        VOICEMAIL,
                        k -> definition(k).remove("description"),
                        "kamelet \"phoneinc-voicemail-source\" does not contain description"),
                violation(
                        VOICEMAIL,
                        k -> definition(k).put("type", "array"),
                        "kamelet \"phoneinc-voicemail-source\" does not contain a definition of"
                                + " type \"object\""),
                violation(
                        VOICEMAIL,
                        k -> props(k).withObjectProperty("delay").remove("type"),
                        "property \"delay\" in kamelet \"phoneinc-voicemail-source\" does not"
                                + " contain type"),
                violation(
                        VOICEMAIL,
                        k -> props(k).withObjectProperty("delay").remove("title"),
                        "property \"delay\" in kamelet \"phoneinc-voicemail-source\" does not"
                                + " contain title"),
                violation(
                        VOICEMAIL,
                        k -> props(k).withObjectProperty("delay").put("title", "Poll delay"),
                        "property \"delay\" in kamelet \"phoneinc-voicemail-source\" does has"
                                + " non-capitalized word in the title: \"delay\""),
                violation(
                        VOICEMAIL,
                        k -> props(k).withObjectProperty("delay").put("title", "The Delay"),
                        "property \"delay\" in kamelet \"phoneinc-voicemail-source\" has a title"
                                + " starting with \"The \""),
                violation(
                        VOICEMAIL,
                        k -> props(k).withObjectProperty("delay").put("title", "A Delay"),
                        "property \"delay\" in kamelet \"phoneinc-voicemail-source\" has a title"
                                + " starting with \"A \""),
                violation(
                        VOICEMAIL,
                        k -> props(k).withObjectProperty("delay").put("title", "An Interval"),
                        "property \"delay\" in kamelet \"phoneinc-voicemail-source\" has a title"
                                + " starting with \"An \""),
                violation(
                        VOICEMAIL,
                        k -> props(k).withObjectProperty("delay").remove("description"),
                        "property \"delay\" in kamelet \"phoneinc-voicemail-source\" does not"
                                + " contain a description"),
                violation(
                        VOICEMAIL,
                        k -> ((ArrayNode) definition(k).get("required")).add("secret"),
                        "required property \"secret\" in kamelet \"phoneinc-voicemail-source\" is"
                                + " not defined"),
                // phase 2: verifyAnnotations, verifyDescriptors, verifyDuplicates, verifyUsedParams
                violation(
                        VOICEMAIL,
                        k -> annotations(k).remove("camel.apache.org/kamelet.icon"),
                        "kamelet \"phoneinc-voicemail-source\" does not contain the"
                                + " camel.apache.org/kamelet.icon annotation"),
                violation(
                        VOICEMAIL,
                        k -> annotations(k).remove("camel.apache.org/catalog.version"),
                        "kamelet \"phoneinc-voicemail-source\" does not contain the"
                                + " camel.apache.org/catalog.version annotation (should match"
                                + " project version in pom.xml)"),
                violation(
                        VOICEMAIL,
                        k ->
                                annotations(k)
                                        .put(
                                                "camel.apache.org/provider",
                                                "Apache Software Foundation"),
                        "kamelet \"phoneinc-voicemail-source\" does not contain the right value for"
                                + " the camel.apache.org/provider annotation: expected"
                                + " \"camel-phoneinc\", found \"Apache Software Foundation\""),
                violation(
                        VOICEMAIL,
                        k -> props(k).withObjectProperty("apiKey").remove("x-descriptors"),
                        "property \"apiKey\" in kamelet \"phoneinc-voicemail-source\" has"
                                + " \"password\" format but misses descriptor"
                                + " \"urn:camel:group:credentials\""),
                violation(
                        VOICEMAIL,
                        k ->
                                props(k).withObjectProperty("apiKey")
                                        .withArrayProperty("x-descriptors")
                                        .add("urn:alm:descriptor:com.tectonic.ui:password"),
                        "property \"apiKey\" in kamelet \"phoneinc-voicemail-source\" uses the"
                                + " deprecated x-descriptor prefix"
                                + " \"urn:alm:descriptor:com.tectonic.ui\"; use"
                                + " \"urn:camel:group:credentials\" instead"),
                violation(
                        VOICEMAIL,
                        k ->
                                props(k).withObjectProperty("apiKey")
                                        .withArrayProperty("x-descriptors")
                                        .add("urn:camel:group:credentials"),
                        "property \"apiKey\" in kamelet \"phoneinc-voicemail-source\" lists the"
                                + " x-descriptor \"urn:camel:group:credentials\" more than once"),
                violation(
                        CALLS,
                        k -> definition(k).put("title", "Phone.inc Voicemail Source"),
                        "kamelet \"phoneinc-voicemail-source\" has duplicate title \"Phone.inc"
                                + " Voicemail Source\""),
                violation(
                        CALLS,
                        k ->
                                definition(k)
                                        .put(
                                                "description",
                                                definition(read(VOICEMAIL))
                                                        .get("description")
                                                        .asText()),
                        "kamelet \"phoneinc-voicemail-source\" has duplicate description"),
                violation(
                        VOICEMAIL,
                        k ->
                                props(k).putObject("unused")
                                        .put("title", "Unused")
                                        .put("description", "Declared, never used.")
                                        .put("type", "string"),
                        "parameter \"unused\" is declared in kamelet \"phoneinc-voicemail-source\""
                                + " but never used"),
                violation(
                        VOICEMAIL,
                        k ->
                                template(k)
                                        .withObjectProperty("from")
                                        .withObjectProperty("parameters")
                                        .put("maxMessagesPerPoll", "{{undeclared:10}}"),
                        "parameter \"undeclared\" is not declared in the definition of kamelet"
                                + " \"phoneinc-voicemail-source\""),
                violation(
                        VOICEMAIL,
                        k -> template(k).withArrayProperty("beans").removeAll(),
                        "parameter \"phoneinc\" is not declared in the definition of kamelet"
                                + " \"phoneinc-voicemail-source\""),
                // main only: verifyTemplateConvention, verifyDependencies, verifyCatalogVersion
                violation(
                        VOICEMAIL,
                        k -> {
                            ArrayNode steps =
                                    template(k)
                                            .withObjectProperty("from")
                                            .withArrayProperty("steps");
                            steps.remove(steps.size() - 1);
                            steps.addObject().put("to", "log:voicemails");
                        },
                        "source kamelet \"phoneinc-voicemail-source\" must route to"
                                + " \"kamelet:sink\""),
                violation(
                        CONTACTS,
                        k -> template(k).withObjectProperty("from").put("uri", "direct:contacts"),
                        "sink kamelet \"phoneinc-contact-sink\" must consume from"
                                + " \"kamelet:source\""),
                violation(
                        VOICEMAIL,
                        k ->
                                spec(k).withArrayProperty("dependencies")
                                        .add("com.example.phoneinc:x:1"),
                        "kamelet \"phoneinc-voicemail-source\" declares dependency"
                                + " \"com.example.phoneinc:x:1\" that is not a \"camel:\","
                                + " \"mvn:group:artifact:version\" or \"github:apache/...\""
                                + " reference"),
                violation(
                        VOICEMAIL,
                        k -> annotations(k).put("camel.apache.org/catalog.version", "9.9.9"),
                        "inconsistent camel.apache.org/catalog.version across the catalog: \""
                                + Kamelets.projectVersion()
                                + "\" (4 kamelets), \"9.9.9\" (1 kamelets)"));
    }

    @ParameterizedTest
    @MethodSource("violations")
    void eachRuleCatchesItsViolation(String file, Consumer<ObjectNode> change, String expected)
            throws IOException {
        plant(file, change);
        List<String> errors = KameletValidator.validate(dir);
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith(expected)),
                "expected " + expected + "\n in " + errors);
    }

    private static Arguments violation(String file, Consumer<ObjectNode> change, String expected) {
        return Arguments.of(file, change, expected);
    }

    /** The five shipped Kamelets in {@link #dir}, with {@code change} applied to one of them. */
    private void plant(String name, Consumer<ObjectNode> change) throws IOException {
        for (String k : Kamelets.NAMES) {
            ObjectNode tree = read(k);
            if (k.equals(name)) {
                change.accept(tree);
            }
            YAML.writeValue(dir.resolve(k + ".kamelet.yaml").toFile(), tree);
        }
    }

    private static ObjectNode read(String name) {
        try {
            return (ObjectNode) YAML.readTree(Kamelets.file(name).toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode spec(ObjectNode k) {
        return k.withObjectProperty("spec");
    }

    private static ObjectNode definition(ObjectNode k) {
        return spec(k).withObjectProperty("definition");
    }

    private static ObjectNode props(ObjectNode k) {
        return definition(k).withObjectProperty("properties");
    }

    private static ObjectNode template(ObjectNode k) {
        return spec(k).withObjectProperty("template");
    }

    private static ObjectNode labels(ObjectNode k) {
        return k.withObjectProperty("metadata").withObjectProperty("labels");
    }

    private static ObjectNode annotations(ObjectNode k) {
        return k.withObjectProperty("metadata").withObjectProperty("annotations");
    }
}
