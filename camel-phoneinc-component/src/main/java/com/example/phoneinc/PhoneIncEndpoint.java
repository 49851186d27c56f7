package com.example.phoneinc;

import com.example.phoneinc.client.PhoneIncOperation;
import com.example.phoneinc.client.RequestParameter;
import com.example.phoneinc.producer.PhoneIncProducer;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Calls the Phone.inc REST API: calls, voicemails, contacts, main numbers, employees, caller
 * context and webhook subscriptions, with typed results and typed, retry-aware errors.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = "phoneinc",
        title = "Phone.inc",
        syntax = "phoneinc:resource/action",
        producerOnly = true,
        remote = true,
        category = {Category.SAAS, Category.API},
        headersClass = PhoneIncConstants.class)
public class PhoneIncEndpoint extends DefaultEndpoint
        implements AsyncEndpoint, EndpointServiceLocation {

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
                            + " request (send: a raw call to any path, with the method and path"
                            + " options); oauth (token: exchange an authorization code for"
                            + " tokens; revoke: revoke a token).")
    private String resource;

    @UriPath(enums = PhoneIncOperation.ACTIONS)
    @Metadata(
            description =
                    "What to do, as the resource supports (see resource for the valid pairs):"
                            + " list, get, create, update, delete; send for request; token and"
                            + " revoke for oauth. Defaults to the resource's first action: list,"
                            + " or get for callerContext, send for request.")
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

    @UriParam(label = "producer", defaultValue = "false")
    @Metadata(
            description =
                    "Return the response body as the JSON text Phone.inc sent instead of typed"
                            + " models, for pass-through routes.")
    private boolean rawJson;

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
    }

    @Override
    public Producer createProducer() {
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
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(
                "The phoneinc component has no consumer yet; use it in to(...)");
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

    public boolean isRawJson() {
        return rawJson;
    }

    public void setRawJson(boolean rawJson) {
        this.rawJson = rawJson;
    }
}
