package com.example.phoneinc.client.http;

import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache HttpClient 5 async client (chosen by measurement: see docs/http-client.md).
 * Retries and redirects are off: Camel's error handler is the only retry layer, and a redirect must
 * not carry the API key to another host.
 */
public final class HttpClientFactory {

    /** Request headers that carry a credential: never shown by the client's header log. */
    private static final Set<String> SECRET_HEADERS =
            Set.of("x-api-key", "authorization", "proxy-authorization");

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

    public static CloseableHttpAsyncClient create(Settings s, String userAgent) {
        SSLContext sslContext = s.sslContext();
        PoolingAsyncClientConnectionManagerBuilder pool =
                PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(s.maxConnections())
                        .setMaxConnPerRoute(s.maxConnections())
                        .setDefaultConnectionConfig(
                                ConnectionConfig.custom()
                                        .setConnectTimeout(
                                                Timeout.ofMilliseconds(s.connectTimeout()))
                                        .setSocketTimeout(
                                                Timeout.ofMilliseconds(s.requestTimeout()))
                                        // a server may close an idle keep-alive connection; check
                                        // before reuse so a POST is not lost to a stale socket
                                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                        .build());
        if (sslContext != null) {
            pool.setTlsStrategy(
                    ClientTlsStrategyBuilder.create().setSslContext(sslContext).build());
        }
        HttpAsyncClientBuilder builder =
                HttpAsyncClients.custom()
                        .setConnectionManager(pool.build())
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .setIOReactorConfig(
                                IOReactorConfig.custom()
                                        .setSoTimeout(Timeout.ofMilliseconds(s.requestTimeout()))
                                        .build())
                        .setDefaultRequestConfig(
                                RequestConfig.custom()
                                        .setConnectionRequestTimeout(
                                                Timeout.ofMilliseconds(s.requestTimeout()))
                                        .setResponseTimeout(
                                                Timeout.ofMilliseconds(s.requestTimeout()))
                                        .build())
                        .setUserAgent(userAgent)
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .disableCookieManagement()
                        .evictIdleConnections(TimeValue.ofSeconds(30))
                        // HttpClient's header log (org.apache.hc.client5.http.headers, DEBUG)
                        // prints each header's toString(): mask the credential there
                        .addRequestInterceptorLast((request, entity, httpContext) -> mask(request))
                        // and its wire log (org.apache.hc.client5.http.wire, DEBUG) dumps the raw
                        // bytes, key included: the component's client writes none
                        .setIoSessionDecorator(session -> session);
        if (s.proxyHost() != null) {
            HttpHost proxy =
                    new HttpHost(s.proxyHost(), s.proxyPort() != null ? s.proxyPort() : 8080);
            builder.setProxy(proxy);
            if (s.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(
                        new AuthScope(proxy),
                        new UsernamePasswordCredentials(
                                s.proxyUsername(),
                                s.proxyPassword() == null
                                        ? new char[0]
                                        : s.proxyPassword().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return client;
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
}
