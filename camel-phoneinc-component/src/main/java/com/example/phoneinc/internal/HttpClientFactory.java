package com.example.phoneinc.internal;

import com.example.phoneinc.PhoneIncConfiguration;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.jsse.SSLContextParameters;
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
import org.apache.hc.core5.http.HttpHost;
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

    private HttpClientFactory() {}

    /** Everything that makes two clients different; endpoints with equal settings share one. */
    public record Settings(
            int connectTimeout,
            int requestTimeout,
            int maxConnections,
            String proxyHost,
            Integer proxyPort,
            String proxyUsername,
            String proxyPassword,
            SSLContext sslContext) {

        public static Settings of(PhoneIncConfiguration c, CamelContext context) {
            SSLContextParameters ssl = c.getSslContextParameters();
            SSLContext sslContext;
            try {
                sslContext = ssl == null ? null : ssl.createSSLContext(context);
            } catch (Exception e) {
                throw new RuntimeCamelException(
                        "Cannot create the TLS context from sslContextParameters", e);
            }
            return new Settings(
                    c.getConnectTimeout(),
                    c.getRequestTimeout(),
                    c.getMaxConnections(),
                    c.getProxyHost(),
                    c.getProxyPort(),
                    c.getProxyUsername(),
                    c.getProxyPassword(),
                    sslContext);
        }

        /** Never prints the proxy password. */
        @Override
        public String toString() {
            return "Settings[proxyHost=" + proxyHost + ", maxConnections=" + maxConnections + "]";
        }
    }

    public static CloseableHttpAsyncClient create(Settings s, String userAgent) {
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
        if (s.sslContext() != null) {
            pool.setTlsStrategy(
                    ClientTlsStrategyBuilder.create().setSslContext(s.sslContext()).build());
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
                        .evictIdleConnections(TimeValue.ofSeconds(30));
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
}
