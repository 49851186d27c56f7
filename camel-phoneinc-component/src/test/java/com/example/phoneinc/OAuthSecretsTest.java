package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncReauthorizationRequiredException;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.auth.InMemoryTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

/**
 * OAuth secrets — access tokens, refresh tokens, the client id — never show up in logs at any level
 * (TRACE everywhere), exception messages and cause chains, message headers, endpoint strings or
 * {@code toString()}s, through refresh, replay, revoke, code exchange and failing refreshes.
 */
class OAuthSecretsTest extends OAuthTestSupport {

    private static final String NEWER_ACCESS = "at_NEWER_Sd5Fg9Hj3Kl7";
    private static final String NEWER_REFRESH = "rt_NEWER_Qw2Er6Ty0Ui4";
    private static final String EXCH_ACCESS = "at_EXCH_Zx1Cv5Bn9Mq3";
    private static final String EXCH_REFRESH = "rt_EXCH_Wd8Ef2Rg6Th0";
    private static final String OTHER_ACCESS = "at_OTHER_Yk4Ul8Im2On6";
    private static final String OTHER_REFRESH = "rt_OTHER_Pj7Ah1Sb5Dc9";
    private static final String TRUNC_ACCESS = "at_TRUNC_Vx3Nz7Mw1Qe5";
    private static final String TRUNC_REFRESH = "rt_TRUNC_Lb2Kc6Jd0He4";
    private static final String REVOKE_INPUT = OLD_ACCESS;

    private static final List<String> SECRETS =
            List.of(
                    CLIENT_ID,
                    OLD_ACCESS,
                    OLD_REFRESH,
                    NEW_ACCESS,
                    NEW_REFRESH,
                    NEWER_ACCESS,
                    NEWER_REFRESH,
                    EXCH_ACCESS,
                    EXCH_REFRESH,
                    OTHER_ACCESS,
                    OTHER_REFRESH,
                    TRUNC_ACCESS,
                    TRUNC_REFRESH);

    /** Headers the test sets itself as input; their own values are allowed to be there. */
    private static final Set<String> INPUT_HEADERS =
            Set.of(
                    PhoneIncConstants.TOKEN,
                    PhoneIncConstants.AUTHORIZATION_CODE,
                    PhoneIncConstants.CODE_VERIFIER,
                    PhoneIncConstants.REDIRECT_URI);

    /** The WireMock server is the other side: what it logs about requests is not ours. */
    private static final String[] SERVER_LOGGERS = {
        "wiremock", "com.github.tomakehurst", "org.eclipse.jetty", "WireMock"
    };

