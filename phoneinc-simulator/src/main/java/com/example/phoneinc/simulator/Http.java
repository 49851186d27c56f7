package com.example.phoneinc.simulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Response helpers. */
final class Http {

    static final CharSequence CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
    static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");

    private Http() {}

    static void send(RoutingContext ctx, int status, byte[] body) {
        ctx.response().setStatusCode(status).putHeader(CONTENT_TYPE, JSON).end(Buffer.buffer(body));
    }

    static void error(RoutingContext ctx, int status, String message) {
        send(ctx, status, Json.error(message));
    }

    static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }
}
