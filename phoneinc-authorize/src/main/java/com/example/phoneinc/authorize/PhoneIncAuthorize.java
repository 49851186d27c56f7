package com.example.phoneinc.authorize;

import com.example.phoneinc.auth.FileTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.example.phoneinc.client.auth.Pkce;
import com.example.phoneinc.client.auth.TokenEndpoint;
import com.example.phoneinc.client.http.AsyncHttpTransport;
import com.example.phoneinc.client.http.BaseUrls;
import com.example.phoneinc.client.http.DeadlineSweeper;
import com.example.phoneinc.client.http.ErrorMapper;
import com.example.phoneinc.client.http.Futures;
import com.example.phoneinc.client.http.HttpClientFactory;
import com.example.phoneinc.client.http.PreparedRequest;
import com.example.phoneinc.client.http.Version;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * Gets the first OAuth tokens, once, interactively: builds the authorize URL with an S256 code
 * challenge and a random state, waits on a loopback redirect URI for the code, checks the state,
 * exchanges the code and writes the tokens to a {@link FileTokenStore} (owner-only). Tokens are
 * never printed.
 *
 * <pre>
 * ./mvnw -q -pl phoneinc-authorize -am package -DskipTests
 * java -jar phoneinc-authorize/target/phoneinc-authorize.jar \
 *   --client-id YOUR_CLIENT_ID --store $HOME/.phoneinc/tokens.json --port 8765
 * </pre>
 *
 * The redirect URI ({@code http://127.0.0.1:PORT/callback}) must be one registered for the app.
 */
public final class PhoneIncAuthorize {

    /** What to authorize. */
    public record Request(
            String clientId,
            String oauthBaseUrl,
            Path store,
            int port,
            String scope,
            Duration timeout) {}

    private PhoneIncAuthorize() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!a.containsKey("client-id")) {
            System.err.println(
                    "usage: PhoneIncAuthorize --client-id ID [--store tokens.json]"
                            + " [--oauth-base-url https://app.phone.inc] [--port 8765]"
                            + " [--scope api]");
            System.exit(2);
        }
        Request request =
                new Request(
                        a.get("client-id"),
                        a.getOrDefault("oauth-base-url", "https://app.phone.inc"),
                        Path.of(a.getOrDefault("store", "phoneinc-tokens.json")),
                        Integer.parseInt(a.getOrDefault("port", "8765")),
                        a.getOrDefault("scope", "api"),
                        Duration.ofMinutes(5));
        PrintStream out = System.out;
        authorize(
                request,
                url -> {
                    out.println("Open this URL in a browser and approve the app:");
                    out.println();
                    out.println("  " + url);
                    out.println();
                });
        out.println("Tokens saved to " + request.store() + " (readable by you only).");
    }

    /**
     * Runs the flow. {@code showUrl} receives the authorize URL to open (a browser, or a test that
     * follows the redirect itself).
     */
    public static PhoneIncTokens authorize(Request request, Consumer<URI> showUrl)
            throws IOException, InterruptedException, TimeoutException {
        String verifier = Pkce.newVerifier();
        String state = Pkce.newState();
        CompletableFuture<String> code = new CompletableFuture<>();
        HttpServer server =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), request.port()), 0);
        server.createContext("/callback", exchange -> callback(exchange, state, code));
        server.start();
        try {
            String redirectUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", request.clientId());
            query.put("redirect_uri", redirectUri);
            query.put("scope", request.scope());
            query.put("state", state);
            query.put("code_challenge", Pkce.challenge(verifier));
            query.put("code_challenge_method", "S256");
            showUrl.accept(URI.create(request.oauthBaseUrl() + "/oauth/authorize?" + form(query)));
            String authorizationCode;
            try {
                authorizationCode = code.get(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause().getMessage(), e.getCause());
            }
            PhoneIncTokens tokens = exchangeCode(request, authorizationCode, verifier, redirectUri);
            FileTokenStore.of(request.store()).save(tokens);
            return tokens;
        } finally {
            server.stop(0);
        }
    }

    private static void callback(
            HttpExchange exchange, String state, CompletableFuture<String> code)
            throws IOException {
        Map<String, String> params = parse(exchange.getRequestURI().getRawQuery());
        String problem = null;
        if (!state.equals(params.get("state"))) {
            problem = "the state parameter does not match (possible CSRF); nothing was exchanged";
        } else if (params.containsKey("error")) {
            problem = "authorization failed: " + params.get("error");
        } else if (params.get("code") == null) {
            problem = "the redirect carries no code";
        }
        byte[] page =
                (problem == null
                                ? "Phone.inc authorization complete. You can close this window."
                                : "Phone.inc authorization failed: " + problem)
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(problem == null ? 200 : 400, page.length);
        exchange.getResponseBody().write(page);
        exchange.close();
        if (problem == null) {
            code.complete(params.get("code"));
        } else {
            code.completeExceptionally(new IOException(problem));
        }
    }

    private static PhoneIncTokens exchangeCode(
            Request request, String code, String verifier, String redirectUri)
            throws IOException, InterruptedException {
        int timeoutMillis = 30_000;
        CloseableHttpAsyncClient http =
                HttpClientFactory.createAsync(
                        new HttpClientFactory.Settings(
                                10_000, timeoutMillis, 2, null, null, null, null, null),
                        Version.userAgent() + " phoneinc-authorize");
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "phoneinc-authorize-timeout");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            TokenEndpoint endpoint =
                    new TokenEndpoint(
                            BaseUrls.check("--oauth-base-url", request.oauthBaseUrl(), false),
                            new AsyncHttpTransport(
                                    () -> http,
                                    new DeadlineSweeper(timer),
                                    timeoutMillis,
                                    1024 * 1024),
                            new ErrorMapper(Clock.systemUTC(), Duration.ofMinutes(2), false, null),
                            Clock.systemUTC());
            return endpoint.exchangeCode(code, redirectUri, request.clientId(), verifier)
                    .get(timeoutMillis + 5_000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = Futures.cause(e.getCause());
            throw new IOException("The code exchange failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IOException("The code exchange got no answer in time", e);
        } finally {
            http.close(CloseMode.GRACEFUL);
            timer.shutdownNow();
        }
    }

    static String form(Map<String, String> values) {
        return PreparedRequest.formEncode(values);
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
