package com.example.phoneinc.simulator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers webhook events asynchronously with the Vert.x HTTP client. Deliveries to one
 * subscription are sequential (in emission order); each attempt is recorded. Targets that are not
 * on the loopback interface are skipped unless allowed (the simulator is offline by design).
 */
final class WebhookDispatcher {

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());

    private final Clock clock;
    private final boolean allowNonLoopback;
    private final long timeoutMillis;
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private Context context;
    private HttpClient client;

    /** Tail of the delivery chain per subscription id; only touched on {@link #context}. */
    private final Map<String, Future<Void>> tails = new HashMap<>();

    /** Number of deliveries enqueued but not finished. */
    private int inFlight;

    /** Bumped by {@link #clear()}: results of deliveries started before are dropped. */
    private int generation;

    WebhookDispatcher(Clock clock, boolean allowNonLoopback, long timeoutMillis) {
        this.clock = clock;
        this.allowNonLoopback = allowNonLoopback;
        this.timeoutMillis = timeoutMillis;
    }

    void start(Vertx vertx) {
        this.context = vertx.getOrCreateContext();
        this.client =
                vertx.createHttpClient(
                        new HttpClientOptions()
                                .setTrustAll(true)
                                .setVerifyHost(false)
                                .setKeepAlive(true)
                                .setConnectTimeout((int) Math.min(timeoutMillis, 5_000)));
    }

    void stop() {
        if (client != null) {
            client.close();
        }
    }

    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    void enqueue(String webhookId, String url, String event, byte[] body) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!allowNonLoopback && !isLoopbackHost(uri.getHost())) {
            LOG.log(System.Logger.Level.DEBUG, "skipping webhook to non-loopback {0}", url);
            return;
        }
        int gen;
        synchronized (this) {
            inFlight++;
            gen = generation;
        }
        Context ctx = context;
        if (ctx == null) {
            done(
                    new WebhookDelivery(webhookId, url, event, utf8(body), 0, "not started", now()),
                    gen);
            return;
        }
        ctx.runOnContext(
                v -> {
                    Future<Void> prev = tails.getOrDefault(webhookId, Future.succeededFuture());
                    Future<Void> next =
                            prev.transform(ar -> send(webhookId, uri, url, event, body, gen));
                    tails.put(webhookId, next);
                    next.onComplete(
                            ar -> {
                                if (tails.get(webhookId) == next) {
                                    tails.remove(webhookId);
                                }
                            });
                });
    }

    private Future<Void> send(
            String webhookId, URI uri, String url, String event, byte[] body, int gen) {
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        String path =
                uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String host = uri.getHost();
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        RequestOptions options =
                new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setHost(host)
                        .setPort(port)
                        .setURI(path)
                        .setSsl(ssl)
                        .setTimeout(timeoutMillis)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("User-Agent", "PhoneIncSimulator/0.1");
        String text = utf8(body);
        return client.request(options)
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .transform(
                        ar -> {
                            WebhookDelivery d =
                                    ar.succeeded()
                                            ? new WebhookDelivery(
                                                    webhookId,
                                                    url,
                                                    event,
                                                    text,
                                                    ar.result(),
                                                    null,
                                                    now())
                                            : new WebhookDelivery(
                                                    webhookId,
                                                    url,
                                                    event,
                                                    text,
                                                    0,
                                                    String.valueOf(ar.cause()),
                                                    now());
                            done(d, gen);
                            return Future.succeededFuture();
                        });
    }

    private java.time.Instant now() {
        return clock.instant();
    }

    private static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private synchronized void done(WebhookDelivery d, int gen) {
        if (gen == generation) {
            deliveries.add(d);
        }
        inFlight--;
        notifyAll();
    }

    synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void clear() {
        deliveries.clear();
        generation++;
    }

    /** Waits until at least {@code count} deliveries are recorded; returns them (maybe fewer). */
    synchronized List<WebhookDelivery> await(
            java.util.function.Predicate<WebhookDelivery> filter, int count, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            List<WebhookDelivery> matching = new ArrayList<>();
            for (WebhookDelivery d : deliveries) {
                if (filter.test(d)) {
                    matching.add(d);
                }
            }
            long left = deadline - System.nanoTime();
            if (matching.size() >= count || left <= 0) {
                return matching;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
    }

    /** Number of deliveries not finished yet. */
    synchronized int pending() {
        return inFlight;
    }
}
