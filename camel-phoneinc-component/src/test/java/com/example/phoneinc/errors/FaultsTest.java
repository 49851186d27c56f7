package com.example.phoneinc.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.TransportModes;
import com.example.phoneinc.api.PhoneIncAmbiguousResultException;
import com.example.phoneinc.api.PhoneIncClientException;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncRetryableException;
import com.example.phoneinc.errorhandling.PhoneIncErrorHandling;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * I/O failures without an HTTP answer: a GET is safe to repeat, a POST that may have reached
 * Phone.inc is ambiguous and never replayed, a request that never left is safe to repeat.
 */
@TransportModes
class FaultsTest extends ErrorTestSupport {

    @Parameter boolean synchronous;

    @Override
    protected boolean synchronous() {
        return synchronous;
    }

    private static final String GET = "phoneinc:calls/get?id=c1&requestTimeout=3000";
    private static final String POST = "phoneinc:contacts/create?requestTimeout=3000";
    private static final String CONTACT =
            "{\"name\":\"Ada Lovelace\",\"phone_number\":\"+14155550101\"}";

    /** Every way a response can go wrong after the request was sent. */
    private static List<ResponseDefinitionBuilder> faults() {
        List<ResponseDefinitionBuilder> faults = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            faults.add(aResponse().withFault(fault));
        }
        return faults;
    }

    private static String name(ResponseDefinitionBuilder response) {
        Fault fault = response.build().getFault();
        return fault != null ? fault.name() : "timeout";
    }

    private void stub(ResponseDefinitionBuilder response) {
        wireMock.resetAll();
        HITS.clear();
        wireMock.stubFor(any(anyUrl()).willReturn(response));
    }

    @Test
    void faultsOnAGetAreRetryableConnectionFailures() {
        for (ResponseDefinitionBuilder fault : faults()) {
            stub(fault);

            Exchange out = sendBounded(GET, null);

            String label = name(fault);
            PhoneIncException e = failure(out, PhoneIncException.class);
            assertSame(PhoneIncConnectionException.class, e.getClass(), label + ": " + e);
            assertInstanceOf(PhoneIncRetryableException.class, e, label);
            assertTrue(e.isRetryable(), label);
            assertTrue(e.isRequestSent(), label);
            assertEquals(0, e.getStatusCode(), label);
            assertEquals("GET", e.getMethod(), label);
            assertEquals("/calls/c1", e.getPath(), label);
            assertNotNull(e.getCause(), label + ": the I/O error is the cause");
            wireMock.verify(1, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void faultsOnAPostAreAmbiguous() {
        for (ResponseDefinitionBuilder fault : faults()) {
            stub(fault);

            Exchange out = sendBounded(POST, CONTACT);

            String label = name(fault);
            PhoneIncException e = failure(out, PhoneIncException.class);
            assertSame(PhoneIncAmbiguousResultException.class, e.getClass(), label + ": " + e);
            assertInstanceOf(PhoneIncClientException.class, e, label);
            assertFalse(e.isRetryable(), label);
            assertTrue(e.isRequestSent(), label);
            assertEquals("POST", e.getMethod(), label);
            assertEquals("/contacts", e.getPath(), label);
            assertTrue(e.getMessage().contains("reconcile"), e.getMessage());
            assertNotNull(e.getCause(), label);
            wireMock.verify(1, anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void readTimeoutOnAGetIsRetryableAndOnAPostAmbiguous() {
        stub(okJson("{\"id\":\"c1\"}").withFixedDelay(5000));

        long start = System.nanoTime();
        Exchange get = sendBounded("phoneinc:calls/get?id=c1&requestTimeout=300", null);
        long getMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Exchange post = sendBounded("phoneinc:contacts/create?requestTimeout=300", CONTACT);
        long postMillis = (System.nanoTime() - start) / 1_000_000;

        PhoneIncException g = failure(get, PhoneIncException.class);
        assertSame(PhoneIncConnectionException.class, g.getClass(), g.toString());
        assertTrue(g.isRetryable());
        assertTrue(g.isRequestSent());
        PhoneIncException p = failure(post, PhoneIncException.class);
        assertSame(PhoneIncAmbiguousResultException.class, p.getClass(), p.toString());
        assertFalse(p.isRetryable());
        assertTrue(p.isRequestSent());
        // ended by requestTimeout (300 ms), not by the server's answer after 5 s
        for (PhoneIncException e : List.of(g, p)) {
            assertTrue(e.getMessage().contains("within 300 ms (requestTimeout)"), e.getMessage());
        }
        assertTrue(getMillis < 4500, "GET waited for the server: " + getMillis + " ms");
        assertTrue(postMillis < 4500, "POST waited for the server: " + postMillis + " ms");
        assertEquals(2, journalHits(), "no automatic retry by the HTTP client");
    }

    @Test
    void refusedConnectionOnAPostWasNotSentAndIsSafeToRetry() {
        String uri =
                "phoneinc:contacts/create?baseUrl=http://127.0.0.1:"
                        + closedPort()
                        + "/api/v1&requestTimeout=3000";

        Exchange out = sendBounded(uri, CONTACT);

        PhoneIncException e = failure(out, PhoneIncException.class);
        assertSame(PhoneIncConnectionException.class, e.getClass(), e.toString());
        assertFalse(e.isRequestSent());
        assertTrue(e.isRetryable());
        assertEquals("POST", e.getMethod());
        assertTrue(e.getMessage().contains("not sent"), e.getMessage());
    }

    @Test
    void shippedRouteConfigurationNeverReplaysAnAmbiguousPost() throws Exception {
        addRetryRoute("direct:create", "phoneinc:contacts/create?requestTimeout=300");
        MockEndpoint dead = getMockEndpoint("mock:dead");
        List<ResponseDefinitionBuilder> failures = faults();
        failures.add(okJson("{\"id\":\"c1\"}").withFixedDelay(1500));
        for (ResponseDefinitionBuilder failure : failures) {
            String label = name(failure);
            stub(failure);
            MockEndpoint.resetMocks(context);
            dead.expectedBodiesReceived(CONTACT);

            sendBounded("direct:create", CONTACT);

            dead.assertIsSatisfied(5, TimeUnit.SECONDS);
            assertEquals(0, getMockEndpoint("mock:ok").getReceivedCounter(), label);
            assertInstanceOf(
                    PhoneIncAmbiguousResultException.class,
                    dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT),
                    label);
            // give a (wrong) redelivery the time to happen before counting
            Thread.sleep(150);
            assertEquals(1, journalHits(), label + ": exactly one POST, never replayed");
        }
    }

    @Test
    void shippedRouteConfigurationRetriesAGet() throws Exception {
        addRetryRoute("direct:get", GET);
        stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);

        sendBounded("direct:get", "in");

        dead.assertIsSatisfied(5, TimeUnit.SECONDS);
        assertEquals(4, journalHits(), "1 + 3 redeliveries");
        assertInstanceOf(
                PhoneIncConnectionException.class,
                dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
    }

    @Test
    void shippedRouteConfigurationRetriesARefusedPost() throws Exception {
        String uri =
                "phoneinc:contacts/create?baseUrl=http://127.0.0.1:" + closedPort() + "/api/v1";
        AtomicInteger attempts = new AtomicInteger();
        context.addRoutes(scaledRouteConfiguration());
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        // counts every attempt, redeliveries included
                        interceptSendToEndpoint("phoneinc:*")
                                .process(e -> attempts.incrementAndGet());
                        from("direct:refused")
                                .routeConfigurationId(PhoneIncErrorHandling.ID)
                                .to(uri)
                                .to("mock:ok");
                    }
                });
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedBodiesReceived(CONTACT);

        sendBounded("direct:refused", CONTACT);

        dead.assertIsSatisfied(5, TimeUnit.SECONDS);
        PhoneIncConnectionException e =
                assertInstanceOf(
                        PhoneIncConnectionException.class,
                        dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
        assertFalse(e.isRequestSent());
        assertEquals(4, attempts.get(), "nothing was sent, so 1 + 3 redeliveries are safe");
    }
}
