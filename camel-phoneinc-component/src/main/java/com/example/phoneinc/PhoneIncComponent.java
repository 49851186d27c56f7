package com.example.phoneinc;

import com.example.phoneinc.auth.PhoneIncTokenStore;
import com.example.phoneinc.client.ClientOptions;
import com.example.phoneinc.client.ClientResources;
import com.example.phoneinc.client.PhoneIncClient;
import com.example.phoneinc.client.PhoneIncOperation;
import com.example.phoneinc.client.auth.CredentialOptions;
import com.example.phoneinc.client.http.HttpClientFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

/**
 * The {@code phoneinc:} component. Holds the defaults every endpoint starts from and, through
 * {@link ClientResources}, what their clients share: HTTP connection pools, the timer that ends
 * hung calls, the invalid-key guard and the OAuth token managers; and the worker pools on which
 * exchanges continue after an asynchronous call (never on the HTTP client's I/O threads).
 */
@Component("phoneinc")
public class PhoneIncComponent extends HealthCheckComponent {

    @Metadata(description = "Default options of every phoneinc endpoint.")
    private PhoneIncConfiguration configuration = new PhoneIncConfiguration();

    private final ClientResources clients = new ClientResources(this::timer);

    /** One TLS context per SSLContextParameters instance, so equal settings share a pool. */
    private final Map<SSLContextParameters, SSLContext> sslContexts = new IdentityHashMap<>();

    /**
     * Thread name of the worker pools (Camel prefixes its own, e.g. "Camel (camel-1) thread #3").
     */
    static final String WORKER_POOL_NAME = "PhoneIncWorker";

    /** By size: endpoints with the same workerPoolSize share a pool. */
    private final Map<Integer, ExecutorService> workerPools = new HashMap<>();

    private ScheduledExecutorService timer;
    private Clock clock = Clock.systemUTC();

    public PhoneIncComponent() {}