    private final InMemoryTokenStore otherStore =
            new InMemoryTokenStore(
                    new PhoneIncTokens(
                            OTHER_ACCESS, OTHER_REFRESH, T.minus(Duration.ofMinutes(1)), "api"));
    private final InMemoryTokenStore closedStore =
            new InMemoryTokenStore(
                    new PhoneIncTokens(
                            OTHER_ACCESS, OTHER_REFRESH, T.minus(Duration.ofMinutes(1)), "api"));
    private final InMemoryTokenStore truncStore =
            new InMemoryTokenStore(
                    new PhoneIncTokens(
                            OTHER_ACCESS, TRUNC_REFRESH, T.minus(Duration.ofMinutes(1)), "api"));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("otherStore", otherStore);
        context.getRegistry().bind("closedStore", closedStore);
        context.getRegistry().bind("truncStore", truncStore);
        context.getRegistry().bind("exchangeStore", new InMemoryTokenStore());
        return context;
    }

    @Test
    void noOAuthSecretAnywhereAtTrace() throws Exception {
        int closed = closedPort();
        wireMock.stubFor(
                post(urlEqualTo("/oauth/token"))
                        .withFormParam("refresh_token", equalTo(OLD_REFRESH))
                        .willReturn(okJson(tokenJson(NEW_ACCESS, NEW_REFRESH, 3600))));
        wireMock.stubFor(
                post(urlEqualTo("/oauth/token"))
                        .withFormParam("refresh_token", equalTo(NEW_REFRESH))
                        .willReturn(okJson(tokenJson(NEWER_ACCESS, NEWER_REFRESH, 3600))));
        wireMock.stubFor(
                post(urlEqualTo("/oauth/token"))
                        .withFormParam("grant_type", equalTo("authorization_code"))
                        .willReturn(okJson(tokenJson(EXCH_ACCESS, EXCH_REFRESH, 3600))));
        wireMock.stubFor(
                post(urlEqualTo("/oauth/token"))
                        .withFormParam("refresh_token", equalTo(OTHER_REFRESH))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":\"invalid_grant\","
                                                        + "\"error_description\":\"The provided"
                                                        + " authorization grant is invalid\"}")));
        wireMock.stubFor(
                post(urlEqualTo("/oauth/token"))
                        .withFormParam("refresh_token", equalTo(TRUNC_REFRESH))
                        .willReturn(
                                okJson(
                                        "{\"token_type\":\"Bearer\",\"access_token\":\""
                                                + TRUNC_ACCESS)));
        wireMock.stubFor(post(urlEqualTo("/oauth/revoke")).willReturn(okJson("{}")));
        stubApiOk(NEW_ACCESS);
        stubApiOk(NEWER_ACCESS);
        stubApiOk(EXCH_ACCESS);
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        // the default error handler logs the failure with the message history
                        from("direct:failingRefresh")
                                .routeId("failingRefresh")
                                .to("phoneinc:calls?tokenStore=#otherStore");
                        from("direct:refresh").routeId("refresh").to("phoneinc:calls");
                    }
                });

        List<Exchange> exchanges = new ArrayList<>();
        List<LogCapture.Line> lines;
        try (LogCapture logs =
                LogCapture.start(
                        Level.TRACE,
                        org.slf4j.Logger.ROOT_LOGGER_NAME,
                        "com.example.phoneinc",
                        "org.apache.camel",
                        "org.apache.hc")) {
            // proactive refresh (OLD -> NEW) inside a route
            clock.set(T.minus(Duration.ofMinutes(4)));
            exchanges.add(template.send("direct:refresh", e -> {}));
            // 401 on NEW -> refresh (NEW -> NEWER) -> replay
            wireMock.stubFor(
                    apiWith(NEW_ACCESS).willReturn(unauthorized("The access token expired")));
            exchanges.add(send("phoneinc:calls", null));
            // revoke a token given as input, then the credential's current one
            exchanges.add(
                    template.request(
                            "phoneinc:oauth/revoke",
                            e -> e.getMessage().setHeader(PhoneIncConstants.TOKEN, REVOKE_INPUT)));
            exchanges.add(send("phoneinc:oauth/revoke", null));
            // code exchange into another store
            exchanges.add(
                    template.request(
                            "phoneinc:oauth/token?tokenStore=#exchangeStore",
                            e -> {
                                e.getMessage()
                                        .setHeader(
                                                PhoneIncConstants.AUTHORIZATION_CODE, "code-1234");
                                e.getMessage()
                                        .setHeader(PhoneIncConstants.CODE_VERIFIER, "verifier");
                                e.getMessage()
                                        .setHeader(
                                                PhoneIncConstants.REDIRECT_URI,
                                                "http://127.0.0.1:8765/callback");
                            }));
            exchanges.add(send("phoneinc:calls?tokenStore=#exchangeStore", null));
            // refresh refused (invalid_grant), in a route, then failed locally
            exchanges.add(template.send("direct:failingRefresh", e -> {}));
            exchanges.add(send("phoneinc:calls?tokenStore=#otherStore", null));
            // refresh without an answer
            exchanges.add(
                    send(
                            "phoneinc:calls?tokenStore=#closedStore&oauthBaseUrl=http://127.0.0.1:"
                                    + closed,
                            null));
            // a refresh answer cut off inside the access token: the parse error must not quote it
            exchanges.add(send("phoneinc:calls?tokenStore=#truncStore", null));
            lines = logs.lines();
        }

        assertNull(exchanges.get(0).getException());
        assertNull(exchanges.get(1).getException());
        assertNull(exchanges.get(2).getException());
        assertNull(exchanges.get(3).getException());
        assertNull(exchanges.get(4).getException());
        assertNull(exchanges.get(5).getException());
        assertInstanceOf(
                PhoneIncReauthorizationRequiredException.class, exchanges.get(6).getException());
        assertInstanceOf(
                PhoneIncReauthorizationRequiredException.class, exchanges.get(7).getException());
        assertInstanceOf(PhoneIncConnectionException.class, exchanges.get(8).getException());
        assertInstanceOf(PhoneIncServerException.class, exchanges.get(9).getException());
        // the scenarios ran as intended
        wireMock.verify(1, refreshWith(OLD_REFRESH));
        wireMock.verify(1, refreshWith(NEW_REFRESH));
        wireMock.verify(1, refreshWith(OTHER_REFRESH));
        assertEquals(2, apiHitsWith(NEW_ACCESS));
        assertEquals(1, apiHitsWith(NEWER_ACCESS));
        assertEquals(1, apiHitsWith(EXCH_ACCESS));
        wireMock.verify(
                1,
                postRequestedFor(urlEqualTo("/oauth/revoke"))
                        .withFormParam("token", equalTo(REVOKE_INPUT)));
        wireMock.verify(
                1,
                postRequestedFor(urlEqualTo("/oauth/revoke"))
                        .withFormParam("token", equalTo(NEWER_ACCESS)));
        wireMock.verify(
                2,
                postRequestedFor(urlEqualTo("/oauth/revoke"))
                        .withFormParam("client_id", equalTo(CLIENT_ID)));

        for (Exchange exchange : exchanges) {
            assertExchangeClean(exchange);
        }
        assertLogsClean(lines);
        // positive controls: the capture saw the component, HttpClient and Camel at TRACE
        assertTrue(contains(lines, "com.example.phoneinc", "Refreshing the Phone.inc OAuth"));
        assertTrue(contains(lines, "com.example.phoneinc", "replayed after token refresh"));
        assertTrue(contains(lines, "org.apache.hc.client5.http.headers", "Authorization: xxxxxx"));
        assertTrue(contains(lines, "org.apache.camel.processor.errorhandler", "Message History"));
        assertTrue(lines.stream().anyMatch(l -> l.level() == Level.TRACE));
    }

    @Test
    void endpointAndConfigurationStringsHideOAuthSecrets() throws Exception {
        PhoneIncEndpoint endpoint =
                context.getEndpoint(
                        "phoneinc:calls?clientId=RAW("
                                + CLIENT_ID
                                + ")&accessToken=RAW("
                                + OLD_ACCESS
                                + ")&refreshToken=RAW("
                                + OLD_REFRESH
                                + ")",
                        PhoneIncEndpoint.class);
        PhoneIncConfiguration config = endpoint.getConfiguration();
        assertEquals(OLD_ACCESS, config.getAccessToken());
        assertEquals(CLIENT_ID, config.getClientId());

        List<String> shown =
                List.of(
                        endpoint.toString(),
                        URISupport.sanitizeUri(endpoint.getEndpointUri()),
                        URISupport.sanitizeUri(endpoint.getEndpointBaseUri()),
                        config.toString(),
                        config.copy().toString(),
                        context.getComponent("phoneinc", PhoneIncComponent.class)
                                .getConfiguration()
                                .toString(),
                        new PhoneIncTokens(OLD_ACCESS, OLD_REFRESH, T, "api").toString(),
                        store.load().orElseThrow().toString());
        for (String text : shown) {
            assertNoSecret(text, "toString/URI");
        }
        for (Endpoint e : context.getEndpoints()) {
            assertNoSecret(e.toString(), "endpoint");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void assertNoSecret(String text, String where) {
        for (String secret : SECRETS) {
            assertFalse(
                    String.valueOf(text).contains(secret),
                    () -> "secret in " + where + ": " + text);
        }
    }

    private static void assertExchangeClean(Exchange exchange) {
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            assertNoSecret(t.getMessage(), "exception message");
            assertNoSecret(t.toString(), "exception");
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            assertNoSecret(trace.toString(), "stack trace");
            if (t instanceof PhoneIncException p) {
                assertNoSecret(p.getRequestInfo().toString(), "request info");
                assertNoSecret(String.valueOf(p.getResponseBody()), "response body");
                assertNoSecret(String.valueOf(p.getResponseHeaders()), "response headers");
            }
        }
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            if (!INPUT_HEADERS.contains(header.getKey())) {
                assertNoSecret(String.valueOf(header.getValue()), "header " + header.getKey());
            }
        }
        exchange.getProperties()
                .forEach(
                        (name, value) -> assertNoSecret(String.valueOf(value), "property " + name));
        assertNoSecret(String.valueOf(exchange.getMessage().getBody()), "body");
    }

    private static void assertLogsClean(List<LogCapture.Line> lines) {
        assertFalse(lines.isEmpty(), "nothing captured");
        for (LogCapture.Line line : lines) {
            if (!isServer(line)) {
                assertNoSecret(line.text(), "log line " + line.logger());
            }
        }
    }

    private static boolean isServer(LogCapture.Line line) {
        for (String prefix : SERVER_LOGGERS) {
            if (line.logger().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(List<LogCapture.Line> lines, String logger, String text) {
        return lines.stream()
                .anyMatch(l -> l.logger().startsWith(logger) && l.text().contains(text));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
