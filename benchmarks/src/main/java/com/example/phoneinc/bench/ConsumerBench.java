package com.example.phoneinc.bench;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What the voicemail consumer costs and how quickly it delivers, against the simulator on loopback:
 * (1) one poll with nothing new — requests and time, with 3 and with 500 voicemails listed; (2) the
 * delay from a voicemail's arrival to its delivery, at a given poll delay (the default, 30 s, in
 * the full run). Run: {@code ./mvnw -B -pl benchmarks -am package -Pbench-consumer -DskipTests}.
 */
public final class ConsumerBench {

    /** The numbers of one run. */
    public record Result(
            double requestsPerEmptyPoll,
            double emptyPollMillisSmall,
            double emptyPollMillisLarge,
            long pollDelayMillis,
            int arrivals,
            double meanDeliveryMillis,
            double maxDeliveryMillis) {

        String markdown() {
            return String.format(
                    "| figure | value |%n|---|---|%n"
                            + "| requests per poll with nothing new | %.2f |%n"
                            + "| one empty poll, 3 voicemails listed | %.2f ms |%n"
                            + "| one empty poll, 500 voicemails listed | %.2f ms |%n"
                            + "| arrival → delivery at delay=%d ms (%d voicemails) | mean %.0f ms"
                            + " (%.2f × delay), max %.0f ms |%n",
                    requestsPerEmptyPoll,
                    emptyPollMillisSmall,
                    emptyPollMillisLarge,
                    pollDelayMillis,
                    arrivals,
                    meanDeliveryMillis,
                    meanDeliveryMillis / pollDelayMillis,
                    maxDeliveryMillis);
        }
    }

    private ConsumerBench() {}

    public static void main(String[] args) throws Exception {
        long delay = Long.getLong("bench.consumer.delay", 30_000);
        int arrivals = Integer.getInteger("bench.consumer.arrivals", 10);
        Result r = run(delay, arrivals, 300, System.out);
        System.out.println();
        System.out.println(r.markdown());
    }

    /**
     * @param pollDelay the consumer's delay for the delivery figure
     * @param emptyPolls how many empty polls the cost figures average over
     */
    public static Result run(long pollDelay, int arrivals, int emptyPolls, PrintStream progress)
            throws Exception {
        try (PhoneIncSimulator sim =
                PhoneIncSimulator.builder().port(0).recordedRequestLimit(0).build().start()) {
            progress.println("empty polls, 3 voicemails listed ...");
            double small = emptyPollMillis(sim, emptyPolls);
            double requests = (double) sim.hits("GET", "/api/v1/voicemails") / (emptyPolls + 1);
            for (int i = 0; i < 497; i++) {
                sim.simulateVoicemail(String.format("+1415556%04d", i), "bulk " + i);
            }
            progress.println("empty polls, 500 voicemails listed ...");
            double large = emptyPollMillis(sim, emptyPolls);
            progress.printf(
                    "arrival -> delivery at delay=%d ms, %d voicemails ...%n", pollDelay, arrivals);
            double[] delivery = delivery(sim, pollDelay, arrivals);
            return new Result(
                    requests, small, large, pollDelay, arrivals, delivery[0], delivery[1]);
        }
    }

    private static DefaultCamelContext context(PhoneIncSimulator sim) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.disableJMX();
        PhoneIncComponent phoneinc = new PhoneIncComponent();
        phoneinc.setApiKey(sim.apiKey());
        phoneinc.setBaseUrl(sim.baseUrl());
        context.addComponent("phoneinc", phoneinc);
        return context;
    }

    /** Mean wall time of one poll that finds nothing new (back to back, delay=1 ms). */
    private static double emptyPollMillis(PhoneIncSimulator sim, int polls) throws Exception {
        sim.clearHits();
        try (DefaultCamelContext context = context(sim)) {
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("phoneinc:voicemails?delay=1&initialDelay=0&repeatCount="
                                            + (polls + 1))
                                    .to("mock:never");
                        }
                    });
            long start = System.nanoTime();
            context.start();
            while (sim.hits("GET", "/api/v1/voicemails") < polls + 1) {
                Thread.sleep(1);
            }
            return (System.nanoTime() - start) / 1e6 / (polls + 1);
        }
    }

    /** Mean and max milliseconds from a voicemail's creation to its delivery. */
    private static double[] delivery(PhoneIncSimulator sim, long delay, int arrivals)
            throws Exception {
        Map<String, Long> created = new ConcurrentHashMap<>();
        Map<String, Long> delivered = new ConcurrentHashMap<>();
        try (DefaultCamelContext context = context(sim)) {
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("phoneinc:voicemails?initialDelay=0&delay=" + delay)
                                    .process(
                                            e ->
                                                    delivered.put(
                                                            e.getMessage()
                                                                    .getHeader(
                                                                            PhoneIncConstants
                                                                                    .RESOURCE_ID,
                                                                            String.class),
                                                            System.nanoTime()));
                        }
                    });
            long answeredBefore = sim.answered("GET", "/api/v1/voicemails");
            context.start();
            // the baseline poll answered: a voicemail made from now on is new to the consumer
            long baselineBy = System.nanoTime() + 10_000_000_000L;
            while (sim.answered("GET", "/api/v1/voicemails") == answeredBefore) {
                if (System.nanoTime() > baselineBy) {
                    throw new IllegalStateException("the consumer's first poll never came back");
                }
                Thread.sleep(1);
            }
            for (int i = 0; i < arrivals; i++) {
                // arrivals at random points of the poll cycle
                Thread.sleep(ThreadLocalRandom.current().nextLong(delay / 4, delay + delay / 4));
                String id = sim.simulateVoicemail(String.format("+1415557%04d", i), "bench " + i);
                created.put(id, System.nanoTime());
            }
            long until = System.nanoTime() + (delay * 3) * 1_000_000L;
            while (delivered.size() < arrivals && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
        List<Double> waits = new ArrayList<>();
        created.forEach(
                (id, at) -> {
                    Long d = delivered.get(id);
                    if (d != null) {
                        waits.add((d - at) / 1e6);
                    }
                });
        if (waits.size() < arrivals) {
            throw new IllegalStateException(
                    "only " + waits.size() + " of " + arrivals + " voicemails delivered");
        }
        return new double[] {
            waits.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
            waits.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)
        };
    }
}
