package com.example.phoneinc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Live threads and allocated bytes, from {@code com.sun.management.ThreadMXBean}. */
final class JvmProbes {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private JvmProbes() {}

    /** Threads of the in-process Vert.x server: not part of what the client side costs. */
    static boolean serverThread(String name) {
        return name.startsWith("vert.x-") || name.startsWith("vertx-");
    }

    static int liveThreads() {
        return THREADS.getThreadCount();
    }

    /** Live threads by name with numbers stripped ({@code pool-#-thread-#}), server excluded. */
    static Map<String, Integer> threadNames() {
        Map<String, Integer> names = new TreeMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && !serverThread(info.getThreadName())) {
                names.merge(info.getThreadName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
            }
        }
        return names;
    }

    static int serverThreads() {
        int n = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && serverThread(info.getThreadName())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Bytes allocated so far by every live thread except the server's, per thread id. The
     * difference of two snapshots is what the client side allocated in between (threads that died
     * in between are lost; none do in a steady-state pass).
     */
    static Map<Long, Long> allocatedBytes() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> result = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] >= 0 && !serverThread(infos[i].getThreadName())) {
                result.put(ids[i], bytes[i]);
            }
        }
        return result;
    }

    static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> e : allocatedBytes().entrySet()) {
            total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return total;
    }

    /** Samples the live thread count every {@code periodMillis} and keeps the peak. */
    static final class PeakThreads implements AutoCloseable {
        private final AtomicInteger peak = new AtomicInteger();
        private final Thread sampler;
        private volatile boolean running = true;
        private volatile Map<String, Integer> namesAtPeak = Map.of();

        PeakThreads(long periodMillis) {
            sampler =
                    new Thread(
                            () -> {
                                while (running) {
                                    int now = liveThreads();
                                    if (now > peak.get()) {
                                        peak.set(now);
                                        namesAtPeak = threadNames();
                                    }
                                    try {
                                        Thread.sleep(periodMillis);
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            },
                            "bench-thread-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** Peak live threads of the whole JVM, this sampler included. */
        int peak() {
            return peak.get();
        }

        /** Thread names (server excluded) when the peak was first seen. */
        Map<String, Integer> namesAtPeak() {
            return namesAtPeak;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.interrupt();
            sampler.join();
        }
    }
}
