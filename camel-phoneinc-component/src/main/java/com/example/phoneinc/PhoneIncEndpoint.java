package com.example.phoneinc;

import com.example.phoneinc.client.PhoneIncOperation;
import com.example.phoneinc.client.RequestParameter;
import com.example.phoneinc.client.auth.Pkce;
import com.example.phoneinc.client.auth.Sha256;
import com.example.phoneinc.consumer.PhoneIncPollingConsumer;
import com.example.phoneinc.consumer.PhoneIncWebhookProcessor;
import com.example.phoneinc.consumer.WebhookHandler;
import com.example.phoneinc.consumer.WebhookSubscription;
import com.example.phoneinc.producer.PhoneIncProducer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * Calls the Phone.inc REST API (calls, voicemails, contacts, main numbers, employees, caller
 * context and webhook subscriptions) with typed results and typed, retry-aware errors, and receives
 * new voicemails, calls that reach a state, and contact changes by polling.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "phoneinc",
        title = "Phone.inc",
        syntax = "phoneinc:resource/action",
        remote = true,
        category = {Category.SAAS, Category.API},
        headersClass = PhoneIncConstants.class)
public class PhoneIncEndpoint extends ScheduledPollEndpoint
        implements AsyncEndpoint, EndpointServiceLocation, WebhookCapableEndpoint {

    /** Every event type Phone.inc documents (API.md §6): what a subscription gets by default. */
    static final String ALL_EVENTS =
            "call.initiated,call.outside_opening_hours,call.answered,call.ended,call.lost,"
                    + "call.transcription_done,voicemail.new,contact.created,contact.updated,"
                    + "contact.deleted";

    /** Default time between polls: a voicemail is delivered about half of it after it arrives. */
    static final long DEFAULT_POLL_DELAY = 30_000;

    private final transient PhoneIncOperation operation;

    @UriPath(enums = PhoneIncOperation.RESOURCES)
    @Metadata(
            required = true,
            description =
                    "What to work on, and the actions each resource has (the first is the"
                            + " default; oauth has none): calls (list, get); voicemails (list, get, update);"
                            + " contacts (list, create, get, update, delete); mainNumbers (list,"
                            + " get, update); employees (list, create, get, update, delete);"
                            + " callerContext (get); webhooks (list, create, get, update, delete);"
                            + " events (receive: the events Phone.inc pushes, consumed as"
                            + " webhook:phoneinc:events);"
                            + " request (send: a raw call to any path, with the method and path"
                            + " options); oauth (token: exchange an authorization code for"
                            + " tokens; revoke: revoke a token).")
    private String resource;

    @UriPath(enums = PhoneIncOperation.ACTIONS)
    @Metadata(
            description =
                    "What to do, as the resource supports (see resource for the valid pairs):"
                            + " list, get, create, update, delete; receive for events; send for"
                            + " request; token and revoke for oauth. Defaults to the resource's"
                            + " first action: list, or get for callerContext, receive for events,"
                            + " send for request.")
    private String action;

    @UriParam private PhoneIncConfiguration configuration;

    @UriParam(label = "producer")
    @Metadata(description = "Id of the entry to get, update or delete.")
    private String id;

    @UriParam(label = "producer")
    @Metadata(
            description =
                    "Phone number in E.164 form, a plus sign followed by country code and number such as 14155551234: the number whose calls to list,"
                            + " the contact to find, or the caller to look up with callerContext.")
    private String phoneNumber;

    @UriParam(label = "producer", enums = "inbound,outbound")
    @Metadata(description = "Only list calls of this direction.")
    private String direction;

    @UriParam(label = "producer")
    @Metadata(description = "Only list calls in this state, e.g. ended.")
    private String state;

    @UriParam(label = "producer", javaType = "java.lang.String", enums = "true,false")
    @Metadata(
            description =
                    "For voicemails/update without a body, or with a fetched Voicemail as body:"
                            + " mark the voicemail listened (true) or"
                            + " unlistened (false).")
    private String listened;

    @UriParam(label = "producer", enums = "GET,POST,PUT,PATCH,DELETE")
    @Metadata(description = "HTTP method of the request operation.")
    private String method;

    @UriParam(label = "producer")
    @Metadata(
            description =
                    "Path of the request operation relative to the base URL, e.g. /calls,"
                            + " optionally followed by a question mark and a query string such"
                            + " as state=ended.")
    private String path;

    @UriParam(label = "producer")
    @Metadata(
            description =
                    "Page of a calls or voicemails list to fetch (1 is the first), where Phone.inc"
                            + " pages lists. Phone.inc documents no paging, so leave it unset; the"
                            + " consumers follow a next_page field by themselves if one appears.")
    private Integer page;

    @UriParam(label = "producer", defaultValue = "false")
    @Metadata(
            description =
                    "Return the response body as the JSON text Phone.inc sent instead of typed"
                            + " models, for pass-through routes.")
    private boolean rawJson;

    @UriParam(label = "consumer", defaultValue = "now")
    @Metadata(
            description =
                    "Where a consumer without a saved watermark starts: now (only what appears"
                            + " after its first poll), beginning (everything Phone.inc still lists),"
                            + " or an ISO-8601 instant such as 2026-01-01T00:00:00Z (everything from"
                            + " then on). A saved watermark always wins, so a restart resumes.")
    private String startFrom = "now";

    @UriParam(label = "consumer")
    @Metadata(
            description =
                    "Where the consumer keeps its watermark (how far it got), under a key made of"
                            + " the resource, its filters and a fingerprint of the credential (never"
                            + " the credential itself). Default: in memory, lost on restart. Use a"
                            + " FileStateRepository for one node, a shared store for a cluster.")
    private StateRepository<String, String> watermarkRepository;

    @UriParam(label = "consumer")
    @Metadata(
            description =
                    "Skips events whose event key is already in this repository and adds each"
                            + " processed one: exactly-once processing across restarts and leader"
                            + " changes when the repository is persistent (the same as"
                            + " idempotentConsumer on the CamelPhoneIncEventKey header).")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer")
    @Metadata(
            description =
                    "Most events one poll delivers (0: all); the rest follow at the next poll.")
    private int maxMessagesPerPoll;

    @UriParam(label = "consumer,advanced", defaultValue = "86400000")
    @Metadata(
            description =
                    "For the calls consumer: how long (milliseconds) a call may last and still be"
                            + " delivered when it reaches the state. Calls are ordered by when they"
                            + " started but reach ended later, so the consumer remembers the calls it"
                            + " delivered that started within this window before the newest one.")
    private long callWindow = 86_400_000;

    @UriParam(
            label = "consumer,scheduler",
            defaultValue = "" + DEFAULT_POLL_DELAY,
            javaType = "java.time.Duration")
    @Metadata(
            description =
                    "Milliseconds between polls of a consumer (default 30 s: a new voicemail is"
                            + " delivered about 15 s after it arrives on average). One poll with"
                            + " nothing new costs one request; use the webhook consumer for"
                            + " seconds.")
    private long delay = DEFAULT_POLL_DELAY;

    @UriParam(label = "consumer,webhook", defaultValue = ALL_EVENTS)
    @Metadata(
            description =
                    "For webhook:phoneinc:events: the event types to subscribe to and route,"
                            + " comma separated (e.g. call.ended,voicemail.new). Others are answered"
                            + " 200 and not routed.")
    private String events = ALL_EVENTS;

    @UriParam(label = "consumer,webhook", defaultValue = "camel-phoneinc")
    @Metadata(description = "For webhook:phoneinc:events: the name of the subscription.")
    private String webhookName = "camel-phoneinc";

    @UriParam(label = "consumer,webhook", defaultValue = "delete", enums = "delete,deactivate")
    @Metadata(
            description =
                    "For webhook:phoneinc:events with webhookAutoRegister: what unregistering does"
                            + " to the subscription this endpoint registered: delete it, or"
                            + " deactivate it (active=false) and keep it.")
    private String webhookUnregisterAction = "delete";

    @UriParam(label = "consumer,webhook,advanced", defaultValue = "1048576")
    @Metadata(
            description =
                    "For webhook:phoneinc:events: the largest delivery body (bytes) accepted;"
                            + " larger ones are answered 413 and not routed.")
    private int webhookMaxBodySize = PhoneIncWebhookProcessor.DEFAULT_MAX_BODY_SIZE;

    private transient WebhookConfiguration webhookConfiguration;
    private transient String generatedSecret;
    private transient WebhookSubscription subscription;

    /** Made on first use when watermarkRepository is not set: one per endpoint, in memory. */
    private MemoryStateRepository memoryWatermarks;

    PhoneIncEndpoint(
            String uri,
            PhoneIncComponent component,
            PhoneIncConfiguration configuration,
            PhoneIncOperation operation) {
        super(uri, component);
        this.configuration = configuration;
        this.operation = operation;
        this.resource = operation.resource();
        this.action = operation.action();
        setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public Producer createProducer() {
        if (operation == PhoneIncOperation.EVENTS) {
            throw new IllegalArgumentException(
                    "phoneinc:events receives the events Phone.inc pushes: use it as"
                            + " from(\"webhook:phoneinc:events\"); manage subscriptions with"
                            + " phoneinc:webhooks/...");
        }
        return new PhoneIncProducer(
                this,
                operation,
                () -> getComponent().client(this),
                () -> getComponent().workerPool(configuration.getWorkerPoolSize()),
                defaultArguments(),
                rawJson,
                configuration.isThrowExceptionOnFailure(),
                configuration.isSynchronous());
    }

    /**
     * The endpoint options that give the request parameters' defaults (each overridden per message
     * by its header), read through the generated configurer: no per-parameter code.
     */
    Map<RequestParameter, String> defaultArguments() {
        PropertyConfigurerGetter options =
                (PropertyConfigurerGetter) getComponent().getEndpointPropertyConfigurer();
        Map<RequestParameter, String> defaults = new EnumMap<>(RequestParameter.class);
        for (RequestParameter p : RequestParameter.values()) {
            Object value =
                    p.option() == null ? null : options.getOptionValue(this, p.option(), false);
            if (value != null) {
                defaults.put(p, value.toString());
            }
        }
        return defaults;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation == PhoneIncOperation.EVENTS) {
            throw new IllegalArgumentException(
                    "phoneinc:events is consumed through the webhook component:"
                            + " from(\"webhook:phoneinc:events?...\")");
        }
        if (!PhoneIncPollingConsumer.canPoll(operation)) {
            throw new IllegalArgumentException(
                    "phoneinc:"
                            + operation.uriName()
                            + " cannot be consumed: use from(\"phoneinc:voicemails\"),"
                            + " from(\"phoneinc:calls\") or"
                            + " from(\"phoneinc:contacts\")");
        }
        Map<RequestParameter, String> filters = defaultArguments();
        filters.remove(RequestParameter.PAGE);
        if (operation == PhoneIncOperation.CALLS_LIST) {
            filters.putIfAbsent(RequestParameter.STATE, "ended");
        }
        // a consumer has no message to override a filter with: a wrong one fails the route's
        // start, not every poll
        filters.forEach(
                (p, value) -> {
                    if (p.canonical(value) == null) {
                        throw new IllegalArgumentException(
                                "Invalid "
                                        + p.option()
                                        + " option of the "
                                        + resource
                                        + " consumer: must be "
                                        + String.join(" or ", p.allowed()));
                    }
                });
        PhoneIncPollingConsumer consumer =
                new PhoneIncPollingConsumer(
                        this,
                        processor,
                        new PhoneIncPollingConsumer.Settings(
                                operation,
                                () -> getComponent().client(this),
                                filters,
                                startFrom,
                                Duration.ofMillis(
                                        operation == PhoneIncOperation.CALLS_LIST
                                                ? Math.max(0, callWindow)
                                                : 0),
                                watermarkRepository != null
                                        ? watermarkRepository
                                        : memoryWatermarks(),
                                watermarkKey(filters),
                                idempotentRepository));
        consumer.setMaxMessagesPerPoll(maxMessagesPerPoll);
        configureConsumer(consumer);
        return consumer;
    }

    // ---------------------------------------------------------------- webhook:phoneinc:events

    @Override
    public Processor createWebhookHandler(Processor next) {
        return new WebhookHandler(webhookProcessor(), next);
    }

    /** The processor that checks and binds deliveries, with this endpoint's options. */
    public PhoneIncWebhookProcessor webhookProcessor() {
        return new PhoneIncWebhookProcessor(
                secret(), eventList(), webhookMaxBodySize, idempotentRepository);
    }

    @Override
    public synchronized void registerWebhook() throws Exception {
        if (operation != PhoneIncOperation.EVENTS) {
            throw new IllegalArgumentException(
                    "Only phoneinc:events can be used with webhook:, not phoneinc:"
                            + operation.uriName());
        }
        subscription =
                new WebhookSubscription(
                        getComponent().client(this),
                        webhookConfiguration.computeFullExternalUrl(),
                        secret(),
                        webhookName,
                        eventList());
        subscription.register();
    }

    @Override
    public synchronized void unregisterWebhook() throws Exception {
        if (subscription != null) {
            subscription.unregister(webhookUnregisterAction.equalsIgnoreCase("deactivate"));
        }
    }

    /** The id of the subscription this endpoint registered, or null. */
    public String getWebhookSubscriptionId() {
        return subscription == null ? null : subscription.id();
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    public WebhookConfiguration getWebhookConfiguration() {
        return webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    private List<String> eventList() {
        return Arrays.stream(events.split(","))
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .toList();
    }

    /** The configured secret, or one generated for this endpoint's lifetime. */
    private synchronized String secret() {
        String webhookSecret = configuration.getWebhookSecret();
        if (webhookSecret != null && !webhookSecret.isBlank()) {
            return webhookSecret.strip();
        }
        if (generatedSecret == null) {
            generatedSecret = Pkce.newVerifier(); // 256 random bits, URL-safe
        }
        return generatedSecret;
    }

    private synchronized MemoryStateRepository memoryWatermarks() {
        if (memoryWatermarks == null) {
            memoryWatermarks = new MemoryStateRepository();
        }
        return memoryWatermarks;
    }

    /**
     * The watermark's key: resource, filters and the credential's fingerprint — the same on every
     * node of a cluster, different for another company's key, and never the secret itself.
     */
    String watermarkKey(Map<RequestParameter, String> filters) {
        PhoneIncConfiguration c = configuration;
        String credential =
                c.getApiKey() != null && !c.getApiKey().isBlank()
                        ? "apiKey " + c.getApiKey().strip()
                        : "oauth "
                                + c.getClientId()
                                + " "
                                + (c.getTokenStore() != null
                                        ? c.getTokenStore().toString()
                                        : c.getRefreshToken() + " " + c.getAccessToken());
        StringBuilder key = new StringBuilder("phoneinc.").append(resource);
        filters.forEach((p, v) -> key.append('.').append(p.option()).append('-').append(v));
        return key.append('.')
                .append(Sha256.fingerprint(c.getBaseUrl() + " " + credential))
                .toString()
                .replaceAll("[=\\s]", "_");
    }

    @Override
    public PhoneIncComponent getComponent() {
        return (PhoneIncComponent) super.getComponent();
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    PhoneIncOperation getOperation() {
        return operation;
    }

    public PhoneIncConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(PhoneIncConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getResource() {
        return resource;
    }

    public String getAction() {
        return action;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    /**
     * A {@code +} written in an endpoint URI query arrives here decoded as a space ({@code
     * phoneNumber=+1415...} is form-encoding for " 1415..."); a number cannot start with a space,
     * so the {@code +} is restored.
     */
    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber =
                phoneNumber != null && phoneNumber.matches(" [0-9].*")
                        ? "+" + phoneNumber.substring(1)
                        : phoneNumber;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getListened() {
        return listened;
    }

    /**
     * {@code true} or {@code false}; a string so that the catalog shows no default (unset means
     * "not given", and Camel's catalog would show {@code false} for a Boolean).
     */
    public void setListened(String listened) {
        String v = listened == null ? null : listened.strip();
        if (v != null && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(
                    "Invalid listened option: use true or false (unset: not given)");
        }
        this.listened = v == null ? null : v.toLowerCase(java.util.Locale.ROOT);
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public String getStartFrom() {
        return startFrom;
    }

    /**
     * {@code now}, {@code beginning} or an ISO-8601 instant; checked here, at endpoint creation.
     */
    public void setStartFrom(String startFrom) {
        String v = startFrom == null ? "now" : startFrom.strip();
        if (!v.equalsIgnoreCase("now") && !v.equalsIgnoreCase("beginning")) {
            try {
                java.time.Instant.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "Invalid startFrom option: use now, beginning or an ISO-8601 instant such"
                                + " as 2026-01-01T00:00:00Z");
            }
        }
        this.startFrom = v;
    }

    public StateRepository<String, String> getWatermarkRepository() {
        return watermarkRepository;
    }

    public void setWatermarkRepository(StateRepository<String, String> watermarkRepository) {
        this.watermarkRepository = watermarkRepository;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public long getCallWindow() {
        return callWindow;
    }

    public void setCallWindow(long callWindow) {
        this.callWindow = callWindow;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getWebhookName() {
        return webhookName;
    }

    public void setWebhookName(String webhookName) {
        this.webhookName = webhookName;
    }

    public String getWebhookUnregisterAction() {
        return webhookUnregisterAction;
    }

    public void setWebhookUnregisterAction(String webhookUnregisterAction) {
        this.webhookUnregisterAction = webhookUnregisterAction;
    }

    public int getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    public void setWebhookMaxBodySize(int webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public boolean isRawJson() {
        return rawJson;
    }

    public void setRawJson(boolean rawJson) {
        this.rawJson = rawJson;
    }
}
