package com.example.phoneinc.bench;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.errorhandling.PhoneIncErrorHandling;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;

/**
 * P3 (many exchanges in flight against a slow server) and P4 (many exchanges waiting out a 429),
 * each in a fresh CamelContext, counting the JVM's live threads every 10 ms.
 */
final class StressScenarios {

    /**
     * @param label what ran
     * @param exchanges started at once
     * @param succeeded completed with the expected {@code calls} list
     * @param failed completed with an exception (P3) or in the dead-letter endpoint (P4)
     * @param wallMillis from the first start to the last completion
     * @param medianMillis from the first start to the median completion
     * @param issueMillis how long starting all exchanges took (the caller's thread is free after)
     * @param threadsBefore live threads before the phase (server included)
     * @param serverThreads threads of the in-process Vert.x server
     * @param peakThreads peak live threads of the JVM, sampler excluded (server included)
     * @param namesAtPeak non-server threads (numbers stripped) when the peak was seen
     * @param tooManyRequests 429 answers the server sent (P4)
     * @param redeliveries redeliveries over all exchanges (P4)
     * @param maxRedeliveries most redeliveries of one exchange (P4)
     * @param firstError the first failure, if any
     */
    record Result(
            String label,
            int exchanges,
            int succeeded,
            int failed,
            double wallMillis,
            double medianMillis,
            double issueMillis,
            int threadsBefore,
            int serverThreads,
            int peakThreads,
            Map<String, Integer> namesAtPeak,
            long tooManyRequests,
            long redeliveries,
            int maxRedeliveries,
            String firstError) {

        /** Peak live threads without the in-process server: what the application would have. */
        int peakClientThreads() {
            return peakThreads - serverThreads;
        }

        /** Threads the phase added on top of what was running before. */
        int addedThreads() {
            return peakThreads - threadsBefore;
        }

        Result withRetries(int dead, long tooMany, long redelivered, int maxRedelivered) {
            return new Result(
                    label,
                    exchanges,
                    succeeded,
                    Math.max(failed, dead),
                    wallMillis,
                    medianMillis,
                    issueMillis,
                    threadsBefore,
                    serverThreads,
                    peakThreads,
                    namesAtPeak,
                    tooMany,
                    redelivered,
                    maxRedelivered,
                    firstError);
        }
    }

    static final String COLD = "phoneinc, cold pool";
    static final String WARM = "phoneinc, warm pool";
    static final String RAW = "raw HttpClient 5 async, cold pool";

    private StressScenarios() {}

