package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.auth.FileTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.example.phoneinc.docs.DocBlocks;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The properties blocks printed in README.md and docs/, run as Camel Main (and so Camel JBang)
 * users run them: written to an application.properties file, loaded by {@link Main}, a route
 * calling Phone.inc (WireMock). {@code PHONEINC_API_KEY} is set in this JVM's environment by the
 * surefire configuration.
 */
class DocumentedPropertiesTest {

    private static final String ENV_KEY = System.getenv("PHONEINC_API_KEY");
    private static WireMockServer wireMock;

    @TempDir Path dir;

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @BeforeEach
    void stub() {
        wireMock.resetAll();
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(okJson("{\"id\":\"c1\"}")));
    }

    /**
     * Runs Camel Main with {@code properties} as application.properties; returns the body. The API
     * and the OAuth endpoints (token refresh) are both pointed at WireMock (loopback: plain http
     * allowed), so a request to either is seen.
     */
    private Object callThroughMain(String properties) throws Exception {
        return callThroughMain(properties, "phoneinc:calls/get?id=c1");
    }

    private Object callThroughMain(String properties, String uri) throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(
                file,
                properties
                        + "\ncamel.component.phoneinc.base-url=http://127.0.0.1:"
                        + wireMock.port()
                        + "/api/v1\n"
                        + "camel.component.phoneinc.oauth-base-url=http://127.0.0.1:"
                        + wireMock.port()
                        + "\n",
                StandardCharsets.UTF_8);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + file);
        main.configure()
                .addRoutesBuilder(
                        new RouteBuilder() {
                            @Override
                            public void configure() {
                                from("direct:call")
                                        .routeConfigurationId("phoneinc-error-handling")
                                        .to(uri);
                            }
                        });
        main.start();
        try {
            CamelContext context = main.getCamelContext();
            return context.createProducerTemplate().requestBody("direct:call", (Object) null);
        } finally {
            main.stop();
        }
    }

    @Test
    void theEnvironmentIsSetForTheseTests() {
        assertNotNull(ENV_KEY, "surefire sets PHONEINC_API_KEY");
    }

    @Test
    void apiKeyFromTheEnvironmentAsPrinted() throws Exception {
        for (String id : List.of("readme-api-key", "auth-api-key-main", "component-api-key")) {
            wireMock.resetRequests();
            String block = DocBlocks.text(id);
            Object body = callThroughMain(block);
            assertInstanceOf(Call.class, body, id);
            // before the fix the page said ${PHONEINC_API_KEY}: sent literally as the key
            wireMock.verify(
                    1,
                    getRequestedFor(urlPathEqualTo("/api/v1/calls/c1"))
                            .withHeader("X-Api-Key", equalTo(ENV_KEY)));
        }
    }

    /**
     * The retry policy in one line of properties: Camel Main binds the route configuration the
     * factory method returns, and a route naming it dead-letters a 404 to the printed file endpoint
     * (pointed at this test's directory).
     */
    @Test
    void retryPolicyInOneLineAsPrinted() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/gone"))
                        .willReturn(
                                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                        .withStatus(404)
                                        .withBody("{\"error\":\"Call not found\"}")));
        String line = DocBlocks.text("errors-policy-property");
        Path dead = Files.createDirectories(dir.resolve("dead"));
        assertTrue(line.contains("'file:dead-letter?allowNullBody=true'"), line);
        Object body =
                callThroughMain(
                        line.replace("file:dead-letter?", "file:" + dead + "?")
                                + "\ncamel.component.phoneinc.api-key={{env:PHONEINC_API_KEY}}\n",
                        "phoneinc:calls/get?id=gone");
        // handled by the dead-letter channel: the caller gets the original (empty) message back
        assertEquals(null, body);
        try (java.util.stream.Stream<Path> files = Files.list(dead)) {
            assertEquals(1, files.count(), "dead-lettered to the file endpoint");
        }
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/calls/gone")));
    }

    @Test
    void fileTokenStoreAsAYamlBeanAsPrinted() throws Exception {
        Path tokens = saveTokens();
        String yaml = DocBlocks.text("auth-token-store-yaml");
        assertTrue(yaml.contains("/home/app/.phoneinc/tokens.json"), yaml);
        Path beans = dir.resolve("beans.yaml");
        Files.writeString(
                beans, yaml.replace("/home/app/.phoneinc/tokens.json", tokens.toString()));

        Object body =
                callThroughMain(
                        DocBlocks.text("auth-token-store-bean")
                                + "\ncamel.main.routes-include-pattern=file:"
                                + beans
                                + "\n");

        assertInstanceOf(Call.class, body);
        wireMock.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/calls/c1"))
                        .withHeader("Authorization", equalTo("Bearer at_FromTheTokenFile01")));
    }

    private Path saveTokens() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        FileTokenStore.of(tokens)
                .save(
                        new PhoneIncTokens(
                                "at_FromTheTokenFile01",
                                "rt_FromTheTokenFile01",
                                Instant.now().plusSeconds(3600),
                                "api"));
        return tokens;
    }

    @Test
    void fileTokenStoreAsPrinted() throws Exception {
        Path tokens = saveTokens();
        String block = DocBlocks.text("auth-token-store");
        assertTrue(block.contains("/home/app/.phoneinc/tokens.json"), block);
        // the printed path, pointed at this test's file
        Object body =
                callThroughMain(
                        block.replace("/home/app/.phoneinc/tokens.json", tokens.toString()));

        assertInstanceOf(Call.class, body);
        wireMock.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/calls/c1"))
                        .withHeader("Authorization", equalTo("Bearer at_FromTheTokenFile01")));
        // the saved token is valid for an hour: used as it is, no refresh (a POST to WireMock)
        wireMock.verify(0, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }
}
