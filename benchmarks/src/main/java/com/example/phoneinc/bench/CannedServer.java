package com.example.phoneinc.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fast in-process Phone.inc stand-in on 127.0.0.1 (Vert.x, one event loop by default): every
 * client of the benchmark sends the same {@code GET .../calls?phone_number=%2B14155550101} with
 * {@code X-Api-Key} and gets the same canned {@code {"calls":[...]}} (~2 KB). Paths:
 *
 * <ul>
 *   <li>{@code /api/v1/calls}: answers at once;
 *   <li>{@code /delay/{ms}/api/v1/calls}: answers after {@code ms} (a Vert.x timer, no thread);
 *   <li>{@code /ratelimit/{run}/{seconds}/api/v1/calls}: Phone.inc's IP block: from the first
 *       request of {@code run} on, every request gets {@code 429} with {@code Retry-After: seconds}
 *       for {@code seconds}; after that, 200.
 * </ul>
 *
 * A wrong key answers 401, a wrong or missing {@code phone_number} 400 (counted), so every side is
 * checked to send the same request.
 */
final class CannedServer implements AutoCloseable {

    static final String API_KEY = "phk_bench_0123456789abcdef";
    static final String PHONE = "+14155550101";
    static final String CALLS_PATH = "/api/v1/calls";

    private final Vertx vertx;
    private final HttpServer server;
    private final Buffer calls;
    private final Map<String, Long> blockStarted = new ConcurrentHashMap<>();
    private final AtomicLong badRequests = new AtomicLong();
    private final AtomicLong tooManyRequests = new AtomicLong();

    private CannedServer(int eventLoops) {
        this.calls = Buffer.buffer(resource("/bench/calls.json"));
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        this.server =
                vertx.createHttpServer(
                                new HttpServerOptions()
                                        .setHost("127.0.0.1")
                                        .setPort(0)
                                        .setAcceptBacklog(4096)
                                        .setIdleTimeout(0))
                        .requestHandler(this::handle);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot start the Vert.x server", e);
        }
    }

    static CannedServer start(int eventLoops) {
        return new CannedServer(eventLoops);
    }

    int port() {
        return server.actualPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api/v1";
    }

    String delayedBaseUrl(long millis) {
        return "http://127.0.0.1:" + port() + "/delay/" + millis + "/api/v1";
    }

    String rateLimitedBaseUrl(String run, int retryAfterSeconds) {
        return "http://127.0.0.1:"
                + port()
                + "/ratelimit/"
                + run
                + "/"
                + retryAfterSeconds
                + "/api/v1";
    }

    /** Size of the canned body. */
    int bodyBytes() {
        return calls.length();
    }

    /** Requests rejected for a wrong or missing phone_number (must stay 0). */
    long badRequests() {
        return badRequests.get();
    }

    long tooManyRequests() {
        return tooManyRequests.get();
    }

    private void handle(HttpServerRequest req) {
        if (!API_KEY.equals(req.getHeader("X-Api-Key"))) {
            error(req, 401, "{\"error\":\"invalid_api_key\"}");
            return;
        }
        String path = req.path();
        if (!path.endsWith(CALLS_PATH) || !PHONE.equals(req.getParam("phone_number"))) {
            badRequests.incrementAndGet();
            error(req, 400, "{\"error\":\"bad_request\"}");
            return;
        }
        if (path.equals(CALLS_PATH)) {
            ok(req);
        } else if (path.startsWith("/delay/")) {
            long ms = Long.parseLong(segment(path, 1));
            vertx.setTimer(ms, id -> ok(req));
        } else if (path.startsWith("/ratelimit/")) {
            String run = segment(path, 1);
            int seconds = Integer.parseInt(segment(path, 2));
            long now = System.nanoTime();
            long started = blockStarted.computeIfAbsent(run, r -> now);
            if (now - started < TimeUnit.SECONDS.toNanos(seconds)) {
                tooManyRequests.incrementAndGet();
                req.response().putHeader("Retry-After", Integer.toString(seconds));
                error(req, 429, "{\"error\":\"too_many_requests\"}");
            } else {
                ok(req);
            }
        } else {
            badRequests.incrementAndGet();
            error(req, 404, "{\"error\":\"not_found\"}");
        }
    }

    private void ok(HttpServerRequest req) {
        req.response().putHeader("Content-Type", "application/json").end(calls);
    }

    private static void error(HttpServerRequest req, int status, String json) {
        req.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(json);
    }

    /** The n-th path segment, 0 being the first after the leading slash. */
    private static String segment(String path, int n) {
        return path.substring(1).split("/")[n];
    }

    private static byte[] resource(String name) {
        try (InputStream in = CannedServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
