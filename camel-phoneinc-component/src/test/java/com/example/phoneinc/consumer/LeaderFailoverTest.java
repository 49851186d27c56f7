package com.example.phoneinc.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.Await;
import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster story: three nodes (CamelContexts in one JVM) run {@code
 * from("master:vm:phoneinc:voicemails?...")} on one FileLockClusterService directory, with a shared
 * watermark file and a shared idempotent repository. Only the leader polls; when it stops, a new
 * leader resumes at the watermark within two poll periods, and every voicemail is processed exactly
 * once.
 */
class LeaderFailoverTest {

    /**
     * Costs no time as a rule (each leader polls at once when it takes over), but bounds the
     * takeover: stop, lock, route start and first poll took about 1.2 s on an idle machine, too
     * close to 2 × 2 s for a loaded one.
     */
    private static final long POLL_DELAY = 5000;

    @TempDir Path dir;

    private PhoneIncSimulator sim;
    private final List<DefaultCamelContext> nodes = new ArrayList<>();
    private final Map<String, String> processedBy = new ConcurrentHashMap<>();
    private final List<String> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, Long> firstDeliveryAt = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws Exception {
        for (DefaultCamelContext node : nodes) {
            node.stop();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private DefaultCamelContext node(String id, IdempotentRepository shared) throws Exception {
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(id);
        cluster.setRoot(dir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(200, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);

        DefaultCamelContext context = new DefaultCamelContext();
        context.disableJMX();
        context.getCamelContextExtension().setName("node-" + id);
        context.addService(cluster);
        PhoneIncComponent phoneinc = new PhoneIncComponent();
        phoneinc.setApiKey(sim.apiKey());
        phoneinc.setBaseUrl(sim.baseUrl());
        context.addComponent("phoneinc", phoneinc);
        // the shared watermark store: each node's repository on the same file
        context.getRegistry()
                .bind(
                        "watermarks",
                        FileStateRepository.fileStateRepository(
                                dir.resolve("watermarks.txt").toFile()));
        context.getRegistry().bind("processed", shared);
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("master:vm:phoneinc:voicemails?watermarkRepository=#watermarks"
                                        + "&startFrom=beginning&initialDelay=0&delay="
                                        + POLL_DELAY)
                                .routeId("triage-" + id)
                                .process(
                                        e -> {
                                            String vm =
                                                    e.getMessage()
                                                            .getHeader(
                                                                    PhoneIncConstants.RESOURCE_ID,
                                                                    String.class);
                                            deliveries.add(vm);
                                            firstDeliveryAt.putIfAbsent(id, System.nanoTime());
                                        })
                                .idempotentConsumer(header(PhoneIncConstants.EVENT_KEY), shared)
                                .process(
                                        e ->
                                                processedBy.merge(
                                                        e.getMessage()
                                                                .getHeader(
                                                                        PhoneIncConstants
                                                                                .RESOURCE_ID,
                                                                        String.class),
                                                        id,
                                                        (a, b) -> a + "," + b));
                    }
                });
        nodes.add(context);
        return context;
    }

    private String leader() throws InterruptedException {
        SimulatorConsumerSupport.await(() -> !firstDeliveryAt.isEmpty(), "a leader delivering");
        return firstDeliveryAt.keySet().iterator().next();
    }

    @Test
    void aNewLeaderResumesAtTheWatermarkAndEachVoicemailIsProcessedOnce() throws Exception {
        sim = PhoneIncSimulator.builder().port(0).build().start();
        IdempotentRepository shared = MemoryIdempotentRepository.memoryIdempotentRepository(1000);
        for (String id : List.of("a", "b", "c")) {
            node(id, shared).start();
        }
        Set<String> arrived =
                new HashSet<>(
                        List.of(
                                "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01",
                                "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c02",
                                "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c03")); // the seeded ones:
        // startFrom=beginning
        for (int i = 0; i < 5; i++) {
            arrived.add(sim.simulateVoicemail("+141555502" + i + "0", "before " + i));
        }
        String first = leader();
        // a voicemail made while the first poll ran comes with the next one, a poll period later
        Await.until(
                () -> processedBy.size() == arrived.size(),
                "the first batch",
                Duration.ofMillis(3 * POLL_DELAY));
        assertEquals(Set.of(first), new HashSet<>(processedBy.values()), "only the leader polled");

        DefaultCamelContext leaderNode =
                nodes.stream()
                        .filter(n -> n.getName().equals("node-" + first))
                        .findFirst()
                        .orElseThrow();
        long stopped = System.nanoTime();
        leaderNode.stop();
        for (int i = 0; i < 5; i++) {
            arrived.add(sim.simulateVoicemail("+141555503" + i + "0", "after " + i));
        }
        // longer than the bound asserted below, so that a slow takeover fails there, saying how
        // slow
        Await.until(
                () -> firstDeliveryAt.size() == 2,
                "a new leader",
                Duration.ofMillis(3 * POLL_DELAY));
        String second =
                firstDeliveryAt.keySet().stream()
                        .filter(k -> !k.equals(first))
                        .findFirst()
                        .orElseThrow();
        long resumedMillis = (firstDeliveryAt.get(second) - stopped) / 1_000_000;
        Await.until(
                () -> processedBy.size() == arrived.size(),
                "everything",
                Duration.ofMillis(3 * POLL_DELAY));

        assertEquals(arrived, processedBy.keySet());
        processedBy.forEach((vm, by) -> assertTrue(!by.contains(","), vm + " processed by " + by));
        assertEquals(
                arrived.size(),
                deliveries.size(),
                "the new leader resumed at the shared watermark: nothing delivered twice");
        assertTrue(
                resumedMillis < 2 * POLL_DELAY,
                "resumed "
                        + resumedMillis
                        + " ms after the leader stopped (2 polls = "
                        + 2 * POLL_DELAY
                        + " ms)");
    }
}
