package com.example.phoneinc.consumer;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.model.PhoneIncJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one Phone.inc webhook delivery ({@code POST {"event": ..., "data": {...}}}) into the event
 * the route gets — the same body and headers as the polling consumer — or refuses it without
 * routing it: a missing or wrong secret token answers 401, a body that is not the delivery JSON
 * 400, an oversized one 413. Events not subscribed to, and duplicates (with an idempotent
 * repository), answer 200 and are not routed either. The secret is checked first, in constant time,
 * and removed from the message before anything else sees it.
 *
 * <p>{@code webhook:phoneinc:events} uses it itself; for manual wiring put it first in an HTTP
 * route: {@code from("platform-http:/hooks/phoneinc").process(processor).to(...)} — a refused
 * delivery stops the route there.
 */
public class PhoneIncWebhookProcessor implements Processor {

    /** The query parameter of the subscription URL that carries the secret. */
    public static final String TOKEN_PARAMETER = "token";

    /** Default largest delivery accepted: far above any documented payload. */
    public static final int DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PhoneIncWebhookProcessor.class);

    private final byte[] secret;
    private final String secretText;
    private final Set<String> events;
    private final int maxBodySize;
    private final IdempotentRepository idempotentRepository;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    /**
     * @param secret the token the subscription URL carries ({@code ?token=...})
     * @param events the event types to route; empty: all
     * @param idempotentRepository skips deliveries whose event key it holds; null: none
     */
    public PhoneIncWebhookProcessor(
            String secret,
            Collection<String> events,
            int maxBodySize,
            IdempotentRepository idempotentRepository) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException(
                    "The webhook secret must have at least 16 characters (webhookSecret option)");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.secretText = secret;
        this.events =
                events.stream()
                        .map(e -> e.strip().toLowerCase(Locale.ROOT))
                        .filter(e -> !e.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        this.maxBodySize = maxBodySize > 0 ? maxBodySize : DEFAULT_MAX_BODY_SIZE;
        this.idempotentRepository = idempotentRepository;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        accept(exchange);
    }

    /**
     * Prepares the exchange for routing; false when it was answered here and must not be routed.
     */
    public boolean accept(Exchange exchange) {
        Message in = exchange.getMessage();
        Object token = in.getHeader(TOKEN_PARAMETER);
        boolean authentic =
                token != null
                        && MessageDigest.isEqual(
                                secret, token.toString().getBytes(StandardCharsets.UTF_8));
        scrub(in);
        if (!authentic) {
            return refuse(exchange, 401, unauthorized, "a missing or wrong secret token");
        }
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBodySize) {
            return refuse(exchange, 413, oversized, "a body of " + declared + " bytes");
        }
        byte[] body = in.getBody(byte[].class);
        if (body != null && body.length > maxBodySize) {
            return refuse(exchange, 413, oversized, "a body of " + body.length + " bytes");
        }
        PhoneIncEvent event;
        try {
            JsonNode delivery = body == null ? null : PhoneIncJson.mapper().readTree(body);
            if (delivery == null
                    || !delivery.path("event").isTextual()
                    || !delivery.path("data").isObject()) {
                return refuse(exchange, 400, malformed, "a body that is not {event, data}");
            }
            event = WebhookEvents.of(delivery.get("event").asText(), delivery.get("data"));
        } catch (Exception notTheDeliveryJson) {
            // the parser's message may quote the body: it is not logged
            return refuse(exchange, 400, malformed, "a body that is not the delivery JSON");
        }
        if (!events.isEmpty() && !events.contains(event.type().toLowerCase(Locale.ROOT))) {
            ignored.incrementAndGet();
            return answer(exchange, 200);
        }
        if (idempotentRepository != null) {
            if (!idempotentRepository.add(exchange, event.key())) {
                duplicates.incrementAndGet();
                LOG.debug("Duplicate Phone.inc delivery of {}: not routed", event.key());
                return answer(exchange, 200);
            }
            String key = event.key();
            exchange.getExchangeExtension()
                    .addOnCompletion(
                            new SynchronizationAdapter() {
                                @Override
                                public void onComplete(Exchange done) {
                                    idempotentRepository.confirm(done, key);
                                }

                                @Override
                                public void onFailure(Exchange failed) {
                                    // Phone.inc delivers it again: it must not be a "duplicate"
                                    idempotentRepository.remove(failed, key);
                                }
                            });
        }
        delivered.incrementAndGet();
        in.setBody(event.body());
        in.setHeader(PhoneIncConstants.EVENT_TYPE, event.type());
        in.setHeader(PhoneIncConstants.RESOURCE_ID, event.resourceId());
        in.setHeader(PhoneIncConstants.EVENT_KEY, event.key());
        return true;
    }

    /** The secret leaves the message before any route step, log or tracer can see it. */
    private void scrub(Message in) {
        in.removeHeader(TOKEN_PARAMETER);
        // headers may hold nulls: no Map.copyOf
        for (Map.Entry<String, Object> h : new ArrayList<>(in.getHeaders().entrySet())) {
            if (h.getValue() != null && h.getValue().toString().contains(secretText)) {
                in.removeHeader(h.getKey()); // CamelHttpQuery, CamelHttpRawQuery, ...
            }
        }
    }

    private boolean refuse(Exchange exchange, int status, AtomicLong counter, String what) {
        long n = counter.incrementAndGet();
        if (n == 1) {
            LOG.warn(
                    "Refused a Phone.inc webhook delivery with {} ({}); further ones are counted"
                            + " and logged at DEBUG",
                    what,
                    status);
        } else {
            LOG.debug("Refused a Phone.inc webhook delivery with {} ({}), #{}", what, status, n);
        }
        return answer(exchange, status);
    }

    private static boolean answer(Exchange exchange, int status) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setBody("");
        exchange.setRouteStop(true);
        return false;
    }

    public long getDelivered() {
        return delivered.get();
    }

    public long getUnauthorized() {
        return unauthorized.get();
    }

    public long getMalformed() {
        return malformed.get();
    }

    public long getOversized() {
        return oversized.get();
    }

    public long getIgnored() {
        return ignored.get();
    }

    public long getDuplicates() {
        return duplicates.get();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "PhoneIncWebhookProcessor[events=" + events + "]";
    }
}
