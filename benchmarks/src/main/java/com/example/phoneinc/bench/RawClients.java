package com.example.phoneinc.bench;

import com.example.phoneinc.api.model.Call;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;

/**
 * The raw clients a user could call instead of the connector. Each sends the same request as the
 * component ({@code GET .../calls?phone_number=%2B14155550101}, {@code X-Api-Key}, {@code Accept:
 * application/json}) and binds the body with the component's Jackson mapper ({@link
 * CallsPage#bind}).
 */
final class RawClients {

    private RawClients() {}

    static String callsUri(String baseUrl) {
        return baseUrl + "/calls?phone_number=%2B14155550101";
    }

    /** Apache HttpClient 5 classic (blocking), pooled, retries off: the floor in the baseline. */
    static Side hc5Classic(String baseUrl) {
        String uri = callsUri(baseUrl);
        CloseableHttpClient client =
                HttpClients.custom()
                        .setConnectionManager(
                                PoolingHttpClientConnectionManagerBuilder.create()
                                        .setMaxConnTotal(100)
                                        .setMaxConnPerRoute(100)
                                        .build())
                        .disableAutomaticRetries()
                        .build();
        return new Side() {
            @Override
            public String name() {
                return "raw Apache HttpClient 5 classic + Jackson";
            }

            @Override
            public boolean raw() {
                return true;
            }

            @Override
            public List<Call> call() throws Exception {
                HttpGet get = new HttpGet(uri);
                get.addHeader("X-Api-Key", CannedServer.API_KEY);
                get.addHeader("Accept", "application/json");
                byte[] body =
                        client.execute(
                                get,
                                response -> {
                                    byte[] b = EntityUtils.toByteArray(response.getEntity());
                                    if (response.getCode() != 200) {
                                        throw new IOException("HTTP " + response.getCode());
                                    }
                                    return b;
                                });
                return CallsPage.bind(body);
            }

            @Override
            public void close() {
                client.close(CloseMode.GRACEFUL);
            }
        };
    }

    /**
     * JDK {@code java.net.http.HttpClient} as a user writes it: HTTP/1.1 (the server also speaks
     * h2c; both sides use HTTP/1.1), blocking {@code send}, default executor behaviour (a cached
     * pool, passed in only so that it can be shut down between phases).
     */
    static Side jdk(String baseUrl) {
        URI uri = URI.create(callsUri(baseUrl));
        ExecutorService executor = Executors.newCachedThreadPool();
        HttpClient client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .executor(executor)
                        .build();
        return new Side() {
            @Override
            public String name() {
                return "raw JDK HttpClient + Jackson";
            }

            @Override
            public boolean raw() {
                return true;
            }

            @Override
            public List<Call> call() throws Exception {
                HttpRequest request =
                        HttpRequest.newBuilder(uri)
                                .header("X-Api-Key", CannedServer.API_KEY)
                                .header("Accept", "application/json")
                                .GET()
                                .build();
                HttpResponse<byte[]> response =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                return CallsPage.bind(response.body());
            }

            @Override
            public void close() throws Exception {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        };
    }

    /**
     * Apache HttpClient 5 async set up like the component's (HTTP/1.1, pool 100, retries off),
     * parsing on the I/O thread: the component minus Camel, for reference.
     */
    static Side hc5Async(String baseUrl) {
        return hc5Async(baseUrl, false);
    }

    /**
     * @param withTimer also arm a 30 s timeout per call on a one-thread {@link
     *     ScheduledThreadPoolExecutor} and cancel it from the I/O thread on completion, as the
     *     component's {@code AsyncHttpTransport} does: isolates what that per-call timer costs
     */
    static Side hc5Async(String baseUrl, boolean withTimer) {
        String uri = callsUri(baseUrl);
        CloseableHttpAsyncClient client =
                HttpAsyncClients.custom()
                        .setConnectionManager(
                                PoolingAsyncClientConnectionManagerBuilder.create()
                                        .setMaxConnTotal(100)
                                        .setMaxConnPerRoute(100)
                                        .build())
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .disableAutomaticRetries()
                        .build();
        client.start();
        ScheduledThreadPoolExecutor timer;
        if (withTimer) {
            // what Camel's newSingleThreadScheduledExecutor gives the component
            timer = new ScheduledThreadPoolExecutor(1);
            timer.setRemoveOnCancelPolicy(true);
        } else {
            timer = null;
        }
        return new Side() {
            @Override
            public String name() {
                return withTimer
                        ? PerformanceHarness.RAW_ASYNC_TIMER
                        : PerformanceHarness.RAW_ASYNC;
            }

            @Override
            public boolean raw() {
                return !withTimer;
            }

            @Override
            public List<Call> call() throws Exception {
                SimpleHttpRequest request =
                        SimpleRequestBuilder.get(uri)
                                .addHeader("X-Api-Key", CannedServer.API_KEY)
                                .addHeader("Accept", "application/json")
                                .build();
                CompletableFuture<List<Call>> result = new CompletableFuture<>();
                AtomicReference<ScheduledFuture<?>> timeout = new AtomicReference<>();
                client.execute(
                        SimpleRequestProducer.create(request),
                        SimpleResponseConsumer.create(),
                        new FutureCallback<SimpleHttpResponse>() {
                            @Override
                            public void completed(SimpleHttpResponse response) {
                                cancelTimeout();
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
                                cancelTimeout();
                                result.completeExceptionally(ex);
                            }

                            @Override
                            public void cancelled() {
                                cancelTimeout();
                                result.cancel(false);
                            }

                            private void cancelTimeout() {
                                ScheduledFuture<?> t = timeout.getAndSet(null);
                                if (t != null) {
                                    t.cancel(false);
                                }
                            }
                        });
                if (timer != null) {
                    ScheduledFuture<?> t =
                            timer.schedule(
                                    () -> result.completeExceptionally(new TimeoutException()),
                                    30,
                                    TimeUnit.SECONDS);
                    if (!timeout.compareAndSet(null, t) || result.isDone()) {
                        t.cancel(false);
                    }
                }
                return result.get(30, TimeUnit.SECONDS);
            }

            @Override
            public void close() {
                client.close(CloseMode.GRACEFUL);
                if (timer != null) {
                    timer.shutdownNow();
                }
            }
        };
    }
}
