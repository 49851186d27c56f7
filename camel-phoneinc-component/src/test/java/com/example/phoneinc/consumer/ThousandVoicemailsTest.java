package com.example.phoneinc.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncConstants;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 voicemails arrive while the consumer polls; every 50th exchange fails once and the route is
 * restarted in the middle. Every voicemail is delivered; duplicates happen only where a failure
 * forces them (the failed one is delivered again), and after an idempotentConsumer on the event key
 * each is processed exactly once.
 */
class ThousandVoicemailsTest extends SimulatorConsumerSupport {

    @TempDir Path dir;

    @Test
    void everyVoicemailIsDeliveredAndProcessedOnce() throws Exception {
        FileStateRepository watermarks =
                FileStateRepository.fileStateRepository(dir.resolve("watermarks").toFile());
        context.getRegistry().bind("watermarks", watermarks);
        context.getRegistry()
                .bind("processed", MemoryIdempotentRepository.memoryIdempotentRepository(5000));
        AtomicInteger exchanges = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        Map<String, Integer> processed = new ConcurrentHashMap<>();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("phoneinc:voicemails?watermarkRepository=#watermarks"
                                        + "&delay=20&initialDelay=0")
                                .routeId("triage")
                                .process(
                                        e -> {
                                            String id =
                                                    e.getMessage()
                                                            .getHeader(
                                                                    PhoneIncConstants.RESOURCE_ID,
                                                                    String.class);
                                            delivered.add(id);
                                            if (exchanges.incrementAndGet() % 50 == 0) {
                                                throw new IllegalStateException(
                                                        "injected failure of exchange "
                                                                + exchanges.get());
                                            }
                                        })
                                .idempotentConsumer(
                                        header(PhoneIncConstants.EVENT_KEY), lookup("processed"))
                                .process(
                                        e ->
                                                processed.merge(
                                                        e.getMessage()
                                                                .getHeader(
                                                                        PhoneIncConstants
                                                                                .RESOURCE_ID,
                                                                        String.class),
                                                        1,
                                                        Integer::sum));
                    }

                    private org.apache.camel.spi.IdempotentRepository lookup(String name) {
                        return getContext()
                                .getRegistry()
                                .lookupByNameAndType(
                                        name, org.apache.camel.spi.IdempotentRepository.class);
                    }
                });
        awaitBaselines();

        Set<String> arrived = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            if (i % 7 == 0) {
                clock.advance(Duration.ofSeconds(1)); // several voicemails per second
            }
            arrived.add(sim.simulateVoicemail(String.format("+1415555%04d", i), "vm " + i));
            if (i == 500) {
                context.getRouteController().stopRoute("triage");
                context.getRouteController().startRoute("triage");
            }
            if (i % 100 == 0) {
                Thread.sleep(30); // let polls interleave with arrivals
            }
        }
        await(() -> processed.size() == 1000, "all 1,000 processed");
        long polls = sim.hits("GET", "/api/v1/voicemails");
        await(() -> sim.hits("GET", "/api/v1/voicemails") >= polls + 3, "three more polls");

        assertEquals(arrived, processed.keySet(), "every voicemail, none lost");
        processed.forEach((id, n) -> assertEquals(1, n, id + " processed once"));
        Map<String, Integer> deliveries = new HashMap<>();
        delivered.forEach(id -> deliveries.merge(id, 1, Integer::sum));
        List<String> repeated = new ArrayList<>();
        deliveries.forEach(
                (id, n) -> {
                    if (n > 1) {
                        repeated.add(id);
                    }
                });
        int failures = exchanges.get() / 50;
        assertEquals(
                1000 + failures,
                delivered.size(),
                "each voicemail delivered once, plus one redelivery per injected failure");
        assertEquals(
                failures,
                repeated.size(),
                "a duplicate only where a failure forced one (the failed exchange, delivered again)");
        deliveries.values().forEach(n -> assertTrue(n <= 2));
    }
}
