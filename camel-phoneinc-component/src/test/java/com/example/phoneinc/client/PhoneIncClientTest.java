package com.example.phoneinc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.client.auth.CredentialOptions;
import com.example.phoneinc.client.http.HttpClientFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client on its own — no CamelContext, no exchange — against WireMock: the invalid-key guard,
 * the one replay after a 401 to an expired OAuth token, and error mapping.
 */
class PhoneIncClientTest {

    private static final String KEY = "phk_ClientTestKey0123456789abcdef";
    private static WireMockServer wireMock;
    private ScheduledExecutorService timer;
    private ClientResources resources;

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
    void setUp() {
        wireMock.resetAll();
        timer = Executors.newSingleThreadScheduledExecutor();
        resources = new ClientResources(() -> timer);
    }

    @AfterEach
    void tearDown() {
        resources.close();
        timer.shutdownNow();
    }

    private PhoneIncClient client(CredentialOptions credentials) throws Exception {
        return resources.create(
                new ClientOptions(
                        "test",
                        "http://127.0.0.1:" + wireMock.port() + "/api/v1",
                        "http://127.0.0.1:" + wireMock.port(),
                        false,
                        credentials,
                        new HttpClientFactory.Settings(
                                2000, 5000, 10, null, null, null, null, null),
                        null,
                        1024 * 1024,
                        120_000,
                        60_000,
                        300_000,
                        null,
                        Clock.systemUTC()),
                false);
    }

    private static CredentialOptions apiKey(String key) {
        return new CredentialOptions("test", null, key, null, null, null, null);
    }

    private static RequestArguments id(String id) {
        return RequestArguments.builder().set(RequestParameter.ID, id, "id option").build();
    }

    private static PhoneIncException failure(
            PhoneIncClient client, PhoneIncOperation op, RequestArguments args) throws Exception {
        try {
            Object ok = client.execute(op, args).get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + ok);
        } catch (ExecutionException e) {
            return assertInstanceOf(PhoneIncException.class, e.getCause());
        }
    }

    @Test
    void getBindsTheModel() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .withHeader("X-Api-Key", equalTo(KEY))
                        .willReturn(okJson("{\"id\":\"c1\",\"from\":\"+14155550101\"}")));

        PhoneIncResponse response =
                client(apiKey(KEY))
                        .execute(PhoneIncOperation.CALLS_GET, id("c1"))
                        .get(10, TimeUnit.SECONDS);

        assertEquals(200, response.status());
        assertEquals("+14155550101", assertInstanceOf(Call.class, response.body()).getFrom());
    }

    @Test
    void aWrongKeyIsSentOnceThenRefusedLocally() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody("{\"error\":\"Invalid API key\"}")));
        PhoneIncClient client = client(apiKey("phk_Wrong0000000000000000000000"));

        PhoneIncException first = failure(client, PhoneIncOperation.CALLS_GET, id("c1"));
        PhoneIncException second = failure(client, PhoneIncOperation.CALLS_GET, id("c1"));

        assertTrue(first.isRequestSent());
        assertFalse(second.isRequestSent());
        assertEquals(
                PhoneIncAuthenticationException.Reason.INVALID_API_KEY,
                ((PhoneIncAuthenticationException) second).getReason());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/calls/c1")));
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheRequestReplayedOnce() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .withHeader("Authorization", equalTo("Bearer at_old"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader(
                                                "WWW-Authenticate",
                                                "Bearer error=\"invalid_token\","
                                                        + " error_description=\"The access token"
                                                        + " expired\"")));
        wireMock.stubFor(
                post(urlPathEqualTo("/oauth/token"))
                        .willReturn(
                                okJson(
                                        "{\"access_token\":\"at_new\",\"refresh_token\":\"rt_new\","
                                                + "\"expires_in\":3600}")));
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .withHeader("Authorization", equalTo("Bearer at_new"))
                        .willReturn(okJson("{\"id\":\"c1\"}")));
        PhoneIncClient client =
                client(new CredentialOptions("test", null, null, "app", "at_old", "rt_old", null));

        PhoneIncResponse response =
                client.execute(PhoneIncOperation.CALLS_GET, id("c1")).get(10, TimeUnit.SECONDS);

        assertInstanceOf(Call.class, response.body());
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/calls/c1")));
    }

    @Test
    void aSecond401AfterTheReplayIsFinal() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader(
                                                "WWW-Authenticate",
                                                "Bearer error=\"invalid_token\","
                                                        + " error_description=\"The access token"
                                                        + " expired\"")));
        wireMock.stubFor(
                post(urlPathEqualTo("/oauth/token"))
                        .willReturn(
                                okJson(
                                        "{\"access_token\":\"at_new\",\"refresh_token\":\"rt_new\","
                                                + "\"expires_in\":3600}")));
        PhoneIncClient client =
                client(new CredentialOptions("test", null, null, "app", "at_old", "rt_old", null));

        PhoneIncException e = failure(client, PhoneIncOperation.CALLS_GET, id("c1"));

        assertInstanceOf(PhoneIncAuthenticationException.class, e);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/calls/c1")));
    }

    @Test
    void failuresAreMappedToTheirTypes() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/down")).willReturn(aResponse().withStatus(503)));
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/busy"))
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        PhoneIncClient client = client(apiKey(KEY));

        assertInstanceOf(
                PhoneIncServerException.class,
                failure(client, PhoneIncOperation.CALLS_GET, id("down")));
        PhoneIncRateLimitException busy =
                assertInstanceOf(
                        PhoneIncRateLimitException.class,
                        failure(client, PhoneIncOperation.CALLS_GET, id("busy")));
        assertEquals(Duration.ofSeconds(2), busy.getRetryAfter().orElseThrow());
    }

    @Test
    void aWrongInputFailsBeforeAnythingIsSent() throws Exception {
        PhoneIncClient client = client(apiKey(KEY));
        RequestArguments notE164 =
                RequestArguments.builder()
                        .set(RequestParameter.PHONE_NUMBER, "4155550101", "phoneNumber option")
                        .build();

        PhoneIncInvalidInputException e =
                assertInstanceOf(
                        PhoneIncInvalidInputException.class,
                        failure(client, PhoneIncOperation.CALLS_LIST, notE164));

        assertEquals("phoneNumber", e.getField());
        assertTrue(e.getMessage().contains("phoneNumber option"), e.getMessage());
        assertEquals(List.of(), wireMock.getAllServeEvents());
    }
}
