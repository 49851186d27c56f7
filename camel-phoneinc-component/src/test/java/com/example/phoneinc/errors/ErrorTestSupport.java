package com.example.phoneinc.errors;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.phoneinc.WireMockTestSupport;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.errorhandling.PhoneIncErrorHandling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared helpers of the error-model tests: a log of the times WireMock received each request, sends
 * that can never hang a test, and routes using the shipped {@link PhoneIncErrorHandling}.
 */
abstract class ErrorTestSupport extends WireMockTestSupport {

    /** One request as WireMock saw it. */
    record Hit(long nanoTime, String method, String url, String apiKey) {}

    /** Longest a single exchange may take in these tests before we call it a hang. */
    static final long EXCHANGE_TIMEOUT_SECONDS = 15;

    static final List<Hit> HITS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void recordHits() {
        // runs after WireMockTestSupport#startWireMock (superclass @BeforeAll methods run first)
        wireMock.addMockServiceRequestListener(
                (request, response) ->
                        HITS.add(
                                new Hit(
                                        System.nanoTime(),
                                        request.getMethod().getName(),
                                        request.getUrl(),
                                        request.getHeader("X-Api-Key"))));
    }

    @BeforeEach
    void clearHits() {
        HITS.clear();
    }

    /**
     * Requests WireMock's journal holds (the request listener behind {@link #HITS} is not told
     * about requests answered with a {@code Fault}).
     */
    static int journalHits() {
        return wireMock.getAllServeEvents().size();
    }

    /** Gaps between consecutive hits, in milliseconds. */
    static List<Double> gapsMillis() {
        List<Hit> hits = new ArrayList<>(HITS);
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < hits.size(); i++) {
            gaps.add((hits.get(i).nanoTime() - hits.get(i - 1).nanoTime()) / 1e6);
        }
        return gaps;
    }

    /** Sends asynchronously and waits a bounded time: a hang fails the test instead of blocking. */
    Exchange sendBounded(String uri, Object body) {
        return await(template.asyncSend(uri, e -> e.getMessage().setBody(body)));
    }

    static Exchange await(Future<Exchange> future) {
        try {
            return future.get(EXCHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "exchange did not complete within " + EXCHANGE_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** The exception the exchange failed with, as the given type. */
    static <T extends Throwable> T failure(Exchange exchange, Class<T> type) {
        Throwable e = exchange.getException();
        if (e == null) {
            e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        assertNotNull(e, "the exchange did not fail");
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("expected a " + type.getName() + " but got " + e, e);
    }

    static PhoneIncException phoneIncFailure(Exchange exchange) {
        return failure(exchange, PhoneIncException.class);
    }

    /** A loopback port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped retry policy, scaled down for tests. */
    static RoutesBuilder scaledRouteConfiguration() {
        return PhoneIncErrorHandling.builder()
                .deadLetterUri("mock:dead")
                .baseDelay(100)
                .maxDelay(1000)
                .jitter(0.1)
                .maximumRedeliveries(3)
                .build();
    }

    /** Adds the scaled route configuration and {@code from(from).to(phoneincUri).to("mock:ok")}. */
    void addRetryRoute(String from, String phoneincUri) throws Exception {
        context.addRoutes(scaledRouteConfiguration());
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(from)
                                .routeConfigurationId(PhoneIncErrorHandling.ID)
                                .to(phoneincUri)
                                .to("mock:ok");
                    }
                });
    }
}
