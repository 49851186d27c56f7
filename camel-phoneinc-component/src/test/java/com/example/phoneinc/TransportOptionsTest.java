package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.phoneinc.api.PhoneIncAmbiguousResultException;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.model.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The transport options: base URL rules, size and time limits, raw modes, the HTTP client. */
@TransportModes
class TransportOptionsTest extends WireMockTestSupport {

    @Parameter boolean synchronous;

    @Override
    protected boolean synchronous() {
        return synchronous;
    }

    private static final String CALL = "{\"id\":\"c1\",\"from\":\"+14155550177\"}";

    // ---------------------------------------------------------------- base URL

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://example.com/api/v1",
                "HTTP://EXAMPLE.COM/api/v1",
                "http://10.1.2.3/api/v1",
                "http://localhost.example.com/api/v1",
                "http://127.0.0.1.nip.io/api/v1"
            })
    void plainHttpToANonLoopbackHostIsRefusedAtStart(String baseUrl) {
        String text = routeStartFailure("direct:start", "phoneinc:calls?baseUrl=" + baseUrl);
        assertTrue(text.contains("allowInsecureHttp"), text);
        assertTrue(text.contains("clear text"), text);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void plainHttpWithAllowInsecureHttpStarts() throws Exception {
        // only started, never sent to: no network is needed
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:insecure")
                                .routeId("insecure")
                                .to(
                                        "phoneinc:calls?baseUrl=http://example.com/api/v1&allowInsecureHttp=true");
                        from("direct:ipv6")
                                .routeId("ipv6")
                                .to("phoneinc:calls?baseUrl=http://[::1]:1/api/v1");
                    }
                });
        assertTrue(context.getRouteController().getRouteStatus("insecure").isStarted());
        assertTrue(context.getRouteController().getRouteStatus("ipv6").isStarted());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://127.0.0.1/api",
                "not a url",
                "https://bob:hunter2@127.0.0.1/api",
                "https://h/api?x=1"
            })
    void malformedBaseUrlIsRefusedAtStart(String baseUrl) {
        String text =
                routeStartFailure("direct:start", "phoneinc:calls?baseUrl=RAW(" + baseUrl + ")");
        assertTrue(text.contains("baseUrl"), text);
        assertFalse(text.contains("hunter2"), "user info echoed: " + text);
    }

    @Test
    void loopbackHttpIsAllowed() {
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL)));
        String localhost = "http://localhost:" + wireMock.port() + "/api/v1";

        Exchange byName = send("phoneinc:calls/get?id=c1&baseUrl=" + localhost, null);
        Exchange byAddress = send("phoneinc:calls/get?id=c1", null); // 127.0.0.1, the default here

        assertNull(byName.getException());
        assertNull(byAddress.getException());
        wireMock.verify(
                1,
                getRequestedFor(urlEqualTo("/api/v1/calls/c1"))
                        .withHeader("Host", equalTo("localhost:" + wireMock.port())));
        wireMock.verify(2, getRequestedFor(urlEqualTo("/api/v1/calls/c1")));
    }

    @Test
    void baseUrlWithTrailingSlash() {
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL)));
        assertNull(
                send("phoneinc:calls/get?id=c1&baseUrl=" + baseUrl() + "/", null).getException());
        wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v1/calls/c1")));
    }

    // ---------------------------------------------------------------- headers

    @Test
    void userAgentNamesComponentAndCamel() {
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL)));
        assertNull(send("phoneinc:calls/get?id=c1", null).getException());
        wireMock.verify(
                1,
                getRequestedFor(urlEqualTo("/api/v1/calls/c1"))
                        .withHeader(
                                "User-Agent",
                                matching(
                                        "camel-phoneinc/0\\.1\\.0-SNAPSHOT Apache-Camel/4\\.\\d+\\.\\d+.*"))
                        .withHeader("Accept", equalTo("application/json")));
    }

    // ---------------------------------------------------------------- limits

    @Test
    void responseLargerThanMaxResponseSizeFails() {
        String big = "{\"id\":\"c1\",\"summary\":\"" + "x".repeat(10 * 1024) + "\"}";
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/big")).willReturn(okJson(big)));
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/chunked"))
                        .willReturn(okJson(big).withChunkedDribbleDelay(5, 50)));
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL)));
        String uri = "phoneinc:calls/get?maxResponseSize=2048&id=";

        Exchange declared = send(uri + "big", null);
        Exchange chunked = send(uri + "chunked", null);
        Exchange small = send(uri + "c1", null);

        for (Exchange out : List.of(declared, chunked)) {
            PhoneIncException e = assertInstanceOf(PhoneIncException.class, out.getException());
            assertTrue(e.getMessage().contains("maxResponseSize (2048 bytes)"), e.getMessage());
            assertNull(out.getMessage().getBody());
        }
        assertNull(small.getException(), "the endpoint still works after an oversized answer");
        assertEquals("c1", small.getMessage().getBody(Call.class).getId());
    }

    @Test
    void requestTimeoutEndsHungCalls() {
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/slow"))
                        .willReturn(okJson(CALL).withFixedDelay(3000)));
        wireMock.stubFor(
                post(urlEqualTo("/api/v1/contacts")).willReturn(okJson("{}").withFixedDelay(3000)));

        Exchange read = send("phoneinc:calls/get?id=slow&requestTimeout=500", null);
        Exchange write =
                send(
                        "phoneinc:contacts/create?requestTimeout=500",
                        Map.of("phone", "+14155550177"));

        PhoneIncConnectionException timeout =
                assertInstanceOf(PhoneIncConnectionException.class, read.getException());
        assertTrue(timeout.isRetryable());
        assertEquals(0, timeout.getStatusCode());
        assertEquals("GET", timeout.getMethod());
        assertEquals("/calls/slow", timeout.getPath());
        assertNull(read.getMessage().getBody());
        // a write that may have arrived is not blindly repeatable
        PhoneIncAmbiguousResultException ambiguous =
                assertInstanceOf(PhoneIncAmbiguousResultException.class, write.getException());
        assertFalse(ambiguous.isRetryable());
        assertTrue(ambiguous.isRequestSent());
        wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v1/calls/slow")));
    }

    // ---------------------------------------------------------------- raw modes

    @Test
    void rawJsonReturnsTheExactText() {
        String body = "{\n  \"id\" : \"c1\",\n  \"new_field\" : [1, 2.50, null]\n}\n";
        String list = "{\"unlistened_count\":1,\"voicemails\":[{\"id\":\"v1\"}]}";
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(body)));
        wireMock.stubFor(get(urlEqualTo("/api/v1/voicemails")).willReturn(okJson(list)));

        Exchange one = send("phoneinc:calls/get?id=c1&rawJson=true", null);
        Exchange many = send("phoneinc:voicemails?rawJson=true", null);

        assertNull(one.getException());
        assertEquals(body, one.getMessage().getBody());
        assertEquals(list, many.getMessage().getBody());
        assertEquals(200, many.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertNull(many.getMessage().getHeader(PhoneIncConstants.UNLISTENED_COUNT));
    }

    @Test
    void throwExceptionOnFailureFalseReturnsTheErrorAsBody() {
        String notFound = "{\"error\":\"Call not found\"}";
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/nope"))
                        .willReturn(aResponse().withStatus(404).withBody(notFound)));
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/down"))
                        .willReturn(aResponse().withStatus(503).withBody("upstream down")));

        Exchange missing = send("phoneinc:calls/get?id=nope&throwExceptionOnFailure=false", null);
        Exchange down = send("phoneinc:calls/get?id=down&throwExceptionOnFailure=false", null);

        assertNull(missing.getException());
        assertEquals(notFound, missing.getMessage().getBody());
        assertEquals(404, missing.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertNull(down.getException());
        assertEquals("upstream down", down.getMessage().getBody());
        assertEquals(503, down.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
    }

    // ---------------------------------------------------------------- threads

    @Test
    void asyncCallsDoNotHoldThreads() throws Exception {
        assumeFalse(synchronous, "a synchronous call holds its caller's thread by design");
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL).withFixedDelay(300)));
        // a worker pool of 2 (at most 1 more thread than after the warm-up), and the template's
        // own pool (up to 10 threads that send for asyncRequestBody) not counted: what is left to
        // grow is what the component starts per call
        String uri = "phoneinc:calls/get?id=c1&workerPoolSize=2";
        // warm up: the client, its I/O threads, the timer and the worker pool exist before counting
        assertNull(send(uri, null).getException());
        int before = liveThreadsBesidesTheTemplates();

        List<CompletableFuture<Object>> replies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            replies.add(template.asyncRequestBody(uri, null));
        }
        int peak = liveThreadsBesidesTheTemplates();
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .get(20, TimeUnit.SECONDS);
        peak = Math.max(peak, liveThreadsBesidesTheTemplates());

        for (CompletableFuture<Object> reply : replies) {
            assertEquals("c1", assertInstanceOf(Call.class, reply.get()).getId());
        }
        wireMock.verify(51, getRequestedFor(urlEqualTo("/api/v1/calls/c1")));
        assertTrue(peak - before < 20, "threads grew from " + before + " to " + peak);
    }

    @Test
    void producerCompletesAsynchronously() throws Exception {
        assumeFalse(synchronous, "see synchronousProducerCompletesOnTheCallingThread");
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL).withFixedDelay(300)));
        AsyncProducer producer =
                context.getEndpoint("phoneinc:calls/get?id=c1").createAsyncProducer();
        producer.start();
        try {
            int calls = 20;
            CountDownLatch done = new CountDownLatch(calls);
            AtomicInteger doneSync = new AtomicInteger();
            List<Exchange> exchanges = new ArrayList<>();
            int returnedSync = 0;
            for (int i = 0; i < calls; i++) {
                Exchange exchange = new DefaultExchange(context);
                exchanges.add(exchange);
                boolean sync =
                        producer.process(
                                exchange,
                                isSync -> {
                                    if (isSync) {
                                        doneSync.incrementAndGet();
                                    }
                                    done.countDown();
                                });
                returnedSync += sync ? 1 : 0;
            }
            // process() handed every call to the I/O threads and returned: none completed in it
            assertEquals(0, returnedSync);
            assertTrue(done.await(20, TimeUnit.SECONDS), "not all calls completed");
            assertEquals(0, doneSync.get());
            for (Exchange exchange : exchanges) {
                assertNull(exchange.getException());
                assertEquals("c1", exchange.getMessage().getBody(Call.class).getId());
            }
        } finally {
            producer.stop();
        }
    }

    @Test
    void synchronousProducerCompletesOnTheCallingThread() throws Exception {
        assumeTrue(synchronous, "see producerCompletesAsynchronously");
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL)));
        AsyncProducer producer =
                context.getEndpoint("phoneinc:calls/get?id=c1").createAsyncProducer();
        producer.start();
        try {
            Exchange exchange = new DefaultExchange(context);
            List<String> callbackThreads = new ArrayList<>();
            boolean sync =
                    producer.process(
                            exchange,
                            doneSync -> {
                                assertTrue(doneSync);
                                callbackThreads.add(Thread.currentThread().getName());
                            });

            // the call ran inside process(): answered, read and bound before it returned
            assertTrue(sync);
            assertEquals(List.of(Thread.currentThread().getName()), callbackThreads);
            assertNull(exchange.getException());
            assertEquals("c1", exchange.getMessage().getBody(Call.class).getId());
        } finally {
            producer.stop();
        }
    }

    @Test
    void endpointsWithTheSameSettingsShareOneClient() throws Exception {
        wireMock.stubFor(get(urlPathMatching("/api/v1/calls/.*")).willReturn(okJson(CALL)));
        // TLS settings on the component, as usual; plain http to WireMock leaves them unused
        context.getComponent("phoneinc", PhoneIncComponent.class)
                .getConfiguration()
                .setSslContextParameters(new SSLContextParameters());
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:restarted").routeId("restarted").to("phoneinc:calls/get?id=r");
                    }
                });
        assertNull(send("phoneinc:calls/get?id=c0", null).getException());
        int oneClient = httpClientThreads();

        for (int i = 1; i < 5; i++) {
            assertNull(send("phoneinc:calls/get?id=c" + i, null).getException());
        }
        for (int i = 0; i < 3; i++) {
            context.getRouteController().stopRoute("restarted");
            context.getRouteController().startRoute("restarted");
            assertNull(template.send("direct:restarted", e -> {}).getException());
        }

        assertEquals(
                oneClient,
                httpClientThreads(),
                "a new HTTP client (pool, I/O threads) per endpoint");
        wireMock.verify(8, getRequestedFor(urlPathMatching("/api/v1/calls/.*")));
    }

    // ---------------------------------------------------------------- custom client

    @Test
    void customHttpClientIsUsedAndNotClosedByTheComponent() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL)));
        CloseableHttpAsyncClient custom = HttpAsyncClients.createDefault();
        custom.start();
        try {
            context.getRegistry().bind("customClient", custom);
            String uri = "phoneinc:calls/get?id=c1&httpClient=#customClient";

            assertNull(send(uri, null).getException());
            wireMock.verify(
                    1,
                    getRequestedFor(urlEqualTo("/api/v1/calls/c1"))
                            .withHeader("User-Agent", notMatching("camel-phoneinc/.*"))
                            .withHeader("X-Api-Key", equalTo(API_KEY)));

            context.stop();
            assertEquals(IOReactorStatus.ACTIVE, custom.getStatus(), "closed by the component");
        } finally {
            custom.close(CloseMode.IMMEDIATE);
        }
    }

    @Test
    void closedCustomHttpClientFailsWithoutSending() throws Exception {
        CloseableHttpAsyncClient custom = HttpAsyncClients.createDefault();
        custom.start();
        context.getRegistry().bind("customClient", custom);
        String uri = "phoneinc:calls/get?id=c1&httpClient=#customClient";
        custom.close(CloseMode.IMMEDIATE);

        Exchange out = send(uri, null);

        // a GET is safe to repeat either way; see closedCustomHttpClientPostIsNotAmbiguous
        PhoneIncConnectionException e =
                assertInstanceOf(PhoneIncConnectionException.class, out.getException());
        assertTrue(e.isRetryable());
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    /**
     * A closed client fails the call with {@code IllegalStateException: Connection pool shut down}:
     * the POST never left the JVM, so it is a retryable PhoneIncConnectionException, not a
     * PhoneIncAmbiguousResultException ("may have taken effect").
     */
    @Test
    void closedCustomHttpClientPostIsNotAmbiguous() throws Exception {
        CloseableHttpAsyncClient custom = HttpAsyncClients.createDefault();
        custom.start();
        context.getRegistry().bind("customClient", custom);
        custom.close(CloseMode.IMMEDIATE);

        Exchange out =
                send(
                        "phoneinc:contacts/create?httpClient=#customClient",
                        Map.of("phone", "+14155550177"));

        PhoneIncConnectionException e =
                assertInstanceOf(PhoneIncConnectionException.class, out.getException());
        assertFalse(e.isRequestSent(), e.getMessage());
        assertTrue(e.getMessage().contains("not sent"), e.getMessage());
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Threads of HttpClient 5 instances: each client has its own idle-connection evictor, and an
     * async one its I/O threads.
     */
    private static int httpClientThreads() {
        return (int)
                Thread.getAllStackTraces().keySet().stream()
                        .filter(Thread::isAlive)
                        .filter(
                                t ->
                                        t.getName().startsWith("httpclient-")
                                                || t.getName()
                                                        .startsWith("idle-connection-evictor"))
                        .count();
    }

    /**
     * Live threads of this JVM, neither WireMock's own Jetty pool ({@code qtp}: the server side)
     * nor the ProducerTemplate's (the test's senders; Camel names them {@code Camel (...) thread #N
     * - ProducerTemplate}) counted.
     */
    private static int liveThreadsBesidesTheTemplates() {
        return (int)
                Thread.getAllStackTraces().keySet().stream()
                        .filter(Thread::isAlive)
                        .filter(t -> !t.getName().startsWith("qtp"))
                        .filter(t -> !t.getName().endsWith(" - ProducerTemplate"))
                        .count();
    }
}
