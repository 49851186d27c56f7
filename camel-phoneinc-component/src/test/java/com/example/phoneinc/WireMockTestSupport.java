package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Camel context whose {@code phoneinc} component talks to a WireMock server on a random loopback
 * port. Stubs are reset before each test.
 */
public abstract class WireMockTestSupport extends CamelTestSupport {

    protected static final String API_KEY = "phk_TestKey1234567890abcdefghijklmn";
    protected static WireMockServer wireMock;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.resetAll();
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port() + "/api/v1";
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PhoneIncComponent component = new PhoneIncComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(baseUrl());
        component.getConfiguration().setRequestTimeout(5000);
        component.getConfiguration().setSynchronous(synchronous());
        context.addComponent("phoneinc", component);
        return context;
    }

    /**
     * The component's {@code synchronous} option for this test: true (the default) runs calls on
     * the calling thread with the classic HTTP client, false with the async client. Tests of the
     * transport's guarantees run in both modes ({@link TransportModes}).
     */
    protected boolean synchronous() {
        return true;
    }

    /** Sends {@code body} with InOut and returns the exchange (never throws). */
    protected Exchange send(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    /**
     * Adds the route {@code from(from).to(to)}, which must fail to start; returns the messages of
     * the failure and its causes ({@link #chainText}).
     */
    protected String routeStartFailure(String from, String to) {
        Exception e =
                assertThrows(
                        Exception.class,
                        () ->
                                context.addRoutes(
                                        new RouteBuilder() {
                                            @Override
                                            public void configure() {
                                                from(from).to(to);
                                            }
                                        }),
                        "route to " + to + " must not start");
        return chainText(e);
    }

    /** The messages of {@code e} and of each of its causes, one a line. */
    protected static String chainText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    protected static String resource(String path) {
        try (InputStream in = WireMockTestSupport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
