package com.example.phoneinc.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.PhoneIncConfiguration;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.auth.FileTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.example.phoneinc.client.auth.Pkce;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-time authorization command against the simulator's PKCE flow (which auto-approves and
 * redirects to the command's loopback listener), then a route using the tokens it wrote.
 */
class OAuthAuthorizeCommandTest extends CamelTestSupport {

    private static final Pattern BASE64URL_43 = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static PhoneIncSimulator sim;

    @TempDir Path dir;
    private Path file;

    /** The browser: never follows redirects by itself. */
    private final HttpClient browser =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    @BeforeAll
    static void startSimulator() {
        sim = PhoneIncSimulator.builder().port(0).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        file = dir.resolve("tokens.json");
        context.getRegistry().bind("fileStore", FileTokenStore.of(file));
        PhoneIncComponent component = new PhoneIncComponent();
        PhoneIncConfiguration config = component.getConfiguration();
        config.setClientId(sim.clientId());
        config.setBaseUrl(sim.baseUrl());
        config.setOauthBaseUrl(sim.rootUrl());
        config.setRequestTimeout(5000);
        context.addComponent("phoneinc", component);
        return context;
    }

    @Test
    void authorizeWritesOwnerOnlyTokensThatARouteUses() throws Exception {
        Browser seen = new Browser(UnaryOperator.identity());

        PhoneIncTokens tokens = authorize(seen).get(15, TimeUnit.SECONDS);

        // the authorize URL the user is sent to
        Map<String, String> query = query(seen.authorizeUrl.join());
        assertEquals(sim.rootUrl() + "/oauth/authorize", base(seen.authorizeUrl.join()));
        assertEquals("code", query.get("response_type"));
        assertEquals(sim.clientId(), query.get("client_id"));
        assertEquals("api", query.get("scope"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertTrue(BASE64URL_43.matcher(query.get("code_challenge")).matches());
        assertTrue(query.get("state").length() >= 16, query.get("state"));
        assertTrue(
                query.get("redirect_uri").matches("http://127\\.0\\.0\\.1:\\d+/callback"),
                query.get("redirect_uri"));
        assertEquals(302, seen.authorizeStatus);
        assertEquals(200, seen.callbackStatus);

        // one code exchange, tokens written owner-only
        assertEquals(1, sim.hits("POST", "/oauth/token"));
        assertNotNull(tokens.accessToken());
        assertNotNull(tokens.refreshToken());
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(tokens, FileTokenStore.of(file).load().orElseThrow());

        // a route with that store calls the API with the Bearer token
        List<?> voicemails =
                template.requestBody("phoneinc:voicemails?tokenStore=#fileStore", null, List.class);
        assertFalse(voicemails.isEmpty());
        assertInstanceOf(Voicemail.class, voicemails.get(0));
        assertEquals(1, sim.hits("GET", "/api/v1/voicemails"));
        assertEquals(
                "Bearer " + tokens.accessToken(),
                sim.lastRequest("GET", "/api/v1/voicemails").orElseThrow().header("Authorization"));
        assertEquals(1, sim.hits("POST", "/oauth/token"), "no refresh needed");

        // the access token expires early: refresh (rotation), replay, new tokens in the file
        sim.expireAccessToken(tokens.accessToken());
        Exchange out = template.request("phoneinc:voicemails?tokenStore=#fileStore", e -> {});
        assertEquals(null, out.getException());
        assertEquals(2, sim.hits("POST", "/oauth/token"));
        assertEquals(3, sim.hits("GET", "/api/v1/voicemails"));
        PhoneIncTokens rotated = FileTokenStore.of(file).load().orElseThrow();
        assertNotEquals(tokens.accessToken(), rotated.accessToken());
        assertNotEquals(tokens.refreshToken(), rotated.refreshToken());
        assertEquals(
                "Bearer " + rotated.accessToken(),
                sim.lastRequest("GET", "/api/v1/voicemails").orElseThrow().header("Authorization"));
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void callbackWithAnotherStateIsRefusedAndNothingIsExchanged() throws Exception {
        Browser forging =
                new Browser(
                        location ->
                                URI.create(
                                        location.toString()
                                                .replaceAll(
                                                        "state=[^&]*",
                                                        "state=forged-by-attacker")));

        ExecutionException e =
                assertThrows(
                        ExecutionException.class,
                        () -> authorize(forging).get(15, TimeUnit.SECONDS));

        IOException io = assertInstanceOf(IOException.class, e.getCause());
        assertTrue(io.getMessage().contains("state"), io.getMessage());
        assertEquals(400, forging.callbackStatus);
        assertEquals(0, sim.hits("POST", "/oauth/token"), "no code exchange");
        assertFalse(Files.exists(file), "no token file");
    }

    @Test
    void deniedAuthorizationFailsWithoutExchange() throws Exception {
        sim.denyAuthorizations(true);
        Browser browser = new Browser(UnaryOperator.identity());

        ExecutionException e =
                assertThrows(
                        ExecutionException.class,
                        () -> authorize(browser).get(15, TimeUnit.SECONDS));

        IOException io = assertInstanceOf(IOException.class, e.getCause());
        assertTrue(io.getMessage().contains("access_denied"), io.getMessage());
        assertEquals(0, sim.hits("POST", "/oauth/token"));
        assertFalse(Files.exists(file));
    }

    @Test
    void pkceMatchesRfc7636AppendixB() {
        assertEquals(
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        String verifier = Pkce.newVerifier();
        assertEquals(43, verifier.length());
        assertTrue(BASE64URL_43.matcher(verifier).matches(), verifier);
        assertNotEquals(verifier, Pkce.newVerifier());
        assertTrue(BASE64URL_43.matcher(Pkce.challenge(verifier)).matches());
        assertNotEquals(Pkce.newState(), Pkce.newState());
    }

    // ---------------------------------------------------------------- helpers

    /** Runs the command on its own thread; {@code browser} follows the URL it shows. */
    private CompletableFuture<PhoneIncTokens> authorize(Browser browser) {
        PhoneIncAuthorize.Request request =
                new PhoneIncAuthorize.Request(
                        sim.clientId(), sim.rootUrl(), file, 0, "api", Duration.ofSeconds(10));
        CompletableFuture<PhoneIncTokens> result = new CompletableFuture<>();
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                result.complete(PhoneIncAuthorize.authorize(request, browser));
                            } catch (Throwable t) {
                                result.completeExceptionally(t);
                            }
                        },
                        "phoneinc-authorize");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * A browser that opens the authorize URL, reads the redirect and opens it (the command's
     * loopback listener), optionally changing it first.
     */
    private final class Browser implements Consumer<URI> {
        final CompletableFuture<URI> authorizeUrl = new CompletableFuture<>();
        final UnaryOperator<URI> tamper;
        volatile int authorizeStatus;
        volatile int callbackStatus;

        Browser(UnaryOperator<URI> tamper) {
            this.tamper = tamper;
        }

        @Override
        public void accept(URI url) {
            authorizeUrl.complete(url);
            try {
                HttpResponse<String> approve = get(url);
                authorizeStatus = approve.statusCode();
                String location = approve.headers().firstValue("Location").orElseThrow();
                callbackStatus = get(tamper.apply(URI.create(location))).statusCode();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return browser.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String base(URI uri) {
        String s = uri.toString();
        return s.substring(0, s.indexOf('?'));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
