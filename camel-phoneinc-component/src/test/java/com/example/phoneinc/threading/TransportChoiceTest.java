package com.example.phoneinc.threading;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.LogCapture;
import com.example.phoneinc.WireMockTestSupport;
import com.example.phoneinc.api.model.Call;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which transport a call gets (docs/phoneinc-component.adoc, Threading): the classic client on the
 * calling thread for a synchronous endpoint (the default), a transacted exchange, or Camel's
 * blocking {@code process(Exchange)}; otherwise the async client, with the exchange continuing on
 * the worker pool, which Camel manages (JMX). The transport shows in HttpClient's header log: the
 * classic client's connections are {@code phoneinc-classic-N}.
 */
class TransportChoiceTest extends WireMockTestSupport {

    private static final String CALL = "{\"id\":\"c1\",\"from\":\"+14155550177\"}";
    private static final String HEADERS_LOG = "org.apache.hc.client5.http.headers";

    TransportChoiceTest() {
        testConfiguration().withJMX(true);
    }

    @BeforeEach
    void stub() {
        // answered later than execute() returns: an answer that is already there when it returns
        // is completed on the calling thread by design (PhoneIncProducer), which would make the
        // worker-pool assertions depend on a race on loopback
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL).withFixedDelay(100)));
    }

    @Test
    void defaultOptionsRunTheCallOnTheCallingThreadWithTheClassicClient() throws Exception {
        List<String> after = new CopyOnWriteArrayList<>();
        addRoute("direct:default", "phoneinc:calls/get?id=c1", after);

        List<LogCapture.Line> lines;
        try (LogCapture log = LogCapture.start(Level.DEBUG, HEADERS_LOG)) {
            assertNull(template.send("direct:default", e -> {}).getException());
            lines = log.linesFrom(HEADERS_LOG);
        }

        assertEquals(List.of(Thread.currentThread().getName()), after);
        assertTrue(classic(lines), "the classic client sent it: " + lines);
        assertTrue(workerPools().isEmpty(), "no worker pool for synchronous endpoints");
    }

    @Test
    void asynchronousEndpointContinuesOnTheManagedWorkerPool() throws Exception {
        List<String> after = new CopyOnWriteArrayList<>();
        addRoute(
                "direct:async",
                "phoneinc:calls/get?id=c1&synchronous=false&workerPoolSize=3",
                after);

        List<LogCapture.Line> lines;
        try (LogCapture log = LogCapture.start(Level.DEBUG, HEADERS_LOG)) {
            for (int i = 0; i < 5; i++) {
                assertNull(template.send("direct:async", e -> {}).getException());
            }
            lines = log.linesFrom(HEADERS_LOG);
        }

        assertEquals(5, after.size(), after.toString());
        after.forEach(t -> assertTrue(t.contains("PhoneIncWorker-3"), t));
        assertFalse(classic(lines), "the async client sent them: " + lines);
        assertTrue(
                lines.stream().anyMatch(l -> l.text().contains("X-Api-Key: xxxxxx")), "" + lines);
        // visible in Camel's thread-pool management, sized by the option
        Set<ObjectName> pools = workerPools();
        assertEquals(1, pools.size(), pools.toString());
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName pool = pools.iterator().next();
        assertEquals(3, jmx.getAttribute(pool, "CorePoolSize"));
        assertEquals(3, jmx.getAttribute(pool, "MaximumPoolSize"));
        assertEquals("\"PhoneIncWorker-3\"", pool.getKeyProperty("name"));
        assertEquals("PhoneIncWorker-3", jmx.getAttribute(pool, "ThreadPoolProfileId"));
    }

    @Test
    void aTransactedExchangeRunsOnItsThreadEvenOnAnAsynchronousEndpoint() throws Exception {
        List<String> after = new CopyOnWriteArrayList<>();
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:tx")
                                // what transacted() does for a route with a transaction manager
                                .process(e -> e.getExchangeExtension().setTransacted(true))
                                .to("phoneinc:calls/get?id=c1&synchronous=false")
                                .process(e -> after.add(Thread.currentThread().getName()));
                    }
                });

        List<LogCapture.Line> lines;
        Exchange out;
        try (LogCapture log = LogCapture.start(Level.DEBUG, HEADERS_LOG)) {
            out = template.send("direct:tx", e -> {});
            lines = log.linesFrom(HEADERS_LOG);
        }

        assertNull(out.getException());
        assertEquals("c1", out.getMessage().getBody(Call.class).getId());
        assertEquals(List.of(Thread.currentThread().getName()), after);
        assertTrue(classic(lines), "the classic client sent it: " + lines);
    }

    @Test
    void theBlockingProcessMethodRunsTheCallBeforeItReturns() throws Exception {
        Producer producer =
                context.getEndpoint("phoneinc:calls/get?id=c1&synchronous=false").createProducer();
        producer.start();
        try {
            Exchange exchange = new DefaultExchange(context);
            List<LogCapture.Line> lines;
            try (LogCapture log = LogCapture.start(Level.DEBUG, HEADERS_LOG)) {
                producer.process(exchange); // what Camel's SynchronousDelegateProducer calls
                lines = log.linesFrom(HEADERS_LOG);
            }
            assertNull(exchange.getException());
            assertEquals("c1", exchange.getMessage().getBody(Call.class).getId());
            assertTrue(classic(lines), "the classic client sent it: " + lines);
        } finally {
            producer.stop();
        }
        wireMock.verify(1, getRequestedFor(urlEqualTo("/api/v1/calls/c1")));
    }

    @Test
    void aWorkerPoolOfNoThreadsIsRefusedNamingTheOption() {
        String text =
                routeStartFailure(
                        "direct:none", "phoneinc:calls?synchronous=false&workerPoolSize=0");
        assertTrue(text.contains("workerPoolSize"), text);
    }

    private void addRoute(String from, String to, List<String> after) throws Exception {
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(from).to(to).process(e -> after.add(Thread.currentThread().getName()));
                    }
                });
    }

    /** Whether the header log shows a request sent on a classic-client connection. */
    private static boolean classic(List<LogCapture.Line> lines) {
        return lines.stream()
                .anyMatch(
                        l ->
                                l.text().startsWith("phoneinc-classic-")
                                        && l.text().contains(">> X-Api-Key: xxxxxx"));
    }

    /** The PhoneIncWorker pools of this test's CamelContext, as Camel's JMX shows them. */
    private Set<ObjectName> workerPools() throws Exception {
        return ManagementFactory.getPlatformMBeanServer()
                .queryNames(
                        new ObjectName(
                                "org.apache.camel:context="
                                        + context.getManagementName()
                                        + ",type=threadpools,*"),
                        null)
                .stream()
                .filter(n -> n.getKeyProperty("name").contains("PhoneIncWorker"))
                .collect(Collectors.toSet());
    }
}
