package com.example.phoneinc.client.http;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache HttpClient 5 clients: the async one (calls in flight hold no thread) and the
 * classic, blocking one (the fast path for callers that wait anyway; see docs/http-client.md). Both
 * get one policy: the same pool size, timeouts, proxy, TLS and user agent; retries and redirects
 * off (Camel's error handler is the only retry layer, and a redirect must not carry the API key to
 * another host); cookies off; the credential masked in HttpClient's header log; no wire log.
 */
public final class HttpClientFactory {

    /** Request headers that carry a credential: never shown by the client's header log. */
    private static final Set<String> SECRET_HEADERS =
            Set.of("x-api-key", "authorization", "proxy-authorization");

    /** Idle pooled connections are checked before reuse after this long. */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

    /** Idle pooled connections are closed after this long. */
    private static final TimeValue EVICT_IDLE = TimeValue.ofSeconds(30);

    private HttpClientFactory() {}

    /**
     * Everything that makes two clients different; endpoints with equal settings share one. The TLS
     * context compares by identity: the component makes one per {@code SSLContextParameters}
     * instance, which endpoints share through the component's options.
     */
    public record Settings(
            int connectTimeout,
            int requestTimeout,
            int maxConnections,
            String proxyHost,
            Integer proxyPort,
            String proxyUsername,
            String proxyPassword,
            SSLContext sslContext) {

        /** Never prints the proxy password. */
        @Override
        public String toString() {
            return "Settings[proxyHost=" + proxyHost + ", maxConnections=" + maxConnections + "]";
        }
    }

    /** The async client, started. */
    public static CloseableHttpAsyncClient createAsync(Settings s, String userAgent) {
        PoolingAsyncClientConnectionManagerBuilder pool =
                PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(s.maxConnections())
                        .setMaxConnPerRoute(s.maxConnections())
                        .setDefaultConnectionConfig(connectionConfig(s));
        if (s.sslContext() != null) {
            pool.setTlsStrategy(tls(s));
        }
        HttpAsyncClientBuilder builder =
                HttpAsyncClients.custom()
                        .setConnectionManager(pool.build())
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .setIOReactorConfig(
                                IOReactorConfig.custom()
                                        .setSoTimeout(Timeout.ofMilliseconds(s.requestTimeout()))
                                        .build())
                        .setDefaultRequestConfig(requestConfig(s))
                        .setUserAgent(userAgent)
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .disableCookieManagement()
                        .evictIdleConnections(EVICT_IDLE)
                        // HttpClient's header log (org.apache.hc.client5.http.headers, DEBUG)
                        // prints each header's toString(): mask the credential there
                        .addRequestInterceptorLast((request, entity, httpContext) -> mask(request))
                        // and its wire log (org.apache.hc.client5.http.wire, DEBUG) dumps the raw
                        // bytes, key included: the component's client writes none
                        .setIoSessionDecorator(session -> session);
        proxy(s, builder::setProxy, builder::setDefaultCredentialsProvider);
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return client;
    }

    /** The classic (blocking) client, with the same policy as {@link #createAsync}. */
    public static CloseableHttpClient createClassic(Settings s, String userAgent) {
        PoolingHttpClientConnectionManagerBuilder pool =
                PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(s.maxConnections())
                        .setMaxConnPerRoute(s.maxConnections())
                        .setDefaultConnectionConfig(connectionConfig(s))
                        .setConnectionFactory(UnloggedWireConnection.FACTORY);
        if (s.sslContext() != null) {
            pool.setTlsSocketStrategy(tls(s));
        }
        HttpClientBuilder builder =
                HttpClients.custom()
                        .setConnectionManager(pool.build())
                        .setDefaultRequestConfig(requestConfig(s))
                        .setUserAgent(userAgent)
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .disableCookieManagement()
                        // the async client sends no Accept-Encoding either: same request, and the
                        // body bound applies to what Phone.inc sent
                        .disableContentCompression()
                        .evictIdleConnections(EVICT_IDLE)
                        .addRequestInterceptorLast((request, entity, httpContext) -> mask(request));
        proxy(s, builder::setProxy, builder::setDefaultCredentialsProvider);
        return builder.build();
    }

    private static ConnectionConfig connectionConfig(Settings s) {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(s.connectTimeout()))
                .setSocketTimeout(Timeout.ofMilliseconds(s.requestTimeout()))
                // a server may close an idle keep-alive connection; check before reuse so a POST
                // is not lost to a stale socket
                .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                .build();
    }

    private static RequestConfig requestConfig(Settings s) {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(s.requestTimeout()))
                .setResponseTimeout(Timeout.ofMilliseconds(s.requestTimeout()))
                .build();
    }

    /**
     * Gives a builder the proxy, and its credentials when a user name is set (the two builder types
     * share no interface, hence their setters).
     */
    private static void proxy(
            Settings s, Consumer<HttpHost> setProxy, Consumer<CredentialsProvider> setCredentials) {
        if (s.proxyHost() == null) {
            return;
        }
        HttpHost proxy = new HttpHost(s.proxyHost(), s.proxyPort() != null ? s.proxyPort() : 8080);
        setProxy.accept(proxy);
        if (s.proxyUsername() != null) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(
                    new AuthScope(proxy),
                    new UsernamePasswordCredentials(
                            s.proxyUsername(),
                            s.proxyPassword() == null
                                    ? new char[0]
                                    : s.proxyPassword().toCharArray()));
            setCredentials.accept(credentials);
        }
    }

    /** Replaces credential headers by equal ones whose toString() hides the value. */
    static void mask(HttpRequest request) {
        for (Header header : request.getHeaders()) {
            if (SECRET_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))
                    && !(header instanceof MaskedHeader)) {
                request.removeHeader(header);
                request.addHeader(new MaskedHeader(header.getName(), header.getValue()));
            }
        }
    }

    /** Sent as is; logged as {@code Name: xxxxxx}. */
    public static final class MaskedHeader extends BasicHeader {
        private static final long serialVersionUID = 1L;

        MaskedHeader(String name, String value) {
            super(name, value, true);
        }

        @Override
        public String toString() {
            return getName() + ": xxxxxx";
        }
    }

    // one strategy for both clients; ClientTlsStrategyBuilder's buildAsync/buildClassic are
    // HttpClient 5.5 only, and the Karaf feature installs 5.4 (KarafVersionsCompileTest)
    private static DefaultClientTlsStrategy tls(Settings s) {
        return new DefaultClientTlsStrategy(s.sslContext());
    }
}
