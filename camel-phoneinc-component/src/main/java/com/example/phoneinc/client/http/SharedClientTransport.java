package com.example.phoneinc.client.http;

import java.util.function.Supplier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpRequest;

/**
 * What both transports share: the HTTP client they send with (asked for on the first send, so an
 * endpoint that never sends one way never makes that client), the sweeper that ends hung calls, the
 * deadline, the body bound, and what every request carries besides its own content.
 *
 * @param <C> the Apache HttpClient 5 client type: async or classic
 */
abstract class SharedClientTransport<C> implements Transport {

    final DeadlineSweeper sweeper;
    final long deadlineMillis;
    final int maxResponseSize;
    private final Supplier<C> clients;
    private volatile C client;

    /**
     * @param clients gives the (shared) client on first use
     * @param deadlineMillis the longest one request may take before the sweeper ends it
     */
    SharedClientTransport(
            Supplier<C> clients,
            DeadlineSweeper sweeper,
            long deadlineMillis,
            int maxResponseSize) {
        this.clients = clients;
        this.sweeper = sweeper;
        this.deadlineMillis = deadlineMillis;
        this.maxResponseSize = maxResponseSize;
    }

    @Override
    public final long requestTimeoutMillis() {
        return deadlineMillis;
    }

    /** The client, made on first use. */
    final C client() {
        C c = client;
        if (c == null) {
            c = clients.get();
            client = c;
        }
        return c;
    }

    /**
     * The headers every request carries: its credential (masked even in a user-supplied client's
     * header log), if any, and {@code Accept}.
     */
    static void addHeaders(HttpRequest request, Credential credential) {
        if (credential != null) {
            request.addHeader(
                    new HttpClientFactory.MaskedHeader(credential.header(), credential.value()));
        }
        request.addHeader("Accept", "application/json");
    }

    /** The content type of a request's body: a form for the OAuth endpoints, else JSON. */
    static ContentType contentType(PreparedRequest call) {
        return PreparedRequest.FORM.equals(call.contentType())
                ? ContentType.create(PreparedRequest.FORM)
                : ContentType.APPLICATION_JSON;
    }
}
