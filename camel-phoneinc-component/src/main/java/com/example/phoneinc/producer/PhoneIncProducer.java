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
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Binds an exchange to a {@link PhoneIncClient} call and back: message headers and endpoint options
 * become the call's arguments, the result becomes the body and output headers, a failure the
 * exchange's exception. The call itself holds no Camel thread.
 */
public class PhoneIncProducer extends DefaultAsyncProducer {

    private final PhoneIncOperation operation;
    private final Callable<PhoneIncClient> clients;
    private final Map<RequestParameter, String> defaults;
    private final boolean rawJson;
    private final boolean throwExceptionOnFailure;
    private PhoneIncClient client;

    /**
     * @param clients makes the client at producer start, when its options are checked
     * @param defaults the endpoint options' values of the request parameters
     */
    public PhoneIncProducer(
            Endpoint endpoint,
            PhoneIncOperation operation,
            Callable<PhoneIncClient> clients,
            Map<RequestParameter, String> defaults,
            boolean rawJson,
            boolean throwExceptionOnFailure) {
        super(endpoint);
        this.operation = operation;
        this.clients = clients;
        this.defaults = Map.copyOf(defaults);
        this.rawJson = rawJson;
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = clients.call();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        // a delay left by an earlier failure would override every delay Camel computes next
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        RequestArguments args;
        try {
            args = arguments(message);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        client.execute(operation, args)
                .whenComplete(
                        (response, error) -> {
                            try {
                                if (error != null) {
                                    fail(exchange, error);
                                } else {
                                    reply(message, response);
                                }
                            } catch (RuntimeException | Error e) {
                                exchange.setException(e);
                            } finally {
                                callback.done(false);
                            }
                        });
        return false;
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
        Throwable cause =
                error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
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
