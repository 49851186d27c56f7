package com.example.phoneinc.consumer;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.client.PhoneIncClient;
import com.example.phoneinc.client.PhoneIncOperation;
import com.example.phoneinc.client.PhoneIncResponse;
import com.example.phoneinc.client.RequestArguments;
import com.example.phoneinc.client.RequestParameter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("phoneinc:voicemails")}, {@code from("phoneinc:calls")}, {@code
 * from("phoneinc:contacts")}: polls the list, drains every page, and delivers what is new since the
 * {@link Watermark}, oldest first, one exchange at a time. The watermark advances only after an
 * exchange completed without exception; the first failure ends the batch, and that event comes
 * again at the next poll. A poll that fails (no answer, 5xx, 429, 401) throws, so Camel's scheduler
 * counts it (backoffErrorThreshold, health check) and nothing is skipped.
 */
public class PhoneIncPollingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneIncPollingConsumer.class);

    /** The exchange property carrying the event being delivered. */
    private static final String EVENT = "CamelPhoneIncEvent";

    /** Far more pages than Phone.inc lists hold; a bound so a broken next_page cannot loop. */
    static final int MAX_PAGES = 1000;

    /**
     * What the endpoint gives the consumer.
     *
     * @param operation the list operation polled: one that {@link #canPoll} accepts
     */
    public record Settings(
            PhoneIncOperation operation,
            Callable<PhoneIncClient> clients,
            Map<RequestParameter, String> filters,
            String startFrom,
            Duration window,
            StateRepository<String, String> watermarkRepository,
            String watermarkKey,
            IdempotentRepository idempotentRepository) {}

    private final PolledResource resource;
    private final Settings settings;
    private PhoneIncClient client;
    private volatile Watermark watermark;
    private boolean startedRepository;
    private boolean failing;

    public PhoneIncPollingConsumer(Endpoint endpoint, Processor processor, Settings settings) {
        super(endpoint, processor);
        this.resource = PolledResource.of(settings.operation());
        if (resource == null) {
            throw new IllegalArgumentException(
                    "phoneinc:" + settings.operation().uriName() + " cannot be polled");
        }
        this.settings = settings;
    }

    /** Whether {@code from("phoneinc:...")} of this operation polls something. */
    public static boolean canPoll(PhoneIncOperation operation) {
        return PolledResource.of(operation) != null;
    }

    @Override
    protected void doStart() throws Exception {
        client = settings.clients().call();
        StateRepository<String, String> repo = settings.watermarkRepository();
        // started here, as the Kafka consumer does with its offsetRepository: under master: a new
        // leader loads the shared store when it takes over
        if (!ServiceHelper.isStarted(repo)) {
            ServiceHelper.startService(repo);
            startedRepository = true;
        }
        ServiceHelper.startService(settings.idempotentRepository());
        String saved = repo.getState(settings.watermarkKey());
        watermark =
                saved != null
                        ? Watermark.fromJson(saved, settings.window())
                        : initial(settings.startFrom(), settings.window());
        LOG.debug("Phone.inc {} consumer starts from {}", resource, watermark);
        if (getExceptionHandler() instanceof LoggingExceptionHandler) {
            setExceptionHandler(new OncePerStreak(getExceptionHandler()));
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (startedRepository) {
            ServiceHelper.stopService(settings.watermarkRepository());
            startedRepository = false;
        }
    }

    /** null for {@code now}: the first poll sets the baseline from what is there. */
    private static Watermark initial(String startFrom, Duration window) {
        String from = startFrom == null ? "now" : startFrom.strip();
        if (from.equalsIgnoreCase("now")) {
            return null;
        }
        if (from.equalsIgnoreCase("beginning")) {
            return new Watermark(Instant.EPOCH, window);
        }
        return new Watermark(Instant.parse(from), window);
    }

    @Override
    protected int poll() throws Exception {
        List<PhoneIncEvent> events;
        try {
            events = fetch();
        } catch (PhoneIncException e) {
            if (e instanceof PhoneIncAuthenticationException) {
                addLastErrorDetail("phoneinc.invalid.credential", true);
            }
            addLastErrorDetail("phoneinc.retryable", e.isRetryable());
            throw e;
        }
        failing = false;
        forceConsumerAsReady();
        if (watermark == null) {
            watermark = Watermark.baseline(events, settings.window());
            save();
            LOG.debug("Phone.inc {} consumer baseline: {}", resource, watermark);
            return 0;
        }
        List<PhoneIncEvent> fresh = new ArrayList<>();
        for (PhoneIncEvent e : events) {
            if (watermark.isNew(e)) {
                fresh.add(e);
            }
        }
        fresh.sort(
                Comparator.comparing(PhoneIncEvent::occurredAt)
                        .thenComparing(PhoneIncEvent::resourceId));
        Queue<Object> exchanges = new LinkedList<>();
        for (PhoneIncEvent e : fresh) {
            exchanges.add(exchange(e));
        }
        return processBatch(exchanges);
    }

    /** Every page of the list, then every item as an event. */
    private List<PhoneIncEvent> fetch() throws Exception {
        List<PhoneIncEvent> events = new ArrayList<>();
        Object page = null;
        for (int n = 0; n < MAX_PAGES; n++) {
            RequestArguments.Builder args = RequestArguments.builder();
            settings.filters().forEach((p, v) -> args.set(p, v, p.option() + " option"));
            if (page != null) {
                args.set(RequestParameter.PAGE, page.toString(), "next_page of the list");
            }
            // the poll thread waits anyway: the classic client on this thread, no hand-offs
            PhoneIncResponse response = client.executeAndWait(resource.operation(), args.build());
            if (response.body() instanceof List<?> items) {
                for (Object item : items) {
                    events.add(resource.event(item));
                }
            }
            page = response.listMetadata().get("next_page");
            if (!(page instanceof Number || page instanceof String s && !s.isBlank())) {
                return events;
            }
        }
        LOG.warn(
                "Phone.inc {} list still had a next_page after {} pages; delivering what was read",
                resource,
                MAX_PAGES);
        return events;
    }

    private Exchange exchange(PhoneIncEvent event) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(event.body());
        exchange.getMessage().setHeader(PhoneIncConstants.EVENT_TYPE, event.type());
        exchange.getMessage().setHeader(PhoneIncConstants.RESOURCE_ID, event.resourceId());
        exchange.getMessage().setHeader(PhoneIncConstants.EVENT_KEY, event.key());
        exchange.setProperty(EVENT, event);
        return exchange;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        if (maxMessagesPerPoll > 0 && total > maxMessagesPerPoll) {
            total = maxMessagesPerPoll;
        }
        int processed = 0;
        try {
            for (int index = 0; index < total && isBatchAllowed(); index++) {
                Exchange exchange = ObjectHelper.cast(Exchange.class, exchanges.poll());
                exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
                exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
                pendingExchanges = total - index - 1;
                try {
                    if (!deliver(exchange)) {
                        break; // redelivered at the next poll, with everything after it
                    }
                    processed++;
                } finally {
                    releaseExchange(exchange, false);
                }
            }
        } finally {
            pendingExchanges = 0;
            for (Object left; (left = exchanges.poll()) != null; ) {
                releaseExchange((Exchange) left, false);
            }
        }
        return processed;
    }

    /** Processes one event; true when it completed without exception and the mark moved. */
    private boolean deliver(Exchange exchange) throws Exception {
        PhoneIncEvent event = exchange.getProperty(EVENT, PhoneIncEvent.class);
        IdempotentRepository seen = settings.idempotentRepository();
        if (seen != null && !seen.add(exchange, event.key())) {
            LOG.debug("Phone.inc event {} already processed: skipped", event.key());
            advance(event);
            return true;
        }
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            if (seen != null) {
                seen.remove(exchange, event.key());
            }
            getExceptionHandler()
                    .handleException(
                            "Processing Phone.inc event "
                                    + event.type()
                                    + " "
                                    + event.resourceId()
                                    + " failed; it is delivered again at the next poll",
                            exchange,
                            exchange.getException());
            return false;
        }
        if (seen != null) {
            seen.confirm(exchange, event.key());
        }
        advance(event);
        return true;
    }

    private void advance(PhoneIncEvent event) {
        watermark.advance(event);
        save();
    }

    private void save() {
        settings.watermarkRepository().setState(settings.watermarkKey(), watermark.toJson());
    }

    /** The watermark as it is now, for tests and JMX-style inspection. */
    public String watermark() {
        return watermark == null ? null : watermark.toString();
    }

    /**
     * Camel's default handler logs every failed poll; during an outage that is one WARN per poll.
     * This logs the first failure of a streak at WARN and the rest at DEBUG, until a poll works.
     */
    private final class OncePerStreak implements ExceptionHandler {
        private final ExceptionHandler delegate;

        OncePerStreak(ExceptionHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            if (exchange != null) {
                delegate.handleException(message, exchange, exception); // a failed event: always
            } else if (!failing) {
                failing = true;
                LOG.warn(
                        "{} (further failures are logged at DEBUG until a poll succeeds): {}",
                        message,
                        exception.toString());
            } else {
                LOG.debug("{}: {}", message, exception.toString());
            }
        }
    }
}
