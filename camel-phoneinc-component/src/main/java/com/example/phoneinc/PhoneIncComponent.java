package com.example.phoneinc;

import com.example.phoneinc.internal.BaseUrls;
import com.example.phoneinc.internal.CredentialGuard;
import com.example.phoneinc.internal.DeadlineSweeper;
import com.example.phoneinc.internal.HttpClientFactory;
import com.example.phoneinc.internal.HttpTransport;
import com.example.phoneinc.internal.OAuthTokenManager;
import com.example.phoneinc.internal.PhoneIncOperation;
import com.example.phoneinc.oauth.InMemoryTokenStore;
import com.example.phoneinc.oauth.PhoneIncTokenStore;
import com.example.phoneinc.oauth.PhoneIncTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The {@code phoneinc:} component. Holds the defaults every endpoint starts from and what endpoints
 * share: HTTP clients (one connection pool per distinct transport setting), the timer that ends
 * hung calls, and the invalid-key guard.
 */
@Component("phoneinc")
public class PhoneIncComponent extends DefaultComponent {

    @Metadata(description = "Default options of every phoneinc endpoint.")
    private PhoneIncConfiguration configuration = new PhoneIncConfiguration();

    private final Map<HttpClientFactory.Settings, CloseableHttpAsyncClient> clients =
            new HashMap<>();

    /** Keyed by the token store itself, or by base URL + fingerprint of the configured tokens. */
    private final Map<Object, OAuthTokenManager> tokenManagers = new HashMap<>();

    private CredentialGuard guard;
    private ScheduledExecutorService timer;
    private DeadlineSweeper sweeper;
    private Clock clock = Clock.systemUTC();

    public PhoneIncComponent() {}

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        PhoneIncOperation operation = PhoneIncOperation.fromUriPath(remaining);
        PhoneIncEndpoint endpoint =
                new PhoneIncEndpoint(uri, this, configuration.copy(), operation);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The shared client for these transport settings, created on first use. */
    synchronized CloseableHttpAsyncClient httpClient(PhoneIncConfiguration config) {
        HttpClientFactory.Settings settings =
                HttpClientFactory.Settings.of(config, getCamelContext());
        return clients.computeIfAbsent(
                settings, s -> HttpClientFactory.create(s, userAgent(), getCamelContext()));
    }

    /** One guard per component: a 429 blocks the host for every endpoint. */
    synchronized CredentialGuard guard() {
        if (guard == null) {
            DeadlineSweeper deadlines = sweeper();
            guard = new CredentialGuard(System::nanoTime, deadlines::watch);
        }
        return guard;
    }

    /**
     * The token manager of one OAuth credential, shared by every endpoint that uses it so there is
     * only ever one refresh in flight. A credential is its token store, or else its OAuth base URL,
     * client id and configured tokens.
     */
    synchronized OAuthTokenManager tokenManager(
            PhoneIncConfiguration config, PhoneIncTokens configured) throws Exception {
        URI oauthBase =
                BaseUrls.check(
                        "oauthBaseUrl", config.getOauthBaseUrl(), config.isAllowInsecureHttp());
        PhoneIncTokenStore store = config.getTokenStore();
        Object key =
                store != null
                        ? store
                        : oauthBase
                                + " "
                                + PhoneIncAuthentication.fingerprint(
                                        config.getClientId()
                                                + " "
                                                + (configured == null
                                                        ? ""
                                                        : configured.accessToken()
                                                                + " "
                                                                + configured.refreshToken()));
        OAuthTokenManager manager = tokenManagers.get(key);
        if (manager == null) {
            HttpTransport transport = transport(config);
            String base = oauthBase.toString().replaceAll("/+$", "");
            manager =
                    new OAuthTokenManager(
                            store != null ? store : new InMemoryTokenStore(),
                            configured,
                            config.getClientId() == null ? null : config.getClientId().strip(),
                            Duration.ofMillis(config.getRefreshThreshold()),
                            clock,
                            (path, form) -> transport.post(URI.create(base + path), path, form));
            tokenManagers.put(key, manager);
        }
        return manager;
    }

    /** The transport for this configuration's connection settings. */
    HttpTransport transport(PhoneIncConfiguration config) {
        return new HttpTransport(
                config.getHttpClient() != null ? config.getHttpClient() : httpClient(config),
                sweeper(),
                config.getRequestTimeout(),
                config.getMaxResponseSize());
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

    synchronized DeadlineSweeper sweeper() {
        if (sweeper == null) {
            sweeper = new DeadlineSweeper(timer());
        }
        return sweeper;
    }

    synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer =
                    getCamelContext()
                            .getExecutorServiceManager()
                            .newSingleThreadScheduledExecutor(this, "PhoneIncCallTimeout");
        }
        return timer;
    }

    static String userAgent() {
        return "camel-phoneinc/" + Version.COMPONENT + " Apache-Camel/" + Version.CAMEL;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        clients.values().forEach(c -> c.close(CloseMode.GRACEFUL));
        clients.clear();
        tokenManagers.clear();
        if (timer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(timer);
            timer = null;
            sweeper = null;
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
