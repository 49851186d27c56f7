package com.example.phoneinc.bench;

/**
 * What to run and how much; every value can be set as a system property ({@code -Dbench.rounds=3}).
 *
 * @param warmupCalls calls per side before the first round (sequential, then again with {@code
 *     inFlight} in flight)
 * @param rounds rounds; each runs every side in {@code blocks} interleaved blocks
 * @param blocks blocks per round: sides take turns every {@code latencyCalls / blocks} sequential
 *     calls (and every {@code throughputCalls / (blocks / 2)} concurrent ones), the order rotated
 *     each block, so that every side sees the same machine load
 * @param latencyCalls sequential calls per side and round (P1, allocation)
 * @param throughputCalls calls per side and round with {@code inFlight} in flight (P2)
 * @param inFlight calls in flight for P2
 * @param parseIterations parse-only iterations per round (the breakdown of P1)
 * @param p3Exchanges exchanges started at once in P3
 * @param p3DelayMillis how long the server takes to answer in P3
 * @param p3MaxConnections the component's {@code maxConnections} in P3 (default option: 100)
 * @param p3Repeats how often P3 runs (each time: cold pool, warm pool, raw client); the verdict
 *     takes the median
 * @param p4Exchanges exchanges started at once in P4
 * @param p4RetryAfterSeconds the 429's {@code Retry-After} (and how long the server blocks) in P4
 * @param serverEventLoops Vert.x event loops of the server
 */
public record BenchSettings(
        int warmupCalls,
        int rounds,
        int blocks,
        int latencyCalls,
        int throughputCalls,
        int inFlight,
        int parseIterations,
        int p3Exchanges,
        long p3DelayMillis,
        int p3MaxConnections,
        int p3Repeats,
        int p4Exchanges,
        int p4RetryAfterSeconds,
        int serverEventLoops) {

    /** The full run, overridable per value with {@code -Dbench.<name>=...}. */
    public static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("bench.warmupCalls", 5_000),
                Integer.getInteger("bench.rounds", 5),
                Integer.getInteger("bench.blocks", 10),
                Integer.getInteger("bench.latencyCalls", 10_000),
                Integer.getInteger("bench.throughputCalls", 20_000),
                Integer.getInteger("bench.inFlight", 32),
                Integer.getInteger("bench.parseIterations", 20_000),
                Integer.getInteger("bench.p3Exchanges", 1_000),
                Long.getLong("bench.p3DelayMillis", 2_000),
                Integer.getInteger("bench.p3MaxConnections", 1_000),
                Integer.getInteger("bench.p3Repeats", 3),
                Integer.getInteger("bench.p4Exchanges", 500),
                Integer.getInteger("bench.p4RetryAfterSeconds", 1),
                Integer.getInteger("bench.serverEventLoops", 1));
    }

    /** Tiny counts: proves every benchmark works, measures nothing. */
    public static BenchSettings smoke() {
        return new BenchSettings(20, 1, 2, 50, 100, 8, 100, 20, 200, 1_000, 1, 20, 1, 1);
    }
}
