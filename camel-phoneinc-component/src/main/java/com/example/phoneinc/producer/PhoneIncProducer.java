package com.example.phoneinc.producer;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.model.PhoneIncObject;
import com.example.phoneinc.client.PhoneIncClient;
import com.example.phoneinc.client.PhoneIncOperation;
import com.example.phoneinc.client.PhoneIncResponse;
import com.example.phoneinc.client.RequestArguments;
import com.example.phoneinc.client.RequestParameter;
import com.example.phoneinc.client.http.Futures;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds an exchange to a {@link PhoneIncClient} call and back: message headers and endpoint options
 * become the call's arguments, the result becomes the body and output headers, a failure the
 * exchange's exception.
 *
 * <p>Which way the call runs (docs/phoneinc-component.adoc, Threading): on the calling thread with
 * the classic HTTP client when the endpoint is {@code synchronous} (the default), when the exchange
 * is transacted (Camel routes it synchronously on the thread that holds the transaction), or when
 * Camel calls the blocking {@link #process(Exchange)}; otherwise with the async client, holding no
 * thread, and the exchange continues on the worker pool, never on the HTTP client's I/O thread.
 */
public class PhoneIncProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneIncProducer.class);

    private final PhoneIncOperation operation;
    private final Callable<PhoneIncClient> clients;
    private final Callable<Executor> workerPools;
    private final Map<RequestParameter, String> defaults;
    private final boolean rawJson;
    private final boolean throwExceptionOnFailure;
    private final boolean synchronous;
    private PhoneIncClient client;
    private Executor workers;

    /**
     * @param clients makes the client at producer start, when its options are checked
     * @param workerPools gives the pool exchanges continue on after an async call (asked for only
     *     when the endpoint is not synchronous)
     * @param defaults the endpoint options' values of the request parameters
     * @param synchronous whether every call runs on the calling thread
     */
    public PhoneIncProducer(
            Endpoint endpoint,
            PhoneIncOperation operation,
            Callable<PhoneIncClient> clients,
            Callable<Executor> workerPools,
            Map<RequestParameter, String> defaults,
            boolean rawJson,
            boolean throwExceptionOnFailure,
            boolean synchronous) {
        super(endpoint);
        this.operation = operation;
        this.clients = clients;
        this.workerPools = workerPools;
        this.defaults = Map.copyOf(defaults);
        this.rawJson = rawJson;
        this.throwExceptionOnFailure = throwExceptionOnFailure;
        this.synchronous = synchronous;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = clients.call();
        if (!synchronous) {
            workers = workerPools.call();
        }
    }

    /** The caller waits for this exchange: the call runs here, with the classic client. */
    @Override
    public void process(Exchange exchange) {
        RequestArguments args = arguments(exchange);
        if (args != null) {
            complete(exchange, client.executeBlocking(operation, args));
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (synchronous || exchange.isTransacted()) {
            try {
                process(exchange);
            } catch (RuntimeException | Error e) {
                exchange.setException(e);
            }
            callback.done(true);
            return true;
        }
        RequestArguments args = arguments(exchange);
        if (args == null) {
            callback.done(true);
            return true;
        }
        CompletableFuture<PhoneIncResponse> call = client.execute(operation, args);
        if (call.isDone()) {
            // already ended (invalid input, refused by the guard, a very fast answer): this is the
            // calling thread, not an I/O thread, so the exchange goes on here without a hand-off
            complete(exchange, call);
            callback.done(true);
            return true;
        }
        call.whenComplete((response, error) -> continueOnWorker(exchange, call, callback));
        return false;
    }

    /** Called on the HTTP client's I/O thread (or the deadline sweeper's): hand over at once. */
    private void continueOnWorker(
            Exchange exchange, CompletableFuture<PhoneIncResponse> call, AsyncCallback callback) {
        Runnable rest =
                () -> {
                    complete(exchange, call);
                    callback.done(false);
                };
        try {
            workers.execute(rest);
        } catch (RejectedExecutionException e) {
            // only when the worker pool was shut down (the context is stopping): the exchange
            // must still end, so it ends here
            LOG.debug("Phone.inc worker pool shut down; completing the exchange on {}", e);
            rest.run();
        }
    }

    /**
     * The call's arguments, or null when they are invalid: the exchange then holds the exception.
     */
    private RequestArguments arguments(Exchange exchange) {
        Message message = exchange.getMessage();
        // a delay left by an earlier failure would override every delay Camel computes next
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        try {
            return arguments(message);
        } catch (RuntimeException e) {
            exchange.setException(e);
            return null;
        }
    }

    /** Sets the call's outcome on the exchange; never throws. */
    private static void complete(Exchange exchange, CompletableFuture<PhoneIncResponse> call) {
        try {
            PhoneIncResponse response;
            try {
                response = call.join();
            } catch (CompletionException | CancellationException e) {
                fail(exchange, e);
                return;
            }
            reply(exchange.getMessage(), response);
        } catch (RuntimeException | Error e) {
            exchange.setException(e);
        }
    }

    /**
     * Headers override the endpoint options; the body is passed on, converted to text if needed.
     */
    private RequestArguments arguments(Message message) {
        RequestArguments.Builder args =
                RequestArguments.builder()
                        .rawJson(rawJson)
                        .failuresAsReplies(!throwExceptionOnFailure);
        for (RequestParameter p : RequestParameter.values()) {
            Object header = message.getHeader(p.header());
            if (header != null) {
                args.set(p, header.toString(), p.header() + " header");
            } else {
                args.set(p, defaults.get(p), p.option() + " option");
            }
        }
        Object body = message.getBody();
        String text =
                body == null
                                || body instanceof PhoneIncObject
                                || body instanceof Map<?, ?>
                                || body instanceof Collection<?>
                        ? null
                        : message.getBody(String.class);
        args.body(body, text);
        if (operation.isOAuth() && text != null && !text.isBlank()) {
            // the code to exchange or the token to revoke may come as the body
            RequestParameter fromBody =
                    operation == PhoneIncOperation.OAUTH_TOKEN
                            ? RequestParameter.AUTHORIZATION_CODE
                            : RequestParameter.TOKEN;
            if (message.getHeader(fromBody.header()) == null) {
                args.set(fromBody, text, "body");
            }
        }
        return args.build();
    }

    private static void reply(Message message, PhoneIncResponse response) {
        message.setHeader(PhoneIncConstants.RESPONSE_CODE, response.status());
        // output headers of an earlier list call in the same route must not pass for this one's
        message.removeHeader(PhoneIncConstants.LIST_METADATA);
        message.removeHeader(PhoneIncConstants.UNLISTENED_COUNT);
        if (!response.listMetadata().isEmpty()) {
            message.setHeader(PhoneIncConstants.LIST_METADATA, response.listMetadata());
            if (response.unlistenedCount() != null) {
                message.setHeader(PhoneIncConstants.UNLISTENED_COUNT, response.unlistenedCount());
            }
        }
        message.setBody(response.body());
    }

    private static void fail(Exchange exchange, Throwable error) {
        Throwable cause = Futures.cause(error);
        if (cause instanceof PhoneIncException failure && failure.getStatusCode() > 0) {
            exchange.getMessage()
                    .setHeader(PhoneIncConstants.RESPONSE_CODE, failure.getStatusCode());
        }
        if (cause instanceof PhoneIncRateLimitException rateLimit
                && rateLimit.isRetryable()
                && rateLimit.getRetryAfter().isPresent()) {
            // Camel's redelivery waits exactly what Phone.inc asked for
            exchange.getMessage()
                    .setHeader(
                            Exchange.REDELIVERY_DELAY, rateLimit.getRetryAfter().get().toMillis());
        }
        exchange.setException(cause);
    }
}