    /**
     * P3: {@code exchanges} in flight against a server answering after {@code delayMillis}, twice
     * on the same CamelContext: first with a cold connection pool (each exchange opens its
     * connection), then at once again with the pool warm. Then, for reference, the same burst with
     * a raw HttpClient 5 async client set up alike.
     *
     * @return cold burst, warm burst, raw client burst
     */
    static List<Result> manyInFlight(
            CannedServer server, int exchanges, long delayMillis, int maxConnections)
            throws Exception {
        List<Result> results = new ArrayList<>();
        long timeout = delayMillis + 60_000;
        settle();
        int before = JvmProbes.liveThreads();
        int serverThreads = JvmProbes.serverThreads();
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(5);
        PhoneIncComponent component = new PhoneIncComponent();
        component.getConfiguration().setApiKey(CannedServer.API_KEY);
        component.getConfiguration().setBaseUrl(server.delayedBaseUrl(delayMillis));
        component.getConfiguration().setMaxConnections(maxConnections);
        context.addComponent("phoneinc", component);
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        // the async mode: 1,000 in flight need no thread each
                        from("direct:p3").to(CamelSides.PHONEINC_ASYNC_URI);
                    }
                });
        try {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            template.setThreadedAsyncMode(false);
            warmUp(template, server);
            Endpoint direct = context.getEndpoint("direct:p3");
            Supplier<CompletableFuture<Boolean>> start =
                    () ->
                            template.asyncSend(direct, direct.createExchange(ExchangePattern.InOut))
                                    .thenApply(e -> !CamelSides.calls(e).isEmpty());
            results.add(burst(COLD, start, exchanges, before, serverThreads, timeout));
            results.add(burst(WARM, start, exchanges, before, serverThreads, timeout));
        } finally {
            context.stop();
        }
        results.add(rawInFlight(server, exchanges, delayMillis, maxConnections));
        return results;
    }

    /** The P3 burst with a raw HttpClient 5 async client (pool {@code maxConnections}), cold. */
    private static Result rawInFlight(
            CannedServer server, int exchanges, long delayMillis, int maxConnections)
            throws Exception {
        settle();
        int before = JvmProbes.liveThreads();
        int serverThreads = JvmProbes.serverThreads();
        CloseableHttpAsyncClient client =
                HttpAsyncClients.custom()
                        .setConnectionManager(
                                PoolingAsyncClientConnectionManagerBuilder.create()
                                        .setMaxConnTotal(maxConnections)
                                        .setMaxConnPerRoute(maxConnections)
                                        .build())
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .disableAutomaticRetries()
                        .build();
        client.start();
        try {
            rawCall(client, RawClients.callsUri(server.baseUrl())).get(30, TimeUnit.SECONDS);
            String slow = RawClients.callsUri(server.delayedBaseUrl(delayMillis));
            return burst(
                    RAW,
                    () -> rawCall(client, slow).thenApply(calls -> !calls.isEmpty()),
                    exchanges,
                    before,
                    serverThreads,
                    delayMillis + 60_000);
        } finally {
            client.close(CloseMode.GRACEFUL);
        }
    }

    private static CompletableFuture<List<Call>> rawCall(
            CloseableHttpAsyncClient client, String uri) {
        CompletableFuture<List<Call>> result = new CompletableFuture<>();
        client.execute(
                SimpleRequestProducer.create(
                        SimpleRequestBuilder.get(uri)
                                .addHeader("X-Api-Key", CannedServer.API_KEY)
                                .addHeader("Accept", "application/json")
                                .build()),
                SimpleResponseConsumer.create(),
                new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        try {
                            if (response.getCode() != 200) {
                                throw new IOException("HTTP " + response.getCode());
                            }
                            result.complete(CallsPage.bind(response.getBodyBytes()));
                        } catch (Exception | Error e) {
                            result.completeExceptionally(e);
                        }
                    }

                    @Override
                    public void failed(Exception ex) {
                        result.completeExceptionally(ex);
                    }

                    @Override
                    public void cancelled() {
                        result.cancel(false);
                    }
                });
        return result;
    }

    /**
     * P4: {@code exchanges} started at once while the server answers 429 with {@code Retry-After:
     * seconds} (for {@code seconds} from the first request), through the shipped {@link
     * PhoneIncErrorHandling} with {@code mock:dead} as dead-letter endpoint; the component keeps
     * its defaults (maxConnections 100).
     */
    static Result waitOutRateLimit(CannedServer server, int exchanges, int retryAfterSeconds)
            throws Exception {
        settle();
        int before = JvmProbes.liveThreads();
        int serverThreads = JvmProbes.serverThreads();
        String run = "p4-" + System.nanoTime();
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(5);
        PhoneIncComponent component = new PhoneIncComponent();
        component.getConfiguration().setApiKey(CannedServer.API_KEY);
        component.getConfiguration().setBaseUrl(server.rateLimitedBaseUrl(run, retryAfterSeconds));
        context.addComponent("phoneinc", component);
        context.addRoutes(PhoneIncErrorHandling.routeConfiguration("mock:dead"));
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:p4")
                                .routeConfigurationId(PhoneIncErrorHandling.ID)
                                .to(CamelSides.PHONEINC_ASYNC_URI);
                    }
                });
        try {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            template.setThreadedAsyncMode(false);
            warmUp(template, server);
            long served429Before = server.tooManyRequests();
            AtomicLong redeliveries = new AtomicLong();
            AtomicInteger maxRedeliveries = new AtomicInteger();
            Endpoint direct = context.getEndpoint("direct:p4");
            Supplier<CompletableFuture<Boolean>> start =
                    () ->
                            template.asyncSend(direct, direct.createExchange(ExchangePattern.InOut))
                                    .thenApply(
                                            exchange -> {
                                                int n =
                                                        exchange.getMessage()
                                                                .getHeader(
                                                                        Exchange.REDELIVERY_COUNTER,
                                                                        0,
                                                                        Integer.class);
                                                redeliveries.addAndGet(n);
                                                maxRedeliveries.accumulateAndGet(n, Math::max);
                                                return !CamelSides.calls(exchange).isEmpty();
                                            });
            Result r =
                    burst(
                            "phoneinc + PhoneIncErrorHandling",
                            start,
                            exchanges,
                            before,
                            serverThreads,
                            retryAfterSeconds * 10_000L + 60_000);
            int dead = context.getEndpoint("mock:dead", MockEndpoint.class).getReceivedCounter();
            return r.withRetries(
                    dead,
                    server.tooManyRequests() - served429Before,
                    redeliveries.get(),
                    maxRedeliveries.get());
        } finally {
            context.stop();
        }
    }

    /**
     * Starts {@code exchanges} at once from this thread and waits for all, sampling live threads. A
     * dead-lettered exchange completes without exception but without a body, so it counts as failed
     * ({@link CamelSides#calls} returns null and the check throws or returns false).
     */
    private static Result burst(
            String label,
            Supplier<CompletableFuture<Boolean>> start,
            int exchanges,
            int before,
            int serverThreads,
            long timeoutMillis)
            throws Exception {
        CountDownLatch done = new CountDownLatch(exchanges);
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] completedAt = new long[exchanges];
        AtomicInteger completions = new AtomicInteger();
        try (JvmProbes.PeakThreads peak = new JvmProbes.PeakThreads(10)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < exchanges; i++) {
                CompletableFuture<Boolean> f;
                try {
                    f = start.get();
                } catch (RuntimeException e) {
                    f = CompletableFuture.failedFuture(e);
                }
                f.whenComplete(
                        (ok, error) -> {
                            if (error == null && Boolean.TRUE.equals(ok)) {
                                succeeded.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                firstError.compareAndSet(
                                        null, error == null ? "unexpected body" : error.toString());
                            }
                            completedAt[completions.getAndIncrement()] = System.nanoTime() - t0;
                            done.countDown();
                        });
            }
            double issueMillis = (System.nanoTime() - t0) / 1e6;
            if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                firstError.compareAndSet(null, done.getCount() + " exchanges never completed");
            }
            int n = completions.get();
            long[] times = Arrays.copyOf(completedAt, n);
            Arrays.sort(times);
            return new Result(
                    label,
                    exchanges,
                    succeeded.get(),
                    failed.get() + (int) done.getCount(),
                    n == 0 ? 0 : times[n - 1] / 1e6,
                    n == 0 ? 0 : times[n / 2] / 1e6,
                    issueMillis,
                    before,
                    serverThreads,
                    peak.peak() - 1, // the sampler itself
                    peak.namesAtPeak(),
                    0,
                    0,
                    0,
                    firstError.get());
        }
    }

    /**
     * One call to the fast path first, as a running application would have made: it creates the
     * component's HTTP client and shows the guard that the key works (a key not yet seen to work is
     * tried by one call at a time).
     */
    @SuppressWarnings("unchecked")
    private static void warmUp(ProducerTemplate template, CannedServer server) {
        List<Call> calls =
                template.requestBody(
                        CamelSides.PHONEINC_ASYNC_URI + "&baseUrl=" + server.baseUrl(),
                        null,
                        List.class);
        if (calls == null || calls.isEmpty()) {
            throw new IllegalStateException("warm-up call returned no calls");
        }
    }

    /** Lets threads of earlier phases end before counting. */
    static void settle() throws InterruptedException {
        System.gc();
        TimeUnit.MILLISECONDS.sleep(300);
    }
}
