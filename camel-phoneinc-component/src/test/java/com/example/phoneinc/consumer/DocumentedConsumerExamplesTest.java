package com.example.phoneinc.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.LogCapture;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.docs.JavaSnippets;
import com.example.phoneinc.simulator.CallOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer examples of docs/phoneinc-component.adoc, read from the page and run against the
 * simulator: the Java routes (compiled as printed) and the YAML route with its watermark file. Only
 * the poll delays are shortened, and the file path pointed at a temporary directory.
 */
class DocumentedConsumerExamplesTest extends SimulatorConsumerSupport {

    @TempDir Path dir;

    @Test
    void javaExamplesDeliverVoicemailsAndEndedCalls() throws Exception {
        context.getRegistry().bind("watermarks", new MemoryStateRepository());
        String snippet =
                DocBlocks.text("component-consumer-java")
                        .replace(
                                "phoneinc:voicemails\"",
                                "phoneinc:voicemails?delay=100&initialDelay=0\"")
                        .replace(
                                "?direction=inbound", "?direction=inbound&delay=100&initialDelay=0")
                        .replace("#watermarks\"", "#watermarks&delay=100&initialDelay=0\"");
        assertEquals(3, snippet.split("initialDelay=0").length - 1, "three consumers, all sped up");
        String className = "Doc_component_consumer_java";
        RoutesBuilder routes =
                (RoutesBuilder)
                        JavaSnippets.compile(
                                        className,
                                        JavaSnippets.routeBuilder(
                                                className,
                                                List.of(
                                                        "com.example.phoneinc.PhoneIncConstants",
                                                        "org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository"),
                                                snippet
                                                        + "\nfrom(\"direct:ticket\").to(\"mock:ticket\");"),
                                        getClass().getClassLoader())
                                .getConstructor()
                                .newInstance();
        MockEndpoint ticket = getMockEndpoint("mock:ticket");
        try (LogCapture log = LogCapture.start(Level.INFO, "ROOT")) {
            context.addRoutes(routes);
            awaitBaselines();
            String vm = sim.simulateVoicemail("+14155550177", "Please call me back");
            clock.advance(Duration.ofSeconds(1));
            String call = sim.simulateIncomingCall("+14155550188", CallOutcome.ANSWERED).callId();
            ticket.expectedMessageCount(1);
            ticket.assertIsSatisfied(10_000);
            log.await(l -> l.text().contains("call.ended " + call + " from +14155550188"), 10_000);
            log.await(
                    l -> l.text().contains("New voicemail from +14155550177: Please call me back"),
                    10_000);
            assertEquals(
                    vm, ticket.getExchanges().get(0).getMessage().getBody(Voicemail.class).getId());
        }
    }

    @Test
    void yamlExampleKeepsItsWatermarkInTheFile() throws Exception {
        Path file = dir.resolve("phoneinc-watermarks.txt");
        String yaml =
                DocBlocks.text("component-consumer-yaml")
                        .replace("data/phoneinc-watermarks.txt", file.toString())
                        .replace("delay: 30000", "delay: 100");
        try (LogCapture log = LogCapture.start(Level.INFO, "ROOT")) {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.fromString("consumer.yaml", yaml));
            awaitBaselines();
            String vm = sim.simulateVoicemail("+14155550199", "hello");
            log.await(l -> l.text().contains("New voicemail from +14155550199"), 10_000);
            await(() -> Files.exists(file) && read(file).contains(vm), "the watermark in the file");
        }
        assertTrue(!read(file).contains(sim.apiKey()), "keyed by a fingerprint, not the key");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
