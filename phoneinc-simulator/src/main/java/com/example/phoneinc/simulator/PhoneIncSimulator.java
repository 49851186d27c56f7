package com.example.phoneinc.simulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * An offline, stateful fake of the documented Phone.inc API (REST {@code /api/v1}, OAuth 2.0 with
 * PKCE, webhooks), running on Vert.x on the loopback interface.
 *
 * <pre>{@code
 * try (PhoneIncSimulator sim = PhoneIncSimulator.builder().build().start()) {
 *     String baseUrl = sim.baseUrl();   // http://127.0.0.1:PORT/api/v1
 *     String key = sim.apiKey();        // company A
 * }
 * }</pre>
 */
public final class PhoneIncSimulator implements AutoCloseable {

    /** Demo API key of company A (the main data set of the docs' examples). */
    public static final String DEFAULT_API_KEY = "phk_SimA1demoKeyXyZ7q9RtW3mN5pK8";

    /** Demo API key of company B (a small separate data set). */
    public static final String DEFAULT_OTHER_COMPANY_API_KEY = "phk_SimB2demoKeyHg4Jk6Lm8Np2Qr5S";

    /** Default OAuth client id of the one registered (public) client. */
    public static final String DEFAULT_CLIENT_ID = "sim-client";

    private static final System.Logger LOG = System.getLogger(PhoneIncSimulator.class.getName());

    private final Builder config;
    private final Clock clock;
    private final SimState state;
    private final OAuthServer oauth;
    private final KeyAttemptLimiter limiter;
    private final WebhookDispatcher dispatcher;
    private final Faults faults = new Faults();
    private final Map<String, LongAdder> hits = new ConcurrentHashMap<>();
    private final LongAdder totalHits = new LongAdder();
    private final Map<String, LongAdder> answered = new ConcurrentHashMap<>();
    private final ArrayDeque<RecordedRequest> recorded = new ArrayDeque<>();
    private final Guard guard;
    private final ApiRoutes api;

    private Vertx vertx;
    private boolean ownVertx;
    private final List<String> deployments = new ArrayList<>();
    private volatile int port = -1;
    private volatile boolean closed;

