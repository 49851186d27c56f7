package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.api.model.Contact;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The API key never shows up where people look: logs (at any level, including HttpClient's header
 * and wire logs), exception messages and stack traces, message headers, endpoint and configuration
 * strings, URLs. It is sent trimmed, only as the {@code X-Api-Key} header.
 */
@TransportModes
class SecretHygieneTest extends WireMockTestSupport {

    @Parameter boolean synchronous;

    @Override
    protected boolean synchronous() {
        return synchronous;
    }

    private static final String KEY = "phk_SecretHygiene7Qx9Zr4Lm2Wv8Ty3";
    private static final String URI_KEY = "phk_UriOnlyKeyJ5Ke8Np1Sd6Fg0Hb";
    private static final String PROXY_PASSWORD = "proxyPw_Vb7Nm3Qa";
    private static final String[] LOGGERS = {
        "org.apache.camel", "com.example.phoneinc", "org.apache.hc"
    };

    /** The WireMock server is the "other side": what it logs about requests is not ours. */
    private static final String[] SERVER_LOGGERS = {
        "wiremock", "com.github.tomakehurst", "org.eclipse.jetty"
    };

    private static final Pattern WIRE_HEX = Pattern.compile("((?: ?[0-9a-f]{2})+)\\s*$");

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // as pasted from a dashboard or a secret file: with whitespace around it
        context.getComponent("phoneinc", PhoneIncComponent.class)
                .getConfiguration()
                .setApiKey("  " + KEY + "\n");
        return context;
    }

    @Test
    void keyIsSentTrimmedAndOnlyAsHeader() {
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/contacts")).willReturn(okJson("[]")));
        wireMock.stubFor(post(urlPathEqualTo("/api/v1/contacts")).willReturn(okJson("{}")));

        assertNull(send("phoneinc:contacts?phoneNumber=RAW(+1 415)", null).getException());
        assertNull(send("phoneinc:contacts/create", Map.of("phone", "+1")).getException());

        wireMock.verify(
                1,
                getRequestedFor(urlEqualTo("/api/v1/contacts?phone=%2B1%20415"))
                        .withHeader("X-Api-Key", equalTo(KEY)));
        assertKeyOnlyInHeader(KEY, 2);
    }

    @Test
    void noSecretAnywhereAtTrace() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/v1/contacts")).willReturn(okJson("[]")));
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/boom"))
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withBody("{\"error\":\"Internal Server Error\"}")));
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/employees"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody("{\"error\":\"Invalid API key\"}")));
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        // the default error handler logs the failure with the message history
                        from("direct:failing").routeId("failing").to("phoneinc:calls/get?id=boom");
                    }
                });
        List<Exchange> exchanges = new ArrayList<>();
        List<LogCapture.Line> lines;
        try (LogCapture logs = LogCapture.start(Level.TRACE, LOGGERS)) {
            exchanges.add(send("phoneinc:contacts", null)); // success
            exchanges.add(send("phoneinc:calls/get?id=boom", null)); // 500
            exchanges.add(template.send("direct:failing", e -> {})); // 500 inside a route
            exchanges.add(send("phoneinc:calls?baseUrl=" + closedPortUrl(), null)); // no connection
            exchanges.add(send("phoneinc:calls?phoneNumber=12345", null)); // invalid input
            exchanges.add(send("phoneinc:employees", null)); // 401
            exchanges.add(send("phoneinc:employees", null)); // refused locally after the 401
            lines = logs.lines();
        }

        assertNull(exchanges.get(0).getException());
        assertInstanceOf(PhoneIncServerException.class, exchanges.get(1).getException());
        assertInstanceOf(PhoneIncServerException.class, exchanges.get(2).getException());
        assertInstanceOf(PhoneIncConnectionException.class, exchanges.get(3).getException());
        assertInstanceOf(PhoneIncInvalidInputException.class, exchanges.get(4).getException());
        assertInstanceOf(PhoneIncAuthenticationException.class, exchanges.get(5).getException());
        PhoneIncAuthenticationException local =
                assertInstanceOf(
                        PhoneIncAuthenticationException.class, exchanges.get(6).getException());
        assertFalse(local.isRequestSent());

        for (Exchange exchange : exchanges) {
            assertExchangeClean(exchange, KEY);
        }
        assertLogsClean(lines, KEY);
        // positive controls: the capture did see the component, HttpClient and Camel at TRACE
        assertTrue(contains(lines, "com.example.phoneinc", "Phone.inc GET /contacts -> 200"));
        assertTrue(contains(lines, "org.apache.hc.client5.http.headers", "X-Api-Key: xxxxxx"));
        assertTrue(contains(lines, "org.apache.camel.processor.errorhandler", "Message History"));
        assertKeyOnlyInHeader(KEY, 4);
    }

    @Test
    void keyInEndpointUriStaysOutOfComponentLogsAndDebugLogs() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson("{\"id\":\"c1\"}")));
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/boom")).willReturn(aResponse().withStatus(503)));
        String uri = "phoneinc:calls/get?apiKey=RAW(" + URI_KEY + ")";
        List<Exchange> exchanges = new ArrayList<>();
        List<LogCapture.Line> debugLines;
        try (LogCapture logs = LogCapture.start(Level.DEBUG, LOGGERS)) {
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:withKey").routeId("withKey").to(uri + "&id=c1");
                            from("direct:withKeyFailing")
                                    .routeId("withKeyFailing")
                                    .to(uri + "&id=boom");
                        }
                    });
            exchanges.add(template.send("direct:withKey", e -> {}));
            exchanges.add(template.send("direct:withKeyFailing", e -> {}));
            debugLines = logs.lines();
        }
        assertNull(exchanges.get(0).getException());
        assertInstanceOf(PhoneIncServerException.class, exchanges.get(1).getException());
        exchanges.forEach(e -> assertExchangeClean(e, URI_KEY));
        assertLogsClean(debugLines, URI_KEY);
        assertTrue(contains(debugLines, "org.apache.camel", "withKey"), "route start was captured");
        assertKeyOnlyInHeader(URI_KEY, 2);

        for (Endpoint endpoint : context.getEndpoints()) {
            assertFalse(endpoint.toString().contains(URI_KEY), endpoint.toString());
            assertFalse(
                    URISupport.sanitizeUri(endpoint.getEndpointUri()).contains(URI_KEY),
                    endpoint.getEndpointUri());
            assertFalse(
                    URISupport.sanitizeUri(endpoint.getEndpointBaseUri()).contains(URI_KEY),
                    endpoint.getEndpointBaseUri());
        }
        assertFalse(context.getRoute("withKey").toString().contains(URI_KEY));
    }

    /**
     * Known limit of Camel itself, pinned so it is noticed if it changes: with TRACE on {@code
     * org.apache.camel}, Camel's endpoint resolution prints the raw URI (and its parameter map)
     * before any component code runs. A key in the endpoint URI therefore shows up there; a key set
     * on the component ({@code camel.component.phoneinc.api-key}) does not. Nothing else may print
     * it.
     */
    @Test
    void keyInEndpointUriAtTraceOnlyInCamelEndpointResolution() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson("{\"id\":\"c1\"}")));
        List<LogCapture.Line> lines;
        try (LogCapture logs = LogCapture.start(Level.TRACE, LOGGERS)) {
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:traced")
                                    .to("phoneinc:calls/get?id=c1&apiKey=RAW(" + URI_KEY + ")");
                        }
                    });
            assertNull(template.send("direct:traced", e -> {}).getException());
            lines = logs.lines();
        }
        List<String> allowed =
                List.of(
                        "org.apache.camel.impl.engine.AbstractCamelContext",
                        "org.apache.camel.support.EndpointHelper",
                        "org.apache.camel.support.DefaultComponent");
        List<LogCapture.Line> leaks = new ArrayList<>();
        for (LogCapture.Line line : lines) {
            if (line.text().contains(URI_KEY)) {
                if (!allowed.contains(line.logger())
                        || line.level() != Level.TRACE
                        || !(line.text().startsWith("Getting endpoint")
                                || line.text().startsWith("Resolved property placeholders")
                                || line.text().startsWith("Endpoint uri:")
                                || line.text().startsWith("Creating endpoint"))) {
                    leaks.add(line);
                }
            }
        }
        assertTrue(leaks.isEmpty(), () -> "key printed by: " + leaks);
        assertWireLogClean(lines, URI_KEY);
    }

    @Test
    void bodiesAreLoggedOnlyAtTrace() {
        String marker = "Zanzibar-Marker-4711";
        wireMock.stubFor(
                post(urlEqualTo("/api/v1/contacts"))
                        .willReturn(
                                okJson("{\"id\":\"c9\",\"note\":\"" + marker + "-response\"}")));
        Contact contact = new Contact();
        contact.setPhone("+14155550177");
        contact.setNote(marker + "-request");

        List<LogCapture.Line> debug;
        try (LogCapture logs = LogCapture.start(Level.DEBUG, LOGGERS)) {
            assertNull(send("phoneinc:contacts/create", contact).getException());
            debug = logs.lines();
        }
        List<LogCapture.Line> trace;
        try (LogCapture logs = LogCapture.start(Level.TRACE, LOGGERS)) {
            assertNull(send("phoneinc:contacts/create", contact).getException());
            trace = logs.lines();
        }

        assertTrue(
                contains(debug, "com.example.phoneinc", "Phone.inc POST /contacts -> 201")
                        || contains(
                                debug, "com.example.phoneinc", "Phone.inc POST /contacts -> 200"),
                "the call itself is logged at DEBUG: " + debug);
        for (LogCapture.Line line : debug) {
            assertFalse(line.text().contains(marker), () -> "body at DEBUG: " + line);
        }
        assertTrue(
                contains(trace, "com.example.phoneinc", marker + "-response"),
                "the response body is logged at TRACE");
        for (LogCapture.Line line : trace) {
            assertFalse(line.text().contains(marker + "-request"), () -> "request body: " + line);
        }
    }

    @Test
    void configurationAndEndpointStringsHideSecrets() throws Exception {
        PhoneIncEndpoint endpoint =
                context.getEndpoint(
                        "phoneinc:calls?apiKey=RAW("
                                + URI_KEY
                                + ")&proxyHost=localhost&proxyPort=3128&proxyUsername=bob"
                                + "&proxyPassword=RAW("
                                + PROXY_PASSWORD
                                + ")",
                        PhoneIncEndpoint.class);
        PhoneIncConfiguration config = endpoint.getConfiguration();
        assertEquals(URI_KEY, config.getApiKey());
        assertEquals(PROXY_PASSWORD, config.getProxyPassword());

        List<String> shown =
                List.of(
                        endpoint.toString(),
                        URISupport.sanitizeUri(endpoint.getEndpointUri()),
                        config.toString(),
                        config.copy().toString(),
                        context.getComponent("phoneinc", PhoneIncComponent.class)
                                .getConfiguration()
                                .toString(),
                        context.getComponent("phoneinc", PhoneIncComponent.class)
                                .clientOptions("x", config)
                                .http()
                                .toString(),
                        context.getComponent("phoneinc", PhoneIncComponent.class)
                                .clientOptions("x", config)
                                .toString());
        for (String s : shown) {
            assertFalse(s.contains(URI_KEY), s);
            assertFalse(s.contains(KEY), s);
            assertFalse(s.contains(PROXY_PASSWORD), s);
        }
        assertTrue(config.toString().contains("apiKey=xxxxxx"), config.toString());
    }

    @Test
    void missingOrBlankKeyFailsRouteStart() throws Exception {
        PhoneIncComponent component = context.getComponent("phoneinc", PhoneIncComponent.class);
        component.getConfiguration().setApiKey(null);
        String missing = routeStartFailure("direct:noKey", "phoneinc:calls");
        component.getConfiguration().setApiKey(" \t\n ");
        String blank = routeStartFailure("direct:blankKey", "phoneinc:contacts");
        component.getConfiguration().setApiKey(KEY);
        String blankOnEndpoint =
                routeStartFailure("direct:blankOnEndpoint", "phoneinc:webhooks?apiKey=RAW( )");

        for (String text : List.of(missing, blank, blankOnEndpoint)) {
            assertTrue(text.contains("apiKey"), text);
            assertTrue(text.contains("camel.component.phoneinc.api-key"), text);
        }
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void missingKeyWithLazyStartFailsTheFirstExchange() {
        context.getComponent("phoneinc", PhoneIncComponent.class).getConfiguration().setApiKey("");
        Exchange out = send("phoneinc:voicemails?lazyStartProducer=true", null);
        assertNotNull(out.getException());
        assertTrue(chainText(out.getException()).contains("apiKey"), chainText(out.getException()));
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    /**
     * A user-supplied {@code httpClient} logs request headers at DEBUG on {@code
     * org.apache.hc.client5.http.headers}: the key header is a masked Header object, so it prints
     * {@code X-Api-Key: xxxxxx}. (Its wire log, {@code org.apache.hc.client5.http.wire}, dumps raw
     * bytes and is the user's to keep off; the component's own client writes none. Documented.)
     */
    @Test
    void customHttpClientHeaderLogHidesKey() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/v1/contacts")).willReturn(okJson("[]")));
        CloseableHttpAsyncClient custom = HttpAsyncClients.createDefault();
        custom.start();
        try {
            context.getRegistry().bind("custom", custom);
            List<LogCapture.Line> lines;
            try (LogCapture logs = LogCapture.start(Level.DEBUG, LOGGERS)) {
                assertNull(send("phoneinc:contacts?httpClient=#custom", null).getException());
                lines = logs.lines();
            }
            assertTrue(contains(lines, "org.apache.hc.client5.http.headers", "X-Api-Key"));
            assertLogsClean(
                    lines.stream()
                            .filter(l -> !l.logger().equals("org.apache.hc.client5.http.wire"))
                            .toList(),
                    KEY);
        } finally {
            custom.close(CloseMode.IMMEDIATE);
        }
    }

    /**
     * A base URL with a wrong scheme is not echoed in the start failure (it may hold a password).
     */
    @Test
    void malformedBaseUrlIsNotEchoedWithUserInfo() {
        String text =
                routeStartFailure(
                        "direct:ftp",
                        "phoneinc:calls?baseUrl=RAW(ftp://bob:" + PROXY_PASSWORD + "@h/x)");
        assertTrue(text.contains("baseUrl"), text);
        assertFalse(text.contains(PROXY_PASSWORD), text);
    }

    // ---------------------------------------------------------------- helpers

    /** The key was sent on {@code requests} requests, each time once as X-Api-Key, nowhere else. */
    private static void assertKeyOnlyInHeader(String key, int requests) {
        List<LoggedRequest> all =
                wireMock.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
        assertEquals(requests, all.size());
        for (LoggedRequest request : all) {
            String url = request.getUrl();
            assertFalse(url.toLowerCase().contains("api_key"), url);
            assertFalse(url.toLowerCase().contains("apikey"), url);
            assertFalse(url.contains(key), url);
            assertEquals(List.of(key), request.getHeaders().getHeader("X-Api-Key").values());
            assertFalse(request.getBodyAsString().contains(key));
            request.getHeaders().all().stream()
                    .filter(h -> !h.key().equalsIgnoreCase("X-Api-Key"))
                    .forEach(h -> assertFalse(h.values().toString().contains(key), h.key()));
        }
    }

    private static void assertExchangeClean(Exchange exchange, String key) {
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(key), t.toString());
            assertFalse(t.toString().contains(key), t.toString());
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            assertFalse(trace.toString().contains(key), "stack trace");
            if (t instanceof PhoneIncException p) {
                assertFalse(p.getRequestInfo().toString().contains(key));
            }
        }
        exchange.getMessage()
                .getHeaders()
                .forEach(
                        (name, value) ->
                                assertFalse(
                                        String.valueOf(value).contains(key),
                                        "header " + name + " = " + value));
        exchange.getProperties()
                .forEach(
                        (name, value) ->
                                assertFalse(
                                        String.valueOf(value).contains(key), "property " + name));
        assertFalse(String.valueOf(exchange.getMessage().getBody()).contains(key));
    }

    private static void assertLogsClean(List<LogCapture.Line> lines, String key) {
        assertFalse(lines.isEmpty(), "nothing captured");
        for (LogCapture.Line line : lines) {
            if (isServer(line)) {
                continue;
            }
            assertFalse(line.text().contains(key), () -> "key in log line: " + line);
        }
        assertWireLogClean(lines, key);
    }

    /** HttpClient's wire log splits bytes over lines: decode its hex columns and search those. */
    private static void assertWireLogClean(List<LogCapture.Line> lines, String key) {
        StringBuilder out = new StringBuilder();
        for (LogCapture.Line line : lines) {
            if (line.logger().equals("org.apache.hc.client5.http.wire")) {
                Matcher hex = WIRE_HEX.matcher(line.text());
                if (hex.find()) {
                    for (String b : hex.group(1).trim().split(" ")) {
                        out.append((char) Integer.parseInt(b, 16));
                    }
                }
            }
        }
        assertFalse(out.toString().contains(key), "key in HttpClient's wire log");
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

    /** A loopback URL on which nothing listens: connecting is refused at once. */
    private static String closedPortUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return "http://127.0.0.1:" + port + "/api/v1";
    }
}
