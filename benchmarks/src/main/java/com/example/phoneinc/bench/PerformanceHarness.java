package com.example.phoneinc.bench;

import com.example.phoneinc.api.model.Call;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs P1–P4 of docs/performance.md in one JVM against an in-process Vert.x server and prints the
 * ratio table. P1/P2 sides run in interleaved rounds (order rotated, and reversed every other
 * round), so every ratio compares numbers taken seconds apart; the table shows the median over
 * rounds and the range of the per-round ratios.
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -Pbench -DskipTests
 * </pre>
 *
 * Counts are system properties ({@link BenchSettings#fromSystemProperties()}).
 */
public final class PerformanceHarness {

    static final String P1_SIDE = "phoneinc:calls via ProducerTemplate (defaults: synchronous)";
    static final String P2_SIDE = "phoneinc route (direct: → phoneinc:calls), defaults";
    static final String P1_ASYNC_SIDE = "phoneinc:calls via ProducerTemplate, synchronous=false";
    static final String P2_ASYNC_SIDE = "phoneinc route, synchronous=false";
    static final String P2_BASELINE = "camel-http route (defaults)";
    static final String P2_TUNED = "camel-http route, connectionsPerRoute=64";
    static final String P2_ASYNC = "phoneinc route, synchronous=false, asyncSend from 1 thread";
    static final String RAW_ASYNC = "raw Apache HttpClient 5 async + Jackson";
    static final String RAW_ASYNC_TIMER =
            "raw HC5 async + a per-call timeout timer (as AsyncHttpTransport)";

    private final BenchSettings settings;
    private final PrintStream log;
    private final int expectedCalls;

    private PerformanceHarness(BenchSettings settings, PrintStream log) throws Exception {
        this.settings = settings;
        this.log = log;
        try (var in = PerformanceHarness.class.getResourceAsStream("/bench/calls.json")) {
            this.expectedCalls = CallsPage.bind(in.readAllBytes()).size();
        }
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Report report = run(settings, System.out);
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        String out = System.getProperty("bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), markdown);
        }
        System.exit(report.allCompleted() ? 0 : 1);
    }

    /** Runs everything; progress lines go to {@code log}. */
    public static Report run(BenchSettings settings, PrintStream log) throws Exception {
        return new PerformanceHarness(settings, log).run();
    }

    private Report run() throws Exception {
        Report report = new Report(settings);
        report.environment = Environment.capture();
        log.println("settings: " + settings);
        log.println("environment: " + report.environment.oneLine());
        try (CannedServer server = CannedServer.start(settings.serverEventLoops())) {
            report.bodyBytes = server.bodyBytes();
            log.printf("server: %s, %d-byte calls list%n", server.baseUrl(), server.bodyBytes());
            callsPerSecondAndLatency(server, report);
            log.println(
                    "P3: "
                            + settings.p3Exchanges()
                            + " exchanges, server answers after "
                            + settings.p3DelayMillis()
                            + " ms");
            List<StressScenarios.Result> bursts = new ArrayList<>();
            for (int i = 0; i < Math.max(1, settings.p3Repeats()); i++) {
                for (StressScenarios.Result b :
                        StressScenarios.manyInFlight(
                                server,
                                settings.p3Exchanges(),
                                settings.p3DelayMillis(),
                                settings.p3MaxConnections())) {
                    log.println("P3: " + b);
                    bursts.add(b);
                }
            }
            report.p3Bursts = bursts;
            report.p3 = report.medianBurst(StressScenarios.COLD);
            log.println(
                    "P4: "
                            + settings.p4Exchanges()
                            + " exchanges, 429 Retry-After "
                            + settings.p4RetryAfterSeconds()
                            + " s");
            report.p4 =
                    StressScenarios.waitOutRateLimit(
                            server, settings.p4Exchanges(), settings.p4RetryAfterSeconds());
            log.println("P4: " + report.p4);
            report.badRequests = server.badRequests();
        }
        report.environment.loadAfter =
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return report;
    }

    // ---------------------------------------------------------------- P1, P2, allocation

    private void callsPerSecondAndLatency(CannedServer server, Report report) throws Exception {
        String base = server.baseUrl();
        List<Side> all = new ArrayList<>();
        ExecutorService drivers = Executors.newFixedThreadPool(settings.inFlight());
        try (CamelSides camel = new CamelSides(base, 0);
                CamelSides tuned = new CamelSides(base, 64)) {
            Side classic = RawClients.hc5Classic(base);
            Side jdk = RawClients.jdk(base);
            Side async = RawClients.hc5Async(base);
            Side asyncTimer = RawClients.hc5Async(base, true);
            all.addAll(List.of(classic, jdk, async, asyncTimer));
            List<Side> latencySides =
                    List.of(
                            classic,
                            jdk,
                            async,
                            asyncTimer,
                            camel.phoneinc(),
                            camel.phoneincRoute(),
                            camel.phoneincAsync(),
                            camel.phoneincAsyncRoute(),
                            camel.camelHttpRoute(P2_BASELINE));
            List<Side> throughputSides = new ArrayList<>(latencySides);
            throughputSides.add(tuned.camelHttpRoute(P2_TUNED));
            for (Side s : latencySides) {
                report.sides.put(s.name(), new SideStats(s.name(), s.raw(), settings.rounds()));
            }
            report.sides.put(P2_TUNED, new SideStats(P2_TUNED, false, settings.rounds()));
            report.sides.put(P2_ASYNC, new SideStats(P2_ASYNC, false, settings.rounds()));

            log.println("warm-up: " + settings.warmupCalls() + " calls per side, twice");
            for (Side s : throughputSides) {
                latency(s, settings.warmupCalls());
                throughput(s, settings.warmupCalls(), drivers);
            }
            throughputAsync(camel::phoneincRouteAsync, settings.warmupCalls());
            parse(settings.warmupCalls());

            for (int r = 0; r < settings.rounds(); r++) {
                latencyRound(r, latencySides, report);
                throughputRound(r, throughputSides, camel, drivers, report);
                double[] p = parse(settings.parseIterations());
                report.parseBindUs[r] = p[0];
                report.parseTreeUs[r] = p[1];
                report.parseBindBytes[r] = p[2];
                report.parseTreeBytes[r] = p[3];
                log.printf(
                        "round %d parse   bind %.1f µs %.0f B, tree+bind (component) %.1f µs %.0f B%n",
                        r + 1, p[0], p[2], p[1], p[3]);
            }
        } finally {
            for (Side s : all) {
                s.close();
            }
            drivers.shutdownNow();
            drivers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One round of sequential calls, the sides taking turns block by block. */
    private void latencyRound(int r, List<Side> sides, Report report) throws Exception {
        int blocks = Math.max(1, settings.blocks());
        int perBlock = Math.max(1, settings.latencyCalls() / blocks);
        Map<String, long[]> samples = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (Side s : sides) {
            samples.put(s.name(), new long[perBlock * blocks]);
            bytes.put(s.name(), 0L);
        }
        for (int b = 0; b < blocks; b++) {
            for (Side s : turns(sides, r * blocks + b)) {
                var before = JvmProbes.allocatedBytes();
                latency(s, perBlock, samples.get(s.name()), b * perBlock);
                bytes.merge(s.name(), JvmProbes.allocatedSince(before), Long::sum);
            }
        }
        for (Side s : sides) {
            long[] t = samples.get(s.name());
            Arrays.sort(t);
            SideStats st = report.sides.get(s.name());
            st.medianUs[r] = t[t.length / 2] / 1000.0;
            st.p90Us[r] = t[(int) (t.length * 0.9)] / 1000.0;
            st.allocBytes[r] = (double) bytes.get(s.name()) / t.length;
            log.printf(
                    "round %d latency %-48s median %7.1f µs  p90 %7.1f µs  %6.0f B/call%n",
                    r + 1, s.name(), st.medianUs[r], st.p90Us[r], st.allocBytes[r]);
        }
    }

    /** One round with {@code inFlight} calls in flight, the sides taking turns block by block. */
    private void throughputRound(
            int r, List<Side> sides, CamelSides camel, ExecutorService drivers, Report report)
            throws Exception {
        int blocks = Math.max(1, settings.blocks() / 2);
        int perBlock = Math.max(1, settings.throughputCalls() / blocks);
        List<Object> all = new ArrayList<>(sides);
        all.add(P2_ASYNC);
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (int b = 0; b < blocks; b++) {
            for (Object o : turns(all, r * blocks + b + 1)) {
                long start = System.nanoTime();
                String name;
                if (o instanceof Side s) {
                    name = s.name();
                    throughput(s, perBlock, drivers);
                } else {
                    name = P2_ASYNC;
                    throughputAsync(camel::phoneincRouteAsync, perBlock);
                }
                nanos.merge(name, System.nanoTime() - start, Long::sum);
            }
        }
        for (Map.Entry<String, Long> e : nanos.entrySet()) {
            double perSecond = (double) perBlock * blocks / (e.getValue() / 1e9);
            report.sides.get(e.getKey()).perSecond[r] = perSecond;
            log.printf(
                    "round %d tput    %-48s %8.0f calls/s (%d in flight)%n",
                    r + 1, e.getKey(), perSecond, settings.inFlight());
        }
    }

    /** The sides in the order of turn {@code n}: rotated by n, reversed every other turn. */
    private static <T> List<T> turns(List<T> sides, int n) {
        List<T> order = new ArrayList<>(sides);
        Collections.rotate(order, -n);
        if (n % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    /** Sequential calls; returns the sorted latencies in ns. */
    private long[] latency(Side side, int calls) throws Exception {
        long[] t = new long[calls];
        latency(side, calls, t, 0);
        Arrays.sort(t);
        return t;
    }

    /** Sequential calls, latencies (ns) stored from {@code offset}. */
    private void latency(Side side, int calls, long[] t, int offset) throws Exception {
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            List<Call> result = side.call();
            t[offset + i] = System.nanoTime() - start;
            check(side.name(), result);
        }
    }

    /** {@code inFlight} threads calling in a loop until {@code calls} are done; calls/s. */
    private double throughput(Side side, int calls, ExecutorService drivers) throws Exception {
        AtomicInteger left = new AtomicInteger(calls);
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(settings.inFlight());
        long start = System.nanoTime();
        for (int i = 0; i < settings.inFlight(); i++) {
            drivers.execute(
                    () -> {
                        try {
                            while (left.getAndDecrement() > 0) {
                                check(side.name(), side.call());
                            }
                        } catch (Throwable t) {
                            error.compareAndSet(null, t);
                            left.set(0);
                        } finally {
                            done.countDown();
                        }
                    });
        }
        if (!done.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException(side.name() + ": throughput pass did not end");
        }
        long elapsed = System.nanoTime() - start;
        if (error.get() != null) {
            throw new IllegalStateException(side.name() + " failed", error.get());
        }
        return calls / (elapsed / 1e9);
    }

    /** {@code inFlight} calls kept in flight by one thread, without blocking on any; calls/s. */
    private double throughputAsync(Supplier<CompletableFuture<List<Call>>> call, int calls)
            throws Exception {
        Semaphore permits = new Semaphore(settings.inFlight());
        CountDownLatch done = new CountDownLatch(calls);
        AtomicReference<Throwable> error = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < calls && error.get() == null; i++) {
            permits.acquire();
            call.get()
                    .whenComplete(
                            (result, e) -> {
                                try {
                                    if (e != null) {
                                        error.compareAndSet(null, e);
                                    } else {
                                        check(P2_ASYNC, result);
                                    }
                                } catch (Throwable t) {
                                    error.compareAndSet(null, t);
                                } finally {
                                    permits.release();
                                    done.countDown();
                                }
                            });
        }
        if (error.get() == null && !done.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException(P2_ASYNC + ": throughput pass did not end");
        }
        long elapsed = System.nanoTime() - start;
        if (error.get() != null) {
            throw new IllegalStateException(P2_ASYNC + " failed", error.get());
        }
        return calls / (elapsed / 1e9);
    }

    /** µs and bytes per parse: {bind µs, tree µs, bind B, tree B}. */
    private static double[] parse(int iterations) throws Exception {
        byte[] json;
        try (var in = PerformanceHarness.class.getResourceAsStream("/bench/calls.json")) {
            json = in.readAllBytes();
        }
        double[] result = new double[4];
        for (int variant = 0; variant < 2; variant++) {
            var before = JvmProbes.allocatedBytes();
            long start = System.nanoTime();
            int sink = 0;
            for (int i = 0; i < iterations; i++) {
                sink += (variant == 0 ? CallsPage.bind(json) : CallsPage.viaTree(json)).size();
            }
            long elapsed = System.nanoTime() - start;
            long bytes = JvmProbes.allocatedSince(before);
            if (sink == 0) {
                throw new IllegalStateException("parse produced nothing");
            }
            result[variant] = elapsed / 1000.0 / iterations;
            result[2 + variant] = (double) bytes / iterations;
        }
        return result;
    }

    private void check(String side, List<Call> result) {
        if (result == null || result.size() != expectedCalls || result.get(0).getId() == null) {
            throw new IllegalStateException(
                    side + " returned " + (result == null ? "null" : result.size() + " calls"));
        }
    }

    // ---------------------------------------------------------------- results

    /** Per side, one value per round. */
    static final class SideStats {
        final String name;
        final boolean raw;
        final double[] medianUs;
        final double[] p90Us;
        final double[] allocBytes;
        final double[] perSecond;

        SideStats(String name, boolean raw, int rounds) {
            this.name = name;
            this.raw = raw;
            medianUs = nan(rounds);
            p90Us = nan(rounds);
            allocBytes = nan(rounds);
            perSecond = nan(rounds);
        }

        boolean hasLatency() {
            return !Double.isNaN(medianUs[0]);
        }

        private static double[] nan(int n) {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        }
    }

    /** A target and whether this run met it. */
    public record Verdict(
            String id, String what, String measured, String target, boolean pass, String note) {}

    /** Machine and JVM of the run. */
    static final class Environment {
        String java;
        String vm;
        String os;
        String cpu;
        int cores;
        double loadBefore;
        double loadAfter;

        static Environment capture() {
            Environment e = new Environment();
            e.java = System.getProperty("java.version");
            e.vm = System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
            e.os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
            e.cores = Runtime.getRuntime().availableProcessors();
            e.cpu = "unknown CPU";
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        e.cpu = line.substring(line.indexOf(':') + 1).trim();
                        break;
                    }
                }
            } catch (Exception ignored) {
                // not Linux: leave unknown
            }
            e.loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return e;
        }

        String oneLine() {
            return String.format(
                    "Java %s (%s), %s, %d cores (%s), load average %.1f before%s",
                    java,
                    vm,
                    os,
                    cores,
                    cpu,
                    loadBefore,
                    loadAfter > 0 ? String.format(" / %.1f after", loadAfter) : "");
        }
    }

    /** Everything measured, and the markdown tables. */
    public static final class Report {
        final BenchSettings settings;
        final Map<String, SideStats> sides = new LinkedHashMap<>();
        final double[] parseBindUs;
        final double[] parseTreeUs;
        final double[] parseBindBytes;
        final double[] parseTreeBytes;
        Environment environment;
        int bodyBytes;
        long badRequests;
        List<StressScenarios.Result> p3Bursts = List.of();
        StressScenarios.Result p3;
        StressScenarios.Result p4;

        Report(BenchSettings settings) {
            this.settings = settings;
            parseBindUs = new double[settings.rounds()];
            parseTreeUs = new double[settings.rounds()];
            parseBindBytes = new double[settings.rounds()];
            parseTreeBytes = new double[settings.rounds()];
        }

        /** Every benchmark ran to the end with every call and exchange answered correctly. */
        public boolean allCompleted() {
            return badRequests == 0
                    && p3Bursts.size() == 3 * Math.max(1, settings.p3Repeats())
                    && p3Bursts.stream()
                            .allMatch(b -> b.failed() == 0 && b.succeeded() == b.exchanges())
                    && p4 != null
                    && p4.failed() == 0
                    && p4.succeeded() == p4.exchanges()
                    && sides.values().stream()
                            .allMatch(s -> Arrays.stream(s.perSecond).allMatch(v -> v > 0));
        }

        /** Every number the tables are made of is present and positive. */
        public boolean allNumbersPresent() {
            for (SideStats s : sides.values()) {
                for (double v : s.perSecond) {
                    if (!(v > 0)) {
                        return false;
                    }
                }
                if (s.hasLatency()) {
                    for (int r = 0; r < s.medianUs.length; r++) {
                        if (!(s.medianUs[r] > 0 && s.p90Us[r] > 0 && s.allocBytes[r] > 0)) {
                            return false;
                        }
                    }
                }
            }
            return p1Ratio()[0] > 0
                    && p2Ratio()[0] > 0
                    && p3 != null
                    && p3.wallMillis() > 0
                    && p3.peakThreads() > 0
                    && p4 != null
                    && p4.wallMillis() > 0
                    && p4.peakThreads() > 0;
        }

        /** The burst with the median wall time among those with this label. */
        StressScenarios.Result medianBurst(String label) {
            List<StressScenarios.Result> same =
                    new ArrayList<>(
                            p3Bursts.stream().filter(b -> b.label().equals(label)).toList());
            if (same.isEmpty()) {
                return null;
            }
            same.sort((a, b) -> Double.compare(a.wallMillis(), b.wallMillis()));
            return same.get((same.size() - 1) / 2);
        }

        /** Highest peak of live threads (server excluded) over all P3 bursts of this label. */
        int maxPeakThreads(String label) {
            return p3Bursts.stream()
                    .filter(b -> b.label().equals(label))
                    .mapToInt(StressScenarios.Result::peakClientThreads)
                    .max()
                    .orElse(0);
        }

        /** Wall times (s) of the P3 bursts with this label, in run order. */
        String walls(String label) {
            return p3Bursts.stream()
                    .filter(b -> b.label().equals(label))
                    .map(b -> String.format("%.2f", b.wallMillis() / 1000))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        /** Per round, the fastest raw client's median latency. */
        double[] fastestRawMedian() {
            double[] best = new double[settings.rounds()];
            Arrays.fill(best, Double.MAX_VALUE);
            for (SideStats s : sides.values()) {
                if (s.raw) {
                    for (int r = 0; r < best.length; r++) {
                        best[r] = Math.min(best[r], s.medianUs[r]);
                    }
                }
            }
            return best;
        }

        String fastestRawName() {
            String name = null;
            double best = Double.MAX_VALUE;
            for (SideStats s : sides.values()) {
                if (s.raw && median(s.medianUs) < best) {
                    best = median(s.medianUs);
                    name = s.name;
                }
            }
            return name;
        }

        /** {median, min, max} over rounds of (side / fastest raw), by median latency. */
        double[] latencyRatio(String side) {
            double[] fastest = fastestRawMedian();
            double[] q = new double[fastest.length];
            for (int r = 0; r < q.length; r++) {
                q[r] = sides.get(side).medianUs[r] / fastest[r];
            }
            return summary(q);
        }

        /** {median, min, max} over rounds of (side / baseline), by median latency. */
        double[] latencyRatio(String side, String baseline) {
            double[] q = new double[settings.rounds()];
            for (int r = 0; r < q.length; r++) {
                q[r] = sides.get(side).medianUs[r] / sides.get(baseline).medianUs[r];
            }
            return summary(q);
        }

        /** {median, min, max} over rounds of throughput(side) / throughput(baseline). */
        double[] throughputRatio(String side, String baseline) {
            double[] q = new double[settings.rounds()];
            for (int r = 0; r < q.length; r++) {
                q[r] = sides.get(side).perSecond[r] / sides.get(baseline).perSecond[r];
            }
            return summary(q);
        }

        double[] p1Ratio() {
            return latencyRatio(P1_SIDE);
        }

        double[] p2Ratio() {
            return throughputRatio(P2_SIDE, P2_BASELINE);
        }

        public List<Verdict> verdicts() {
            List<Verdict> v = new ArrayList<>();
            double[] p1 = p1Ratio();
            v.add(
                    new Verdict(
                            "P1",
                            "latency per call: phoneinc:calls via ProducerTemplate, default"
                                    + " options (synchronous) ÷ fastest raw client ("
                                    + fastestRawName()
                                    + "), median",
                            ratio(p1),
                            "≤ 1.25×",
                            p1[0] <= 1.25,
                            p1[0] <= 1.25
                                    ? ""
                                    : String.format(
                                            "missed by %.0f %%", (p1[0] / 1.25 - 1) * 100)));
            double[] p2 = p2Ratio();
            v.add(
                    new Verdict(
                            "P2",
                            "throughput, "
                                    + settings.inFlight()
                                    + " calling threads: phoneinc route (defaults) ÷"
                                    + " camel-http route",
                            ratio(p2),
                            "≥ 1.4×",
                            p2[0] >= 1.4,
                            p2[0] >= 1.4
                                    ? ""
                                    : String.format("missed by %.0f %%", (1 - p2[0] / 1.4) * 100)));
            if (p3 != null) {
                double limit = settings.p3DelayMillis() * 1.25;
                int peakThreads = maxPeakThreads(StressScenarios.COLD);
                boolean allOk =
                        p3Bursts.stream()
                                .allMatch(b -> b.failed() == 0 && b.succeeded() == b.exchanges());
                boolean pass = allOk && p3.wallMillis() <= limit && peakThreads <= 32;
                StressScenarios.Result warm = medianBurst(StressScenarios.WARM);
                StressScenarios.Result raw = medianBurst(StressScenarios.RAW);
                v.add(
                        new Verdict(
                                "P3",
                                p3.exchanges()
                                        + " exchanges in flight, server answers after "
                                        + settings.p3DelayMillis()
                                        + " ms (maxConnections="
                                        + settings.p3MaxConnections()
                                        + "), median of "
                                        + settings.p3Repeats()
                                        + " runs",
                                String.format(
                                        "%s; cold pool: wall %.2f s (runs: %s), peak %d live"
                                                + " threads; warm pool: wall %.2f s; raw HC5 async,"
                                                + " cold: %.2f s",
                                        allOk ? "all ok" : "FAILURES",
                                        p3.wallMillis() / 1000,
                                        walls(StressScenarios.COLD),
                                        peakThreads,
                                        warm == null ? 0 : warm.wallMillis() / 1000,
                                        raw == null ? 0 : raw.wallMillis() / 1000),
                                String.format(
                                        "all ok in ≈%.1f s (≤ %.2f s), ≤ 32 threads",
                                        settings.p3DelayMillis() / 1000.0, limit / 1000),
                                pass,
                                pass
                                        ? ""
                                        : String.format(
                                                "cold-pool wall %.0f %% over %.1f s",
                                                (p3.wallMillis() / settings.p3DelayMillis() - 1)
                                                        * 100,
                                                settings.p3DelayMillis() / 1000.0)));
            }
            if (p4 != null) {
                boolean pass = p4.failed() == 0 && p4.peakClientThreads() <= 32;
                v.add(
                        new Verdict(
                                "P4",
                                p4.exchanges()
                                        + " exchanges waiting out 429 Retry-After: "
                                        + settings.p4RetryAfterSeconds()
                                        + " (shipped retry"
                                        + " configuration)",
                                String.format(
                                        "%d/%d ok (server sent %d × 429; other attempts were"
                                                + " refused locally by the guard), wall %.2f s,"
                                                + " peak %d live threads",
                                        p4.succeeded(),
                                        p4.exchanges(),
                                        p4.tooManyRequests(),
                                        p4.wallMillis() / 1000,
                                        p4.peakClientThreads()),
                                "all ok, ≤ 32 threads",
                                pass,
                                ""));
            }
            return v;
        }

        public String markdown() {
            StringBuilder b = new StringBuilder();
            b.append("Environment: ").append(environment.oneLine()).append('\n');
            b.append(
                    String.format(
                            "Settings: %d rounds × (%,d sequential + %,d with %d in flight) calls per"
                                    + " side, sides taking turns in %d blocks per round, after %,d"
                                    + " warm-up calls; %d-byte body; Vert.x server with %d event"
                                    + " loop(s) in the same JVM.%n%n",
                            settings.rounds(),
                            settings.latencyCalls(),
                            settings.throughputCalls(),
                            settings.inFlight(),
                            settings.blocks(),
                            settings.warmupCalls(),
                            bodyBytes,
                            settings.serverEventLoops()));
            b.append("| # | what | measured (median of rounds, range) | target | result |\n");
            b.append("|---|---|---|---|---|\n");
            for (Verdict v : verdicts()) {
                b.append(
                        String.format(
                                "| %s | %s | %s | %s | %s |%n",
                                v.id(),
                                v.what(),
                                v.measured(),
                                v.target(),
                                v.pass()
                                        ? "PASS"
                                        : "MISS"
                                                + (v.note().isEmpty()
                                                        ? ""
                                                        : " (" + v.note() + ")")));
            }
            b.append('\n');
            b.append(
                    "| side | median µs | p90 µs | calls/s, "
                            + settings.inFlight()
                            + " in flight"
                            + " | allocated B/call | latency ÷ fastest raw | latency ÷ raw HC5 async"
                            + " | calls/s ÷ camel-http route |\n");
            b.append("|---|---|---|---|---|---|---|---|\n");
            for (SideStats s : sides.values()) {
                String lat = s.hasLatency() ? String.format("%.1f", median(s.medianUs)) : "–";
                String p90 = s.hasLatency() ? String.format("%.1f", median(s.p90Us)) : "–";
                String alloc = s.hasLatency() ? String.format("%,.0f", median(s.allocBytes)) : "–";
                String lr = s.hasLatency() ? ratio(latencyRatio(s.name)) : "–";
                String la = s.hasLatency() ? ratio(latencyRatio(s.name, RAW_ASYNC)) : "–";
                b.append(
                        String.format(
                                "| %s | %s | %s | %,.0f | %s | %s | %s | %s |%n",
                                s.name,
                                lat,
                                p90,
                                median(s.perSecond),
                                alloc,
                                lr,
                                la,
                                ratio(throughputRatio(s.name, P2_BASELINE))));
            }
            b.append(
                    String.format(
                            "%nParse only (no HTTP), per call: raw clients' bind %.1f µs / %,.0f B;"
                                    + " component's tree + bind %.1f µs / %,.0f B.%n",
                            median(parseBindUs),
                            median(parseBindBytes),
                            median(parseTreeUs),
                            median(parseTreeBytes)));
            for (StressScenarios.Result burst : p3Bursts) {
                b.append(stress("P3", burst));
            }
            if (p4 != null) {
                b.append(stress("P4", p4));
                b.append(
                        String.format(
                                "P4: server sent %d × 429; %d redeliveries in all, at most %d for"
                                        + " one exchange.%n",
                                p4.tooManyRequests(), p4.redeliveries(), p4.maxRedeliveries()));
            }
            if (badRequests > 0) {
                b.append("WARNING: the server saw ").append(badRequests).append(" bad requests\n");
            }
            return b.toString();
        }

        private static String stress(String id, StressScenarios.Result r) {
            return String.format(
                    "%s %s: %d/%d ok, %d failed, wall %.0f ms (median completion %.0f ms, starting"
                            + " them took %.0f ms); live"
                            + " threads: %d before (%d of them the in-process server), peak %d"
                            + " (%d without the server, +%d over before)%s; at peak: %s%n%n",
                    id,
                    r.label(),
                    r.succeeded(),
                    r.exchanges(),
                    r.failed(),
                    r.wallMillis(),
                    r.medianMillis(),
                    r.issueMillis(),
                    r.threadsBefore(),
                    r.serverThreads(),
                    r.peakThreads(),
                    r.peakClientThreads(),
                    r.addedThreads(),
                    r.firstError() == null ? "" : "; first error: " + r.firstError(),
                    r.namesAtPeak());
        }

        static String ratio(double[] q) {
            if (q[1] == q[2]) {
                return String.format("%.2f×", q[0]);
            }
            return String.format("%.2f× (%.2f–%.2f)", q[0], q[1], q[2]);
        }

        static double[] summary(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return new double[] {median(values), sorted[0], sorted[sorted.length - 1]};
        }

        static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        StressScenarios.Result p3() {
            return p3;
        }

        StressScenarios.Result p4() {
            return p4;
        }
    }
}