    private PhoneIncSimulator(Builder b) {
        this.config = b;
        this.clock = b.clock;
        this.dispatcher =
                new WebhookDispatcher(
                        clock, b.deliverWebhooksToNonLoopback, b.webhookTimeout.toMillis());
        this.state = new SimState(b.apiKey, b.otherCompanyApiKey, clock, dispatcher);
        this.oauth =
                new OAuthServer(
                        b.clientId,
                        Set.copyOf(b.redirectUris),
                        b.accessTokenLifetime,
                        b.refreshTokenLifetime,
                        b.authorizationCodeLifetime,
                        clock,
                        state.companyA);
        this.limiter =
                new KeyAttemptLimiter(
                        b.invalidKeyLimit,
                        b.invalidKeyWindow.toMillis(),
                        b.blockDuration.toMillis());
        this.guard = new Guard(state, oauth, limiter, clock, b.trustForwardedFor);
        this.api = new ApiRoutes(state, b.allowHttpLoopbackWebhooks, b.listPageSize);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------ lifecycle

    /**
     * Starts listening and blocks until the server is bound. Do not call from a Vert.x event-loop
     * thread. Returns {@code this}.
     */
    public synchronized PhoneIncSimulator start() {
        if (port != -1) {
            return this;
        }
        if (closed) {
            throw new IllegalStateException("closed");
        }
        int instances = config.eventLoops;
        if (config.vertx != null) {
            vertx = config.vertx;
        } else {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(instances + 1));
            ownVertx = true;
        }
        try {
            dispatcher.start(vertx);
            // all instances share one listening socket; a negative port asks Vert.x for a
            // random port shared by the servers that use the same negative value
            int listenPort = config.port == 0 ? -1 : config.port;
            int[] bound = new int[1];
            deployments.add(
                    await(
                            vertx.deployVerticle(
                                    () -> new ServerVerticle(listenPort, bound),
                                    new DeploymentOptions().setInstances(instances))));
            synchronized (bound) {
                port = bound[0];
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.log(System.Logger.Level.DEBUG, "Phone.inc simulator listening on {0}", rootUrl());
        return this;
    }

    private static <T> T await(io.vertx.core.Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("Phone.inc simulator failed to start: " + e, e);
        }
    }

    /** Stops the server (and the Vert.x instance when the simulator created it). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (vertx == null) {
            return;
        }
        dispatcher.stop();
        try {
            if (ownVertx) {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } else {
                for (String id : deployments) {
                    vertx.undeploy(id)
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "error while stopping the simulator", e);
        }
    }

    // ------------------------------------------------------------------------------ addresses

    /** The bound port; -1 before {@link #start()}. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}, where {@code /oauth/*} and {@code /_sim/*} live. */
    public String rootUrl() {
        String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
        return "http://" + host + ":" + port;
    }

    /** {@code http://127.0.0.1:PORT/api/v1}, the REST base URL. */
    public String baseUrl() {
        return rootUrl() + ApiRoutes.PREFIX;
    }

    /** Demo API key of company A. */
    public String apiKey() {
        return config.apiKey;
    }

    /** Demo API key of company B. */
    public String otherCompanyApiKey() {
        return config.otherCompanyApiKey;
    }

    /** Client id of the registered OAuth client. */
    public String clientId() {
        return config.clientId;
    }

    /** The Vert.x instance the simulator runs on (null before start). */
    public Vertx vertx() {
        return vertx;
    }

    // ------------------------------------------------------------------------------ state

    /**
     * Reseeds the data, clears faults, hit counters, recorded requests and webhook deliveries,
     * blocks and OAuth state.
     */
    public void reset() {
        state.reseed();
        faults.clear();
        clearHits();
        limiter.clear();
        oauth.reset();
        dispatcher.clear();
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    // ------------------------------------------------------------------------------ hits

    /**
     * Requests received for {@code method} and {@code path} (no query string), e.g. {@code
     * hits("GET", "/api/v1/calls")}.
     */
    public long hits(String method, String path) {
        LongAdder a = hits.get(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
        return a == null ? 0 : a.sum();
    }

    /**
     * Requests for {@code method} and {@code path} whose answer has been sent. Unlike {@link
     * #hits(String, String)}, which counts a request when it arrives, this says the simulator has
     * read its state for it: a voicemail made afterwards cannot be in that answer (a test waits for
     * a polling consumer's {@code startFrom=now} baseline this way).
     */
    public long answered(String method, String path) {
        LongAdder a = answered.get(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
        return a == null ? 0 : a.sum();
    }

    /** All requests received (outside {@code /_sim}). */
    public long totalHits() {
        return totalHits.sum();
    }

    /** Snapshot of the counters, keyed {@code "METHOD /path"}. */
    public Map<String, Long> hits() {
        Map<String, Long> out = new TreeMap<>();
        hits.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Resets the hit counters and forgets recorded requests. */
    public void clearHits() {
        hits.clear();
        answered.clear();
        totalHits.reset();
        synchronized (recorded) {
            recorded.clear();
        }
    }

    /**
     * The most recent recorded requests (oldest first), at most {@link
     * Builder#recordedRequestLimit(int)}.
     */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** The last recorded request. */
    public Optional<RecordedRequest> lastRequest() {
        synchronized (recorded) {
            return Optional.ofNullable(recorded.peekLast());
        }
    }

    /** The last recorded request with this method and path (no query string). */
    public Optional<RecordedRequest> lastRequest(String method, String path) {
        synchronized (recorded) {
            var it = recorded.descendingIterator();
            while (it.hasNext()) {
                RecordedRequest r = it.next();
                if (r.method().equalsIgnoreCase(method) && r.path().equals(path)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------------------ OAuth

    /** Issues a token pair for company A's test user without the browser flow. */
    public TokenSet issueTokens() {
        return oauth.toTokenSet(oauth.issueDirect(state.companyA));
    }

    /** Issues a token pair acting in company B. */
    public TokenSet issueTokensForOtherCompany() {
        return oauth.toTokenSet(oauth.issueDirect(state.companyB));
    }

    /** Makes this access token expire now (the API then answers 401 "The access token expired"). */
    public void expireAccessToken(String accessToken) {
        oauth.expire(Objects.requireNonNull(accessToken));
    }

    /** Makes every issued access token expire now. */
    public void expireAllAccessTokens() {
        oauth.expire(null);
    }

    /**
     * Revokes an access or refresh token (and the other token of its pair), like an admin would.
     */
    public void revokeToken(String token) {
        oauth.revoke(token);
    }

    /** When true, {@code /oauth/authorize} redirects with {@code error=access_denied}. */
    public void denyAuthorizations(boolean deny) {
        oauth.denyAuthorizations = deny;
    }

    // ------------------------------------------------------------------------------ activity

    /** Simulates an inbound call, updating state and emitting the webhook events of its outcome. */
    public SimulatedCall simulateIncomingCall(IncomingCall call) {
        return state.simulateIncomingCall(call);
    }

    /** Ends a ringing or answered call now (state {@code ended}, {@code call.ended} emitted). */
    public void endCall(String callId) {
        state.endCall(callId);
    }

    /** Simulates an answered inbound call from {@code from} to company A's "Sales" number. */
    public SimulatedCall simulateIncomingCall(String from, CallOutcome outcome) {
        return state.simulateIncomingCall(IncomingCall.from(from).outcome(outcome));
    }

    /**
     * Stores a new voicemail for company A ("Sales") and emits {@code voicemail.new}; returns its
     * id.
     */
    public String simulateVoicemail(String from, String transcription) {
        return state.simulateVoicemail(from, null, transcription, false);
    }

    /** Stores a new voicemail and emits {@code voicemail.new}; returns its id. */
    public String simulateVoicemail(
            String from, String mainNumberId, String transcription, boolean otherCompany) {
        return state.simulateVoicemail(from, mainNumberId, transcription, otherCompany);
    }

    // ------------------------------------------------------------------------------ webhooks

    /** Webhook delivery attempts recorded so far (in completion order). */
    public List<WebhookDelivery> webhookDeliveries() {
        return dispatcher.deliveries();
    }

    /**
     * Waits until at least {@code count} deliveries are recorded or {@code timeout} passes; returns
     * what was recorded (check the size).
     */
    public List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout) {
        return awaitWebhookDeliveries(d -> true, count, timeout);
    }

    /** Like {@link #awaitWebhookDeliveries(int, Duration)}, counting only matching deliveries. */
    public List<WebhookDelivery> awaitWebhookDeliveries(
            Predicate<WebhookDelivery> filter, int count, Duration timeout) {
        try {
            return dispatcher.await(filter, count, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return dispatcher.deliveries();
        }
    }

    /** Deliveries enqueued but not yet finished. */
    public int pendingWebhookDeliveries() {
        return dispatcher.pending();
    }

    // ------------------------------------------------------------------------------ server

    private final class ServerVerticle extends AbstractVerticle {
        private final int listenPort;
        private final int[] bound;

        ServerVerticle(int listenPort, int[] bound) {
            this.listenPort = listenPort;
            this.bound = bound;
        }

        @Override
        public void start(Promise<Void> startPromise) {
            Router router = router(vertx);
            vertx.createHttpServer(
                            new HttpServerOptions()
                                    .setHost(config.host)
                                    .setPort(listenPort)
                                    .setTcpNoDelay(true)
                                    .setHandle100ContinueAutomatically(true))
                    .requestHandler(router)
                    .listen()
                    .onSuccess(
                            s -> {
                                synchronized (bound) {
                                    bound[0] = s.actualPort();
                                }
                                startPromise.complete();
                            })
                    .onFailure(startPromise::fail);
        }
    }

    private Router router(Vertx vx) {
        Router r = Router.router(vx);
        r.route().handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes));
        r.route().handler(this::front);
        new ControlRoutes(this, state, oauth, faults, dispatcher).register(r);
        r.get("/oauth/authorize").handler(oauth::authorize);
        r.post("/oauth/token").handler(oauth::token);
        r.post("/oauth/revoke").handler(oauth::revoke);
        r.route(ApiRoutes.PREFIX).handler(guard::handle);
        r.route(ApiRoutes.PREFIX + "/*").handler(guard::handle);
        api.register(r);
        r.route().handler(ctx -> Http.error(ctx, 404, "Not found"));
        r.route()
                .failureHandler(
                        ctx -> {
                            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
                            if (ctx.failure() != null && status == 500) {
                                LOG.log(
                                        System.Logger.Level.WARNING,
                                        "simulator request failed",
                                        ctx.failure());
                            }
                            if (!ctx.response().ended() && !ctx.response().closed()) {
                                Http.error(
                                        ctx,
                                        status,
                                        status == 413
                                                ? "Request body too large"
                                                : status == 500
                                                        ? "Internal server error"
                                                        : "Bad request");
                            }
                        });
        return r;
    }

    /** Counts, records and applies faults to every request outside {@code /_sim}. */
    private void front(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String path = req.path();
        if (path.startsWith("/_sim")) {
            ctx.next();
            return;
        }
        String method = req.method().name();
        totalHits.increment();
        String key = method + " " + path;
        LongAdder counter = hits.get(key);
        if (counter == null) {
            counter = hits.computeIfAbsent(key, k -> new LongAdder());
        }
        counter.increment();
        ctx.addEndHandler(done -> answered.computeIfAbsent(key, k -> new LongAdder()).increment());
        if (config.recordedRequestLimit > 0) {
            record(ctx, method, path);
        }
        Faults.Spec fault = faults.poll(method, path);
        if (fault == null) {
            ctx.next();
            return;
        }
        applyFault(ctx, fault);
    }

    private void record(RoutingContext ctx, String method, String path) {
        HttpServerRequest req = ctx.request();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> h : req.headers()) {
            headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>(1)).add(h.getValue());
        }
        String body =
                ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        RecordedRequest rr =
                new RecordedRequest(
                        method,
                        path,
                        req.query(),
                        headers,
                        body == null ? "" : body,
                        req.remoteAddress() == null ? null : req.remoteAddress().host(),
                        clock.instant());
        synchronized (recorded) {
            recorded.addLast(rr);
            while (recorded.size() > config.recordedRequestLimit) {
                recorded.pollFirst();
            }
        }
    }

    private void applyFault(RoutingContext ctx, Faults.Spec f) {
        HttpServerResponse resp = ctx.response();
        switch (f.kind) {
            case STATUS:
                resp.setStatusCode(f.status);
                f.headers.forEach(resp::putHeader);
                if (f.contentType != null) {
                    resp.putHeader(Http.CONTENT_TYPE, f.contentType);
                }
                if (f.body != null) {
                    resp.end(f.body);
                } else {
                    resp.end();
                }
                break;
            case DELAY:
                vertx.setTimer(Math.max(1, f.delayMillis), id -> ctx.next());
                break;
            case CLOSE:
                ctx.request().connection().close();
                break;
            case RESET:
                {
                    Channel ch = channel(ctx);
                    if (ch != null) {
                        ch.config().setOption(ChannelOption.SO_LINGER, 0);
                        ch.close();
                    } else {
                        ctx.request().connection().close();
                    }
                    break;
                }
            case GARBAGE:
                {
                    Channel ch = channel(ctx);
                    if (ch != null) {
                        byte[] garbage = Faults.GARBAGE.getBytes(StandardCharsets.ISO_8859_1);
                        // write from the head of the pipeline: bypasses the HTTP encoder
                        ch.pipeline()
                                .firstContext()
                                .writeAndFlush(Unpooled.wrappedBuffer(garbage))
                                .addListener(x -> ch.close());
                    } else {
                        ctx.request().connection().close();
                    }
                    break;
                }
            default:
                throw new IllegalStateException();
        }
    }

    private static Channel channel(RoutingContext ctx) {
        Object conn = ctx.request().connection();
        return conn instanceof ConnectionBase ? ((ConnectionBase) conn).channel() : null;
    }

    // ------------------------------------------------------------------------------ builder

    /** Configuration; every setting has a default suitable for tests. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private int invalidKeyLimit = 10;
        private Duration invalidKeyWindow = Duration.ofSeconds(60);
        private Duration blockDuration = Duration.ofSeconds(60);
        private Duration accessTokenLifetime = Duration.ofHours(1);
        private Duration refreshTokenLifetime = Duration.ofDays(30);
        private Duration authorizationCodeLifetime = Duration.ofMinutes(10);
        private String apiKey = DEFAULT_API_KEY;
        private String otherCompanyApiKey = DEFAULT_OTHER_COMPANY_API_KEY;
        private String clientId = DEFAULT_CLIENT_ID;
        private final Set<String> redirectUris = new LinkedHashSet<>();
        private Clock clock = Clock.systemUTC();
        private Vertx vertx;
        private int eventLoops =
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private int recordedRequestLimit = 1000;
        private int maxBodyBytes = 1024 * 1024;
        private boolean allowHttpLoopbackWebhooks = true;
        private boolean deliverWebhooksToNonLoopback;
        private Duration webhookTimeout = Duration.ofSeconds(5);
        private boolean trustForwardedFor;
        private int listPageSize;

        private Builder() {}

        /**
         * Answer the calls and voicemails lists in pages of this size ({@code ?page=N}, {@code
         * "next_page"} while more follow); 0 (default) answers everything at once, as Phone.inc
         * documents.
         */
        public Builder listPageSize(int listPageSize) {
            this.listPageSize = Math.max(0, listPageSize);
            return this;
        }

        /** Interface to bind, default {@code 127.0.0.1}. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Port, default 0 = a random free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Invalid-key attempts that trigger the block (default 10, as documented). */
        public Builder invalidKeyLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1");
            }
            this.invalidKeyLimit = limit;
            return this;
        }

        /** Window in which invalid-key attempts are counted (default 60 s). */
        public Builder invalidKeyWindow(Duration window) {
            this.invalidKeyWindow = Objects.requireNonNull(window);
            return this;
        }

        /** How long a blocked address gets 429 (default 60 s). */
        public Builder blockDuration(Duration duration) {
            this.blockDuration = Objects.requireNonNull(duration);
            return this;
        }

        /** OAuth access-token lifetime (default 1 h, as documented). */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        /** OAuth refresh-token lifetime, counted from consent (default 30 days). */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        /** Lifetime of authorization codes (default 10 min, Doorkeeper's default). */
        public Builder authorizationCodeLifetime(Duration lifetime) {
            this.authorizationCodeLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        /** Company A's API key (must start with {@code phk_}). */
        public Builder apiKey(String apiKey) {
            this.apiKey = requirePhk(apiKey);
            return this;
        }

        /** Company B's API key (must start with {@code phk_}). */
        public Builder otherCompanyApiKey(String apiKey) {
            this.otherCompanyApiKey = requirePhk(apiKey);
            return this;
        }

        private static String requirePhk(String key) {
            if (key == null || !key.startsWith("phk_")) {
                throw new IllegalArgumentException("API keys start with phk_");
            }
            return key;
        }

        /** Client id of the registered OAuth client (default {@code sim-client}). */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId);
            return this;
        }

        /** Registers a redirect URI in addition to the always-allowed loopback http(s) URLs. */
        public Builder redirectUri(String redirectUri) {
            this.redirectUris.add(Objects.requireNonNull(redirectUri));
            return this;
        }

        /** Clock for timestamps, token expiry and the invalid-key window (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Runs on this Vert.x instance (e.g. Quarkus') instead of creating one; not closed by
         * {@link #close()}.
         */
        public Builder vertx(Vertx vertx) {
            this.vertx = vertx;
            return this;
        }

        /** Number of server instances / event loops (default: CPU count, at most 4). */
        public Builder eventLoops(int eventLoops) {
            if (eventLoops < 1) {
                throw new IllegalArgumentException("eventLoops must be >= 1");
            }
            this.eventLoops = eventLoops;
            return this;
        }

        /** How many recent requests to keep for assertions (default 1000; 0 disables recording). */
        public Builder recordedRequestLimit(int limit) {
            this.recordedRequestLimit = Math.max(0, limit);
            return this;
        }

        /** Largest accepted request body (default 1 MiB); larger ones get 413. */
        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * Accept {@code http://} webhook URLs on loopback hosts (default true; the docs require
         * HTTPS).
         */
        public Builder allowHttpLoopbackWebhooks(boolean allow) {
            this.allowHttpLoopbackWebhooks = allow;
            return this;
        }

        /**
         * Actually POST to non-loopback webhook URLs (default false: offline, they are skipped).
         */
        public Builder deliverWebhooksToNonLoopback(boolean deliver) {
            this.deliverWebhooksToNonLoopback = deliver;
            return this;
        }

        /** Timeout of one webhook delivery (default 5 s). */
        public Builder webhookTimeout(Duration timeout) {
            this.webhookTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Use the first {@code X-Forwarded-For} address as client address for the invalid-key
         * block.
         */
        public Builder trustForwardedFor(boolean trust) {
            this.trustForwardedFor = trust;
            return this;
        }

        public PhoneIncSimulator build() {
            if (apiKey.equals(otherCompanyApiKey)) {
                throw new IllegalArgumentException("the two companies need different API keys");
            }
            return new PhoneIncSimulator(this);
        }
    }

    /** Unmodifiable view used by the control API. */
    Map<String, Object> info() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("root_url", rootUrl());
        m.put("base_url", baseUrl());
        m.put("api_key", apiKey());
        m.put("other_company_api_key", otherCompanyApiKey());
        m.put("client_id", clientId());
        m.put("authorize_url", rootUrl() + "/oauth/authorize");
        m.put("token_url", rootUrl() + "/oauth/token");
        m.put("revoke_url", rootUrl() + "/oauth/revoke");
        return Collections.unmodifiableMap(m);
    }
}
