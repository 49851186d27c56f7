package com.example.phoneinc.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Camel JBang commands of docs/low-code.adoc, read from the page and run as printed through
 * JBang's entry point in a JVM of their own, with the files the page shows, secrets from the
 * environment, against the simulator, offline, with this build's jars resolved from a staged local
 * repository (never ~/.m2). Also what {@code camel doc} and {@code camel catalog} answer.
 */
class CamelJBangIT {

    /** Test plumbing added to the printed commands: offline, and end after one message. */
    private static final List<String> OFFLINE_ONE_MESSAGE =
            List.of(
                    "--download=false",
                    "--max-messages=1",
                    "--max-seconds=150",
                    "--maven-settings=false");

    private static final String API_KEY = "phk_JBangTestKey0123456789abcdef";

    @TempDir static Path shared;
    private static Path repository;

    @TempDir Path work;
    private PhoneIncSimulator sim;
    private final List<JBangProcess> started = new ArrayList<>();

    @BeforeAll
    static void stage() throws Exception {
        repository = JBangProcess.stageRepository(shared);
    }

    @BeforeEach
    void simulator() {
        sim = PhoneIncSimulator.builder().port(0).apiKey(API_KEY).build().start();
    }

    @AfterEach
    void stop() {
        started.forEach(JBangProcess::kill);
        sim.close();
    }

    private JBangProcess camel(String commandBlock, List<String> extra) throws Exception {
        List<String> args =
                new ArrayList<>(Arrays.asList(DocBlocks.text(commandBlock).strip().split("\\s+")));
        assertEquals("camel", args.remove(0), commandBlock + " is a camel command");
        args.addAll(extra);
        JBangProcess p =
                new JBangProcess(
                                work,
                                repository,
                                Map.of(
                                        "PHONEINC_API_KEY",
                                        API_KEY,
                                        "PHONEINC_BASE_URL",
                                        sim.baseUrl()))
                        .start(args);
        started.add(p);
        return p;
    }