    /**
     * Option names Camel's own list of sensitive keys does not cover. Camel Main's (and so JBang's
     * and Camel Quarkus's) startup summary prints every {@code camel.component.*} value and masks
     * only keys on that list ({@code apiKey}, {@code accessToken}, ... are on it); without this it
     * would print the webhook secret.
     */
    static final String SENSITIVE_KEYWORDS = "webhooksecret";

    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        if (context != null) {
            SensitiveKeywords.add(context, SENSITIVE_KEYWORDS);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        PhoneIncOperation operation = PhoneIncOperation.fromUriPath(remaining);
        PhoneIncEndpoint endpoint =
                new PhoneIncEndpoint(uri, this, configuration.copy(), operation);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * A client for an endpoint's configuration: checks the base URLs and the credential options
     * (failing with a message that names the option) and shares pools and token managers.
     */
    PhoneIncClient client(PhoneIncEndpoint endpoint) throws Exception {
        PhoneIncConfiguration c = endpoint.getConfiguration();
        return clients.create(
                clientOptions(endpoint.toString(), c), endpoint.getOperation().isOAuth());
    }

    /** The one place the component's options become client options. */
    ClientOptions clientOptions(String owner, PhoneIncConfiguration c) {
        return new ClientOptions(
                owner,
                c.getBaseUrl(),
                c.getOauthBaseUrl(),
                c.isAllowInsecureHttp(),
                new CredentialOptions(
                        owner,
                        c.getAuthenticationType(),
                        c.getApiKey(),
                        c.getClientId(),
                        c.getAccessToken(),
                        c.getRefreshToken(),
                        c.getTokenStore()),
                new HttpClientFactory.Settings(
                        c.getConnectTimeout(),
                        c.getRequestTimeout(),
                        c.getMaxConnections(),
                        c.getProxyHost(),
                        c.getProxyPort(),
                        c.getProxyUsername(),
                        c.getProxyPassword(),
                        sslContext(c.getSslContextParameters())),
                c.getHttpClient(),
                c.getMaxResponseSize(),
                c.getMaxRetryAfter(),
                c.getInvalidKeyBlockTime(),
                c.getRefreshThreshold(),
                c.getDefaultRegion(),
                clock);
    }

    private synchronized SSLContext sslContext(SSLContextParameters parameters) {
        if (parameters == null) {
            return null;
        }
        return sslContexts.computeIfAbsent(
                parameters,
                p -> {
                    try {
                        return p.createSSLContext(getCamelContext());
                    } catch (Exception e) {
                        throw new RuntimeCamelException(
                                "Cannot create the TLS context from sslContextParameters", e);
                    }
                });
    }

    Clock clock() {
        return clock;
    }

    /**
     * The clock token expiry and {@code Retry-After} dates are measured with; for tests. Not an
     * endpoint option.
     */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer =
                    getCamelContext()
                            .getExecutorServiceManager()
                            .newSingleThreadScheduledExecutor(this, "PhoneIncCallTimeout");
        }
        return timer;
    }

    /**
     * The worker pool for {@code size} threads, made through Camel's ExecutorServiceManager (so it
     * shows in Camel's thread-pool management and JMX, and stops with the context). Its queue is
     * unbounded and it never runs a task on the submitting thread: that thread is an HTTP I/O
     * thread, which must never run route code (Camel's default CallerRuns policy would).
     *
     * @throws IllegalArgumentException naming the option, for a size below 1
     */
    synchronized Executor workerPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException(
                    "Invalid workerPoolSize option: " + size + " (at least 1 thread)");
        }
        return workerPools.computeIfAbsent(
                size,
                n -> {
                    String name =
                            n == PhoneIncConfiguration.DEFAULT_WORKER_POOL_SIZE
                                    ? WORKER_POOL_NAME
                                    : WORKER_POOL_NAME + "-" + n;
                    ThreadPoolProfile profile = new ThreadPoolProfile(name);
                    profile.setPoolSize(n);
                    profile.setMaxPoolSize(n);
                    profile.setKeepAliveTime(0L);
                    profile.setAllowCoreThreadTimeOut(false);
                    profile.setMaxQueueSize(Integer.MAX_VALUE);
                    profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
                    // a text source is the pool's id in Camel's JMX (type=threadpools,name=...)
                    return getCamelContext()
                            .getExecutorServiceManager()
                            .newThreadPool(name, name, profile);
                });
    }

    @Override
    protected synchronized void doStop() throws Exception {
        clients.close();
        // the exchanges in flight ended before the component is stopped (Camel's shutdown waits)
        workerPools.values().forEach(getCamelContext().getExecutorServiceManager()::shutdown);
        workerPools.clear();
        sslContexts.clear();
        if (timer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(timer);
            timer = null;
        }
        super.doStop();
    }

    public PhoneIncConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options of every phoneinc endpoint. */
    public void setConfiguration(PhoneIncConfiguration configuration) {
        this.configuration = configuration;
    }

    // Each option of PhoneIncConfiguration, for Java users and reflection-based binding; the
    // configuration object stays the single store (the generated configurer binds through it).

    public String getApiKey() {
        return configuration.getApiKey();
    }

    /** See {@link PhoneIncConfiguration#setApiKey}. */
    public void setApiKey(String apiKey) {
        configuration.setApiKey(apiKey);
    }

    public String getAuthenticationType() {
        return configuration.getAuthenticationType();
    }

    /** See {@link PhoneIncConfiguration#setAuthenticationType}. */
    public void setAuthenticationType(String authenticationType) {
        configuration.setAuthenticationType(authenticationType);
    }

    public String getClientId() {
        return configuration.getClientId();
    }

    /** See {@link PhoneIncConfiguration#setClientId}. */
    public void setClientId(String clientId) {
        configuration.setClientId(clientId);
    }

    public String getAccessToken() {
        return configuration.getAccessToken();
    }

    /** See {@link PhoneIncConfiguration#setAccessToken}. */
    public void setAccessToken(String accessToken) {
        configuration.setAccessToken(accessToken);
    }

    public String getRefreshToken() {
        return configuration.getRefreshToken();
    }

    /** See {@link PhoneIncConfiguration#setRefreshToken}. */
    public void setRefreshToken(String refreshToken) {
        configuration.setRefreshToken(refreshToken);
    }

    public PhoneIncTokenStore getTokenStore() {
        return configuration.getTokenStore();
    }

    /** See {@link PhoneIncConfiguration#setTokenStore}. */
    public void setTokenStore(PhoneIncTokenStore tokenStore) {
        configuration.setTokenStore(tokenStore);
    }

    public String getWebhookSecret() {
        return configuration.getWebhookSecret();
    }

    /** See {@link PhoneIncConfiguration#setWebhookSecret}. */
    public void setWebhookSecret(String webhookSecret) {
        configuration.setWebhookSecret(webhookSecret);
    }

    public String getOauthBaseUrl() {
        return configuration.getOauthBaseUrl();
    }

    /** See {@link PhoneIncConfiguration#setOauthBaseUrl}. */
    public void setOauthBaseUrl(String oauthBaseUrl) {
        configuration.setOauthBaseUrl(oauthBaseUrl);
    }

    public long getRefreshThreshold() {
        return configuration.getRefreshThreshold();
    }

    /** See {@link PhoneIncConfiguration#setRefreshThreshold}. */
    public void setRefreshThreshold(long refreshThreshold) {
        configuration.setRefreshThreshold(refreshThreshold);
    }

    public String getBaseUrl() {
        return configuration.getBaseUrl();
    }

    /** See {@link PhoneIncConfiguration#setBaseUrl}. */
    public void setBaseUrl(String baseUrl) {
        configuration.setBaseUrl(baseUrl);
    }

    public boolean isAllowInsecureHttp() {
        return configuration.isAllowInsecureHttp();
    }

    /** See {@link PhoneIncConfiguration#setAllowInsecureHttp}. */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        configuration.setAllowInsecureHttp(allowInsecureHttp);
    }

    public SSLContextParameters getSslContextParameters() {
        return configuration.getSslContextParameters();
    }

    /** See {@link PhoneIncConfiguration#setSslContextParameters}. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        configuration.setSslContextParameters(sslContextParameters);
    }

    public boolean isThrowExceptionOnFailure() {
        return configuration.isThrowExceptionOnFailure();
    }

    /** See {@link PhoneIncConfiguration#setThrowExceptionOnFailure}. */
    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        configuration.setThrowExceptionOnFailure(throwExceptionOnFailure);
    }

    public String getDefaultRegion() {
        return configuration.getDefaultRegion();
    }

    /** See {@link PhoneIncConfiguration#setDefaultRegion}. */
    public void setDefaultRegion(String defaultRegion) {
        configuration.setDefaultRegion(defaultRegion);
    }

    public long getMaxRetryAfter() {
        return configuration.getMaxRetryAfter();
    }

    /** See {@link PhoneIncConfiguration#setMaxRetryAfter}. */
    public void setMaxRetryAfter(long maxRetryAfter) {
        configuration.setMaxRetryAfter(maxRetryAfter);
    }

    public long getInvalidKeyBlockTime() {
        return configuration.getInvalidKeyBlockTime();
    }

    /** See {@link PhoneIncConfiguration#setInvalidKeyBlockTime}. */
    public void setInvalidKeyBlockTime(long invalidKeyBlockTime) {
        configuration.setInvalidKeyBlockTime(invalidKeyBlockTime);
    }

    public int getConnectTimeout() {
        return configuration.getConnectTimeout();
    }

    /** See {@link PhoneIncConfiguration#setConnectTimeout}. */
    public void setConnectTimeout(int connectTimeout) {
        configuration.setConnectTimeout(connectTimeout);
    }

    public int getRequestTimeout() {
        return configuration.getRequestTimeout();
    }

    /** See {@link PhoneIncConfiguration#setRequestTimeout}. */
    public void setRequestTimeout(int requestTimeout) {
        configuration.setRequestTimeout(requestTimeout);
    }

    public int getMaxResponseSize() {
        return configuration.getMaxResponseSize();
    }

    /** See {@link PhoneIncConfiguration#setMaxResponseSize}. */
    public void setMaxResponseSize(int maxResponseSize) {
        configuration.setMaxResponseSize(maxResponseSize);
    }

    public int getMaxConnections() {
        return configuration.getMaxConnections();
    }

    /** See {@link PhoneIncConfiguration#setMaxConnections}. */
    public void setMaxConnections(int maxConnections) {
        configuration.setMaxConnections(maxConnections);
    }

    public boolean isSynchronous() {
        return configuration.isSynchronous();
    }

    /** See {@link PhoneIncConfiguration#setSynchronous}. */
    public void setSynchronous(boolean synchronous) {
        configuration.setSynchronous(synchronous);
    }

    public int getWorkerPoolSize() {
        return configuration.getWorkerPoolSize();
    }

    /** See {@link PhoneIncConfiguration#setWorkerPoolSize}. */
    public void setWorkerPoolSize(int workerPoolSize) {
        configuration.setWorkerPoolSize(workerPoolSize);
    }

    public CloseableHttpAsyncClient getHttpClient() {
        return configuration.getHttpClient();
    }

    /** See {@link PhoneIncConfiguration#setHttpClient}. */
    public void setHttpClient(CloseableHttpAsyncClient httpClient) {
        configuration.setHttpClient(httpClient);
    }

    public String getProxyHost() {
        return configuration.getProxyHost();
    }

    /** See {@link PhoneIncConfiguration#setProxyHost}. */
    public void setProxyHost(String proxyHost) {
        configuration.setProxyHost(proxyHost);
    }

    public Integer getProxyPort() {
        return configuration.getProxyPort();
    }

    /** See {@link PhoneIncConfiguration#setProxyPort}. */
    public void setProxyPort(Integer proxyPort) {
        configuration.setProxyPort(proxyPort);
    }

    public String getProxyUsername() {
        return configuration.getProxyUsername();
    }

    /** See {@link PhoneIncConfiguration#setProxyUsername}. */
    public void setProxyUsername(String proxyUsername) {
        configuration.setProxyUsername(proxyUsername);
    }

    public String getProxyPassword() {
        return configuration.getProxyPassword();
    }

    /** See {@link PhoneIncConfiguration#setProxyPassword}. */
    public void setProxyPassword(String proxyPassword) {
        configuration.setProxyPassword(proxyPassword);
    }
}
