package com.example.phoneinc.springboot;

import com.example.phoneinc.PhoneIncConfiguration;
import com.example.phoneinc.auth.PhoneIncTokenStore;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.phoneinc.*} properties: one per option of the component, with the
 * catalog's description as Javadoc (spring-boot-configuration-processor turns it into the IDE
 * completion text). {@code StarterCatalogDriftTest} fails when an option of the catalog has no
 * property here, or its type, default or description differs.
 *
 * <p>Fields have no initializers on purpose: only the properties a user sets are copied onto the
 * component, so the component's own defaults apply to the rest and a {@code configuration} bean or
 * a component configured in Java is not overwritten with defaults. The defaults IDEs show come from
 * {@code META-INF/additional-spring-configuration-metadata.json} (checked against the catalog by
 * the same test).
 *
 * <p>Written by hand in the shape Camel's generator gives its own starters (the generator cannot be
 * used for a third-party group). Object options take a bean: {@code #bean:name} (or a plain name)
 * for a Spring bean, {@code #class:...} or {@code #type:...} as in Camel's property binding; see
 * {@link PhoneIncComponentConverter}.
 */
@ConfigurationProperties(prefix = "camel.component.phoneinc")
public class PhoneIncComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the phoneinc component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * Base URL of the Phone.inc REST API. Change it only for a proxy, a test server or the
     * Phone.inc simulator. Plain http:// is refused unless the host is loopback or
     * allowInsecureHttp is set.
     */
    private String baseUrl;

    /** Default options of every phoneinc endpoint. */
    private PhoneIncConfiguration configuration;

    /**
     * Region (ISO 3166 code such as US or DK) used to turn national phone numbers like (415)
     * 555-1234 into E.164 before sending. Without it, only E.164 numbers are accepted.
     */
    private String defaultRegion;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any
     * exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming
     * messages, or the likes, will now be processed as a message and handled by the routing Error
     * Handler. Important: This is only possible if the 3rd party component allows Camel to be
     * alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel
     * component to hook into the 3rd party component and make this possible for future releases. By
     * default the consumer will use the org.apache.camel.spi.ExceptionHandler to deal with
     * exceptions, that will be logged at WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler;

    /** Used for enabling or disabling all consumer based health checks from this component */
    private Boolean healthCheckConsumerEnabled;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice:
     * Camel has by default disabled all producer based health-checks. You can turn on producer
     * checks globally by setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * For webhook:phoneinc:events: the secret token (at least 16 characters) the subscription URL
     * carries as query parameter token; deliveries without it are answered 401 and never routed.
     * Generated per start when not given: set it in production (on the component, from the
     * environment) so a restart keeps the URL.
     */
    private String webhookSecret;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can
     * use this to allow CamelContext and routes to startup in situations where a producer may
     * otherwise fail during starting and cause the route to fail being started. By deferring this
     * startup to be lazy then the startup failure can be handled during routing messages via
     * Camel's routing error handlers. Beware that when the first message is processed then creating
     * and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;

    /**
     * Whether a non-2xx answer fails the exchange with a typed PhoneIncException. When false, the
     * status goes to the CamelHttpResponseCode header and the raw response body becomes the message
     * body.
     */
    private Boolean throwExceptionOnFailure;

    /**
     * Longest Retry-After (milliseconds) the component asks Camel's redelivery to wait after a 429.
     * A longer wait makes the PhoneIncRateLimitException non-retryable, so the exchange goes to the
     * dead-letter channel instead of holding it for longer.
     */
    private Long maxRetryAfter;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must
     * be marked as autowired) by looking up in the registry to find if there is a single instance
     * of matching type, which then gets configured on the component. This can be used for automatic
     * configuring JDBC data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /** Timeout (milliseconds) for opening a connection. */
    private Integer connectTimeout;

    /**
     * A custom Apache HttpClient 5 async client to use instead of the component's own, for every
     * call (with synchronous=true the calling thread waits for its answer). It must have automatic
     * retries disabled: the Camel error handler is the only retry layer. Not closed by the
     * component.
     */
    private CloseableHttpAsyncClient httpClient;

    /**
     * Most connections kept open to Phone.inc, which is also the most calls in flight at once; more
     * wait for a free connection. The synchronous and the asynchronous way of calling each have a
     * pool of this size, made on first use.
     */
    private Integer maxConnections;

    /**
     * Whether the call runs on the calling thread with the classic (blocking) Apache HttpClient 5,
     * and the route continues on that same thread (true, the default: the fastest way for the usual
     * caller, which waits for the exchange anyway: a ProducerTemplate request, direct,
     * platform-http, JMS, Kafka or a timer). Set false for routes that keep many calls in flight
     * without a thread each (asyncSend, a large fan-out): the call then goes to the async client,
     * holds no thread while in flight, and the route continues on the component's worker pool
     * (workerPoolSize), never on the HTTP client's I/O threads. A transacted exchange always runs
     * on its calling thread.
     */
    private Boolean synchronous;

    /**
     * Threads of the worker pool (named PhoneIncWorker, managed by Camel and shown in its
     * thread-pool management) on which an exchange continues after an asynchronous call
     * (synchronous=false). Route steps after the phoneinc step run there, so size it for how many
     * such exchanges may run slow steps at the same time; further answers wait in its queue.
     * Endpoints with the same size share one pool.
     */
    private Integer workerPoolSize;

    /**
     * Largest response body (bytes) the component reads; a larger one fails the call instead of
     * filling the heap.
     */
    private Integer maxResponseSize;

    /**
     * Longest time (milliseconds) one call may take, from sending to the last byte of the answer.
     * Enforced by the component's own timer as well as by the HTTP client, so every call ends.
     */
    private Integer requestTimeout;

    /** HTTP proxy host. */
    private String proxyHost;

    /** HTTP proxy password. */
    private String proxyPassword;

    /** HTTP proxy port. */
    private Integer proxyPort;

    /** HTTP proxy user name, if the proxy requires authentication. */
    private String proxyUsername;

    /**
     * OAuth access token, sent as Authorization: Bearer. Seeds the token store when it is empty;
     * the store's tokens win afterwards.
     */
    private String accessToken;

    /**
     * Allow a plain http:// base URL on a non-loopback host. Off by default, so an API key cannot
     * travel in clear text by accident.
     */
    private Boolean allowInsecureHttp;

    /**
     * The Phone.inc API key (phk_...), created in the dashboard under Your account / API Keys. Sent
     * as the X-Api-Key header, with surrounding whitespace removed; never in the URL.
     */
    private String apiKey;

    /**
     * Which credential to use when both an API key and OAuth tokens are configured (for example a
     * component-wide key and an endpoint with OAuth options). Without it, the one that is set is
     * used, and setting both is an error.
     */
    private String authenticationType;

    /**
     * OAuth client id of the partner app, issued by Phone.inc. Needed to refresh tokens and for the
     * oauth/token and oauth/revoke operations.
     */
    private String clientId;

    /** Base URL of Phone.inc's OAuth endpoints (/oauth/token, /oauth/revoke). */
    private String oauthBaseUrl;

    /**
     * Refresh the OAuth access token when less than this many milliseconds of its life remain
     * (Phone.inc recommends about 5 minutes).
     */
    private Long refreshThreshold;

    /**
     * OAuth refresh token (valid up to 30 days). Lets the component mint new access tokens before
     * they expire; rotated tokens go to the token store.
     */
    private String refreshToken;

    /** TLS settings (trust store, protocols, cipher suites) for HTTPS. */
    private SSLContextParameters sslContextParameters;

    /**
     * Where OAuth tokens are kept between refreshes and restarts: a PhoneIncTokenStore bean, e.g.
     * #class:com.example.phoneinc.auth.FileTokenStore('/path/tokens.json'). Default: in memory,
     * seeded from accessToken/refreshToken.
     */
    private PhoneIncTokenStore tokenStore;

    /**
     * After Phone.inc rejects an API key (401), how long (milliseconds) further calls with the same
     * key fail locally without being sent. Phone.inc blocks a client IP for 60 s after 10
     * invalid-key attempts in 60 s; this guard keeps a misconfigured route from getting there. 0
     * disables it.
     */
    private Long invalidKeyBlockTime;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public PhoneIncConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(PhoneIncConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getDefaultRegion() {
        return defaultRegion;
    }

    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(Boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public Long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Integer connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public CloseableHttpAsyncClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpAsyncClient httpClient) {
        this.httpClient = httpClient;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Boolean getSynchronous() {
        return synchronous;
    }

    public void setSynchronous(Boolean synchronous) {
        this.synchronous = synchronous;
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public Integer getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(Integer maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public Integer getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Integer requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getAuthenticationType() {
        return authenticationType;
    }

    public void setAuthenticationType(String authenticationType) {
        this.authenticationType = authenticationType;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getOauthBaseUrl() {
        return oauthBaseUrl;
    }

    public void setOauthBaseUrl(String oauthBaseUrl) {
        this.oauthBaseUrl = oauthBaseUrl;
    }

    public Long getRefreshThreshold() {
        return refreshThreshold;
    }

    public void setRefreshThreshold(Long refreshThreshold) {
        this.refreshThreshold = refreshThreshold;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public PhoneIncTokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(PhoneIncTokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public Long getInvalidKeyBlockTime() {
        return invalidKeyBlockTime;
    }

    public void setInvalidKeyBlockTime(Long invalidKeyBlockTime) {
        this.invalidKeyBlockTime = invalidKeyBlockTime;
    }
}
