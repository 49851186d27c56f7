package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.PhoneIncClientException;
import com.example.phoneinc.api.model.Call;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Calls over https, through both transports: the component's {@code sslContextParameters} trust
 * store is used, the host name is verified, and a refused certificate is a non-retryable failure
 * that sent nothing. The server is WireMock with a certificate made for this run (keytool).
 */
@TransportModes
class TlsTest extends CamelTestSupport {

    private static final String API_KEY = "phk_TestKey1234567890abcdefghijklmn";
    private static final String PASSWORD = "changeit";
    private static final String CALL = "{\"id\":\"c1\",\"state\":\"ended\"}";

    @TempDir static Path dir;
    private static Path keystore;
    private static WireMockServer https;

    @Parameter boolean synchronous;

    @BeforeAll
    static void startHttpsServer() throws Exception {
        keystore = dir.resolve("localhost.p12");
        Process keytool =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "keytool")
                                        .toString(),
                                "-genkeypair",
                                "-alias",
                                "localhost",
                                "-keyalg",
                                "RSA",
                                "-keysize",
                                "2048",
                                "-validity",
                                "2",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "SAN=dns:localhost",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                keystore.toString(),
                                "-storepass",
                                PASSWORD,
                                "-keypass",
                                PASSWORD)
                        .redirectErrorStream(true)
                        .start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool did not end");
        assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes()));
        https =
                new WireMockServer(
                        options()
                                .bindAddress("127.0.0.1")
                                .httpDisabled(true)
                                .dynamicHttpsPort()
                                .keystorePath(keystore.toString())
                                .keystoreType("PKCS12")
                                .keystorePassword(PASSWORD)
                                .keyManagerPassword(PASSWORD));
        https.start();
    }

    @AfterAll
    static void stopHttpsServer() {
        https.stop();
    }

    @BeforeEach
    void stubs() {
        https.resetAll();
        https.stubFor(get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(okJson(CALL)));
        https.stubFor(post(urlPathEqualTo("/api/v1/contacts")).willReturn(okJson(CALL)));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PhoneIncComponent component = new PhoneIncComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setRequestTimeout(5000);
        component.getConfiguration().setSynchronous(synchronous);
        context.addComponent("phoneinc", component);
        return context;
    }

    @Test
    void aCallUsesTheConfiguredTrustStore() {
        Exchange exchange = call("localhost", trusting(keystore), "phoneinc:calls/get?id=c1");

        assertNull(exchange.getException());
        assertEquals("c1", exchange.getMessage().getBody(Call.class).getId());
        https.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/calls/c1"))
                        .withHeader("X-Api-Key", equalTo(API_KEY)));
    }

    @Test
    void anUntrustedCertificateIsNotRetriedAndNothingIsSent() {
        // no sslContextParameters: the JVM's trust store, which does not know this certificate
        // a create (not idempotent): "not sent" matters, or it would be reported as ambiguous
        Exchange exchange = call("localhost", null, "phoneinc:contacts/create");

        PhoneIncClientException failure =
                assertInstanceOf(PhoneIncClientException.class, exchange.getException());
        // the never-retry group itself: no retryable subclass
        assertEquals(PhoneIncClientException.class, failure.getClass());
        assertTrue(
                failure.getMessage().contains("TLS certificate was refused"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Not sent"), failure.getMessage());
        assertFalse(failure.getMessage().contains(API_KEY));
        assertEquals(0, https.getAllServeEvents().size());
    }

    @Test
    void theHostNameIsVerified() {
        // trusted certificate, but made for localhost, not for 127.0.0.1
        Exchange exchange = call("127.0.0.1", trusting(keystore), "phoneinc:calls/get?id=c1");

        PhoneIncClientException failure =
                assertInstanceOf(PhoneIncClientException.class, exchange.getException());
        assertTrue(failure.getMessage().contains("baseUrl host"), failure.getMessage());
        https.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/calls/c1")));
    }

    private Exchange call(String host, SSLContextParameters tls, String uri) {
        PhoneIncComponent component = context.getComponent("phoneinc", PhoneIncComponent.class);
        component
                .getConfiguration()
                .setBaseUrl("https://" + host + ":" + https.httpsPort() + "/api/v1");
        component.getConfiguration().setSslContextParameters(tls);
        return template.request(
                uri,
                e -> e.getMessage().setBody(Map.of("phone", "+14155550199", "name", "Sam Lee")));
    }

    private static SSLContextParameters trusting(Path store) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource(store.toUri().toString());
        trustStore.setType("PKCS12");
        trustStore.setPassword(PASSWORD);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        return tls;
    }
}
