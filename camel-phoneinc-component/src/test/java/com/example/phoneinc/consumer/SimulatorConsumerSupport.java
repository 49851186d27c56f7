package com.example.phoneinc.consumer;

import com.example.phoneinc.Await;
import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * A Camel context whose phoneinc component talks to a fresh simulator on a random loopback port,
 * with a clock the test moves (voicemails and calls get its time, to the second).
 */
abstract class SimulatorConsumerSupport extends CamelTestSupport {

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now =
                new AtomicReference<>(Instant.parse("2026-11-01T10:00:00Z"));

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    protected final TestClock clock = new TestClock();
    protected PhoneIncSimulator sim;

    /** Override to change the simulator (paging, say). */
    protected PhoneIncSimulator.Builder simulator() {
        return PhoneIncSimulator.builder().port(0).clock(clock);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        if (sim == null) {
            sim = simulator().build().start();
        }
        CamelContext context = super.createCamelContext();
        PhoneIncComponent component = new PhoneIncComponent();
        component.setApiKey(sim.apiKey());
        component.setBaseUrl(sim.baseUrl());
        component.setRequestTimeout(5000);
        context.addComponent("phoneinc", component);
        return context;
    }

    @AfterEach
    void stopSimulator() throws Exception {
        context.stop(); // consumers first: a poll against a closed simulator would just be noise
        if (sim != null) {
            sim.close();
            sim = null;
        }
    }

    /**
     * Waits until every polling consumer of the context has taken its {@code startFrom=now}
     * baseline. Waiting for the simulator to count the first request is not enough: the request is
     * counted when it arrives, so an event made right after could still land in the baseline and,
     * rightly, never be delivered.
     */
    void awaitBaselines() throws InterruptedException {
        await(
                () -> {
                    List<PhoneIncPollingConsumer> consumers =
                            context.getRoutes().stream()
                                    .map(org.apache.camel.Route::getConsumer)
                                    .filter(PhoneIncPollingConsumer.class::isInstance)
                                    .map(PhoneIncPollingConsumer.class::cast)
                                    .toList();
                    return !consumers.isEmpty()
                            && consumers.stream().allMatch(c -> c.watermark() != null);
                },
                "every polling consumer's baseline");
    }

    /** Waits up to 10 s for {@code condition}. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what, Duration.ofSeconds(10));
    }
}
