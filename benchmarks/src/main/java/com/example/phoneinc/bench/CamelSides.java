package com.example.phoneinc.bench;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.PhoneIncJson;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The Camel sides, in one CamelContext with default settings:
 *
 * <ul>
 *   <li>{@code phoneinc:calls?phoneNumber=+14155550101} called with a {@link ProducerTemplate}:
 *       default options, so synchronous (the classic client on the calling thread);
 *   <li>the same endpoint behind {@code direct:phoneinc} (the route a user writes with the
 *       connector);
 *   <li>both again with {@code synchronous=false} (async client, worker pool);
 *   <li>{@code direct:camel-http}: the route a user writes without it: {@code
 *       setHeader("X-Api-Key")} + {@code toD("http://...")} + {@code unmarshal} with Jackson,
 *       camel-http with its defaults.
 * </ul>
 *
 * The template runs with {@code threadedAsyncMode=false}, so its async methods start the exchange
 * on the calling thread instead of handing it to the template's own thread pool.
 */
final class CamelSides implements AutoCloseable {

    /** As a user writes it: default options, so synchronous (classic client, calling thread). */
    static final String PHONEINC_URI = "phoneinc:calls?phoneNumber=+14155550101";

    /** The async mode: async client, the exchange continuing on the component's worker pool. */
    static final String PHONEINC_ASYNC_URI = PHONEINC_URI + "&synchronous=false";

    private final CamelContext context;
    private final ProducerTemplate template;
    private final Endpoint phoneinc;
    private final Endpoint phoneincRoute;
    private final Endpoint phoneincAsync;
    private final Endpoint phoneincAsyncRoute;
    private final Endpoint camelHttpRoute;

    /**
     * @param httpConnectionsPerRoute camel-http's pool per route, or 0 for its default (20)
     */
    CamelSides(String baseUrl, int httpConnectionsPerRoute) throws Exception {
        context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(5);
        PhoneIncComponent component = new PhoneIncComponent();
        component.getConfiguration().setApiKey(CannedServer.API_KEY);
        component.getConfiguration().setBaseUrl(baseUrl);
        context.addComponent("phoneinc", component);
        if (httpConnectionsPerRoute > 0) {
            HttpComponent http = new HttpComponent();
            http.setConnectionsPerRoute(httpConnectionsPerRoute);
            http.setMaxTotalConnections(Math.max(200, httpConnectionsPerRoute));
            context.addComponent("http", http);
        }
        // RAW(): without it camel-http sends the + as a space (or %2B as %252B): a 400 here
        String callsUri = baseUrl + "/calls?phone_number=RAW(" + CannedServer.PHONE + ")";
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:phoneinc").to(PHONEINC_URI);
                        from("direct:phoneinc-async").to(PHONEINC_ASYNC_URI);

                        from("direct:camel-http")
                                .setHeader("X-Api-Key", constant(CannedServer.API_KEY))
                                .toD(callsUri)
                                .unmarshal(
                                        new JacksonDataFormat(
                                                PhoneIncJson.mapper(), CallsPage.class));
                    }
                });
        context.start();
        template = context.createProducerTemplate();
        template.setThreadedAsyncMode(false);
        phoneinc = context.getEndpoint(PHONEINC_URI);
        phoneincRoute = context.getEndpoint("direct:phoneinc");
        phoneincAsync = context.getEndpoint(PHONEINC_ASYNC_URI);
        phoneincAsyncRoute = context.getEndpoint("direct:phoneinc-async");
        camelHttpRoute = context.getEndpoint("direct:camel-http");
    }

    /** {@code phoneinc:calls} via ProducerTemplate (endpoint resolved once), default options. */
    Side phoneinc() {
        return side(PerformanceHarness.P1_SIDE, phoneinc);
    }

    /** {@code from("direct:phoneinc").to("phoneinc:calls...")}, default options. */
    Side phoneincRoute() {
        return side(PerformanceHarness.P2_SIDE, phoneincRoute);
    }

    /** {@code phoneinc:calls...&synchronous=false} via ProducerTemplate. */
    Side phoneincAsync() {
        return side(PerformanceHarness.P1_ASYNC_SIDE, phoneincAsync);
    }

    /** {@code from("direct:phoneinc-async").to("phoneinc:calls...&synchronous=false")}. */
    Side phoneincAsyncRoute() {
        return side(PerformanceHarness.P2_ASYNC_SIDE, phoneincAsyncRoute);
    }

    /** {@code setHeader + toD(http) + unmarshal}, camel-http defaults or the given pool. */
    Side camelHttpRoute(String name) {
        return new Side() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean raw() {
                return false;
            }

            @Override
            public List<Call> call() {
                return template.requestBody(camelHttpRoute, null, CallsPage.class).calls;
            }
        };
    }

    /**
     * The async-mode phoneinc route started without waiting: holds no thread in flight, completes
     * on the component's worker pool.
     */
    CompletableFuture<List<Call>> phoneincRouteAsync() {
        Exchange exchange = phoneincAsyncRoute.createExchange(ExchangePattern.InOut);
        return template.asyncSend(phoneincAsyncRoute, exchange).thenApply(CamelSides::calls);
    }

    ProducerTemplate template() {
        return template;
    }

    @SuppressWarnings("unchecked")
    static List<Call> calls(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
        List<Call> calls = (List<Call>) exchange.getMessage().getBody(List.class);
        if (calls == null) {
            // the dead-letter channel keeps what failed it
            Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            throw new IllegalStateException(
                    "no calls list: the exchange was dead-lettered, after " + caught, caught);
        }
        return calls;
    }

    private Side side(String name, Endpoint endpoint) {
        return new Side() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean raw() {
                return false;
            }

            @Override
            @SuppressWarnings("unchecked")
            public List<Call> call() {
                return template.requestBody(endpoint, null, List.class);
            }
        };
    }

    @Override
    public void close() throws Exception {
        template.stop();
        context.stop();
        // let the stopped pools' threads die before the next phase counts threads
        TimeUnit.MILLISECONDS.sleep(100);
    }
}
