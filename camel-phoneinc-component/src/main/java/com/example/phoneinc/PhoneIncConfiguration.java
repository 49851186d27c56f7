package com.example.phoneinc;

import com.example.phoneinc.auth.PhoneIncTokenStore;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

/**
 * Options shared by the component (defaults for every endpoint) and each endpoint. Set them once on
 * the component, e.g. {@code camel.component.phoneinc.api-key=${PHONEINC_API_KEY}}, and override
 * per endpoint where needed.
 */
@UriParams
public class PhoneIncConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://app.phone.inc/api/v1";
    public static final String DEFAULT_OAUTH_BASE_URL = "https://app.phone.inc";
    public static final int DEFAULT_WORKER_POOL_SIZE = 10;

    @UriParam(label = "security", secret = true)
    @Metadata(
            description =
                    "The Phone.inc API key (phk_...), created in the dashboard under Your account"
                            + " / API Keys. Sent as the X-Api-Key header, with surrounding"
                            + " whitespace removed; never in the URL.")
    private String apiKey;

    @UriParam(label = "security", enums = "apiKey,oauth")
    @Metadata(
            description =
                    "Which credential to use when both an API key and OAuth tokens are configured"
                            + " (for example a component-wide key and an endpoint with OAuth"
                            + " options). Without it, the one that is set is used, and setting both"
                            + " is an error.")
    private String authenticationType;

    @UriParam(label = "security", secret = true)
    @Metadata(
            description =
                    "OAuth client id of the partner app, issued by Phone.inc. Needed to refresh"
                            + " tokens and for the oauth/token and oauth/revoke operations.")
    private String clientId;

    @UriParam(label = "security", secret = true)
    @Metadata(
            description =
                    "OAuth access token, sent as Authorization: Bearer. Seeds the token store when"
                            + " it is empty; the store's tokens win afterwards.")
    private String accessToken;

    @UriParam(label = "security", secret = true)
    @Metadata(
            description =
                    "OAuth refresh token (valid up to 30 days). Lets the component mint new access"
                            + " tokens before they expire; rotated tokens go to the token store.")
    private String refreshToken;

    @UriParam(label = "security")
    @Metadata(
            description =
                    "Where OAuth tokens are kept between refreshes and restarts: a"
                            + " PhoneIncTokenStore bean, e.g."
                            + " #class:com.example.phoneinc.auth.FileTokenStore('/path/tokens.json')."
                            + " Default: in memory, seeded from accessToken/refreshToken.")
    private PhoneIncTokenStore tokenStore;

    @UriParam(label = "consumer,webhook,security", secret = true)
    @Metadata(
            description =
                    "For webhook:phoneinc:events: the secret token (at least 16 characters) the"
                            + " subscription URL carries as query parameter token; deliveries without"
                            + " it are answered 401 and never routed. Generated per start when not"
                            + " given: set it in production (on the component, from the"
                            + " environment) so a restart keeps the URL.")
    private String webhookSecret;

    @UriParam(label = "security", defaultValue = DEFAULT_OAUTH_BASE_URL)
    @Metadata(
            description = "Base URL of Phone.inc's OAuth endpoints (/oauth/token, /oauth/revoke).")
    private String oauthBaseUrl = DEFAULT_OAUTH_BASE_URL;

    @UriParam(label = "security", defaultValue = "300000")
    @Metadata(
            description =
                    "Refresh the OAuth access token when less than this many milliseconds of its"
                            + " life remain (Phone.inc recommends about 5 minutes).")
    private long refreshThreshold = 300_000;

    @UriParam(defaultValue = DEFAULT_BASE_URL)
    @Metadata(
            description =
                    "Base URL of the Phone.inc REST API. Change it only for a proxy, a test"
                            + " server or the Phone.inc simulator. Plain http:// is refused unless"
                            + " the host is loopback or allowInsecureHttp is set.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "security", defaultValue = "false")
    @Metadata(
            description =
                    "Allow a plain http:// base URL on a non-loopback host. Off by default, so"
                            + " an API key cannot travel in clear text by accident.")
    private boolean allowInsecureHttp;

    @UriParam(label = "security")
    @Metadata(description = "TLS settings (trust store, protocols, cipher suites) for HTTPS.")
    private SSLContextParameters sslContextParameters;

    @UriParam(defaultValue = "true")
    @Metadata(
            description =
                    "Whether a non-2xx answer fails the exchange with a typed PhoneIncException."
                            + " When false, the status goes to the CamelHttpResponseCode header and"
                            + " the raw response body becomes the message body.")
    private boolean throwExceptionOnFailure = true;

    @UriParam
    @Metadata(
            description =
                    "Region (ISO 3166 code such as US or DK) used to turn national phone"
                            + " numbers like (415) 555-1234 into E.164 before sending. Without it,"
                            + " only E.164 numbers are accepted.")
    private String defaultRegion;

    @UriParam(label = "producer,advanced", defaultValue = "120000")
    @Metadata(
            description =
                    "Longest Retry-After (milliseconds) the component asks Camel's redelivery to"
                            + " wait after a 429. A longer wait makes the PhoneIncRateLimitException"
                            + " non-retryable, so the exchange goes to the dead-letter channel"
                            + " instead of holding it for longer.")
    private long maxRetryAfter = 120_000;

    @UriParam(label = "security,advanced", defaultValue = "60000")
    @Metadata(
            description =
                    "After Phone.inc rejects an API key (401), how long (milliseconds) further calls"
                            + " with the same key fail locally without being sent. Phone.inc blocks"
                            + " a client IP for 60 s after 10 invalid-key attempts in 60 s; this"
                            + " guard keeps a misconfigured route from getting there. 0 disables it.")
    private long invalidKeyBlockTime = 60_000;

    @UriParam(label = "advanced", defaultValue = "10000")
    @Metadata(description = "Timeout (milliseconds) for opening a connection.")
    private int connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30000")
    @Metadata(
            description =
                    "Longest time (milliseconds) one call may take, from sending to the last byte"
                            + " of the answer. Enforced by the component's own timer as well as by"
                            + " the HTTP client, so every call ends.")
    private int requestTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "10485760")
    @Metadata(
            description =
                    "Largest response body (bytes) the component reads; a larger one fails the"
                            + " call instead of filling the heap.")
    private int maxResponseSize = 10 * 1024 * 1024;

    @UriParam(label = "advanced", defaultValue = "100")
    @Metadata(
            description =
                    "Most connections kept open to Phone.inc, which is also the most calls in"
                            + " flight at once; more wait for a free connection. The synchronous and"
                            + " the asynchronous way of calling each have a pool of this size, made"
                            + " on first use.")
    private int maxConnections = 100;

    @UriParam(label = "producer", defaultValue = "true")
    @Metadata(
            description =
                    "Whether the call runs on the calling thread with the classic (blocking)"
                            + " Apache HttpClient 5, and the route continues on that same thread"
                            + " (true, the default: the fastest way for the usual caller, which waits"
                            + " for the exchange anyway: a ProducerTemplate request, direct,"
                            + " platform-http, JMS, Kafka or a timer). Set false for routes that keep"
                            + " many calls in flight without a thread each (asyncSend, a large"
                            + " fan-out): the call then goes to the async client, holds no thread"
                            + " while in flight, and the route continues on the component's worker"
                            + " pool (workerPoolSize), never on the HTTP client's I/O threads. A"
                            + " transacted exchange always runs on its calling thread.")
    private boolean synchronous = true;

    @UriParam(label = "producer,advanced", defaultValue = "10")
    @Metadata(
            description =
                    "Threads of the worker pool (named PhoneIncWorker, managed by Camel and shown in"
                            + " its thread-pool management) on which an exchange continues after an"
                            + " asynchronous call (synchronous=false). Route steps after the"
                            + " phoneinc step run there, so size it for how many such exchanges may"
                            + " run slow steps at the same time; further answers wait in its queue."
                            + " Endpoints with the same size share one pool.")
    private int workerPoolSize = DEFAULT_WORKER_POOL_SIZE;

    @UriParam(label = "advanced")
    @Metadata(
            description =
                    "A custom Apache HttpClient 5 async client to use instead of the component's"
                            + " own, for every call (with synchronous=true the calling thread waits"
                            + " for its answer). It must have automatic retries disabled: the Camel"
                            + " error handler is the only retry layer. Not closed by the component.")
    private CloseableHttpAsyncClient httpClient;

    @UriParam(label = "proxy")
    @Metadata(description = "HTTP proxy host.")
    private String proxyHost;

    @UriParam(label = "proxy")
    @Metadata(description = "HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(label = "proxy", secret = true)
    @Metadata(description = "HTTP proxy user name, if the proxy requires authentication.")
    private String proxyUsername;

    @UriParam(label = "proxy", secret = true)
    @Metadata(description = "HTTP proxy password.")
    private String proxyPassword;

    /** An independent copy, so an endpoint can change its options without touching defaults. */
    public PhoneIncConfiguration copy() {
        try {
            return (PhoneIncConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
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

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public PhoneIncTokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(PhoneIncTokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /**
     * Its length is checked when the webhook consumer starts (by {@code PhoneIncWebhookProcessor},
     * with a message naming the option), not here: Camel loses what a setter throws when it builds
     * the component as a Kamelet's local bean, and reports only "No endpoint could be found".
     */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getOauthBaseUrl() {
        return oauthBaseUrl;
    }

    public void setOauthBaseUrl(String oauthBaseUrl) {
        this.oauthBaseUrl = oauthBaseUrl;
    }

    public long getRefreshThreshold() {
        return refreshThreshold;
    }

    public void setRefreshThreshold(long refreshThreshold) {
        this.refreshThreshold = refreshThreshold;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isThrowExceptionOnFailure() {
        return throwExceptionOnFailure;
    }

    public void setThrowExceptionOnFailure(boolean throwExceptionOnFailure) {
        this.throwExceptionOnFailure = throwExceptionOnFailure;
    }

    public String getDefaultRegion() {
        return defaultRegion;
    }

    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public long getInvalidKeyBlockTime() {
        return invalidKeyBlockTime;
    }

    public void setInvalidKeyBlockTime(long invalidKeyBlockTime) {
        this.invalidKeyBlockTime = invalidKeyBlockTime;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(int requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(int maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public boolean isSynchronous() {
        return synchronous;
    }

    public void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        if (workerPoolSize < 1) {
            throw new IllegalArgumentException(
                    "Invalid workerPoolSize option: " + workerPoolSize + " (at least 1 thread)");
        }
        this.workerPoolSize = workerPoolSize;
    }

    public CloseableHttpAsyncClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpAsyncClient httpClient) {
        this.httpClient = httpClient;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
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

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    /** Never prints credentials. */
    @Override
    public String toString() {
        return "PhoneIncConfiguration[baseUrl="
                + baseUrl
                + ", apiKey="
                + (apiKey == null ? "unset" : "xxxxxx")
                + "]";
    }
}