    private void write(String file, String... blocks) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String b : blocks) {
            text.append(DocBlocks.text(b));
        }
        Files.writeString(work.resolve(file), text.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Waits until the first voicemail poll (the baseline) has been answered: a voicemail made after
     * that is new to the consumer.
     */
    private void awaitBaselinePoll(JBangProcess p) throws Exception {
        await(() -> sim.answered("GET", "/api/v1/voicemails") >= 1, "the first poll", p);
    }

    private static void await(BooleanSupplier condition, String what, JBangProcess p)
            throws Exception {
        long until = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                p.kill();
                throw new AssertionError(
                        "timed out waiting for " + what + ":\n" + p.await(10).output());
            }
            Thread.sleep(100);
        }
    }

    private void assertOfflineAndClean(JBangProcess.Result r) {
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("MavenDownloader in offline mode"), r.output());
        assertFalse(r.output().contains(API_KEY), "the API key in JBang's output");
        assertTrue(
                sim.requests().stream().allMatch(q -> API_KEY.equals(q.header("X-Api-Key"))),
                "every call carried the key from the environment");
    }

    @Test
    void aRouteWithTheComponent() throws Exception {
        write("route.yaml", "lowcode-jbang-route");
        write("application.properties", "lowcode-jbang-route-properties");
        assertTrue(
                JBangProcess.classPath().stream()
                        .noneMatch(
                                e ->
                                        e.contains("camel-phoneinc-component")
                                                || Path.of(e)
                                                        .getFileName()
                                                        .toString()
                                                        .startsWith("camel-phoneinc")),
                "the component is not on JBang's class path: it must come from --dep");

        JBangProcess camel = camel("lowcode-jbang-run-route", OFFLINE_ONE_MESSAGE);
        awaitBaselinePoll(camel);
        String id = sim.simulateVoicemail("+14155550177", "Hello from JBang");
        JBangProcess.Result r = camel.await(150);

        assertOfflineAndClean(r);
        assertTrue(
                r.output().contains("New voicemail " + id + " from +14155550177: Hello from JBang"),
                r.output());
        assertTrue(r.output().contains("Binding bean: phoneincErrorHandling"), r.output());
        assertTrue(Files.isDirectory(work.resolve(".camel-jbang")), "JBang's work dir is ours");
    }

    @Test
    void theKameletsInARouteWithTheRetryPolicy() throws Exception {
        write("tickets.yaml", "lowcode-kamelet-route");
        write("application.properties", "lowcode-kamelet-properties", "lowcode-retry-route");

        JBangProcess camel = camel("lowcode-jbang-run-kamelets", OFFLINE_ONE_MESSAGE);
        awaitBaselinePoll(camel);
        sim.faults().next(1).on("GET", "/api/v1/caller_context").status(503);
        String id = sim.simulateVoicemail("+14155550177", "Where is my order?");
        JBangProcess.Result r = camel.await(150);

        assertOfflineAndClean(r);
        Path ticket = work.resolve("tickets/" + id + ".json");
        assertTrue(Files.isRegularFile(ticket), r.output());
        JsonNode json = PhoneIncJson.mapper().readTree(ticket.toFile());
        assertEquals(id, json.at("/voicemail/id").asText());
        assertEquals("Where is my order?", json.at("/voicemail/transcription").asText());
        assertEquals("Morgan Ellis", json.at("/caller_context/contexts/0/customer/name").asText());
        assertEquals(2, sim.hits("GET", "/api/v1/caller_context"), "the 503 was retried");
    }

    @Test
    void aPipeWithTheRetryPolicy() throws Exception {
        write("voicemail-callers.yaml", "lowcode-pipe");
        write("application.properties", "lowcode-kamelet-properties", "lowcode-retry-pipe");

        JBangProcess camel = camel("lowcode-jbang-run-pipe", OFFLINE_ONE_MESSAGE);
        awaitBaselinePoll(camel);
        sim.faults().next(1).on("GET", "/api/v1/caller_context").status(503);
        String id = sim.simulateVoicemail("+14155550177", "Pipe me");
        JBangProcess.Result r = camel.await(150);

        assertOfflineAndClean(r);
        String line =
                r.output()
                        .lines()
                        .filter(l -> l.contains("voicemail-callers") && l.contains(id))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(r.output()));
        assertTrue(line.contains("CamelPhoneIncEventType=voicemail.new"), line);
        assertTrue(line.contains("phoneinc-caller-context={\"contexts\":[{"), line);
        assertTrue(line.contains("Morgan Ellis"), line);
        assertEquals(2, sim.hits("GET", "/api/v1/caller_context"), "the 503 was retried");
    }

    @Test
    void camelDocAndCatalogDoNotKnowPhoneinc() throws Exception {
        List<String> commands = DocBlocks.text("lowcode-jbang-doc").strip().lines().toList();
        assertEquals(2, commands.size());

        Path doc = work.resolve("doc");
        Files.createDirectories(doc);
        JBangProcess.Result docResult = oneLine(doc, commands.get(0));
        assertEquals(1, docResult.exitCode(), docResult.output());
        assertTrue(
                docResult.output().contains("Camel component: phoneinc not found. Did you mean?"),
                docResult.output());

        Path catalog = work.resolve("catalog");
        Files.createDirectories(catalog);
        JBangProcess.Result catalogResult = oneLine(catalog, commands.get(1));
        assertEquals(0, catalogResult.exitCode(), catalogResult.output());
        assertFalse(catalogResult.output().contains("phoneinc"), catalogResult.output());

        // the control: the same command knows a component of Camel's own catalog
        Path control = work.resolve("control");
        Files.createDirectories(control);
        JBangProcess.Result telegram = oneLine(control, "camel doc component:telegram");
        assertEquals(0, telegram.exitCode(), telegram.output());
        assertTrue(telegram.output().contains("Component Name: telegram"), telegram.output());
    }

    private JBangProcess.Result oneLine(Path dir, String line) throws Exception {
        List<String> args = new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
        assertEquals("camel", args.remove(0));
        JBangProcess p = new JBangProcess(dir, repository, Map.of()).start(args);
        started.add(p);
        return p.await(120);
    }
}
