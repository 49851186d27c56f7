package com.example.phoneinc.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncEndpoint;
import com.example.phoneinc.api.PhoneIncAmbiguousResultException;
import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncBadRequestException;
import com.example.phoneinc.api.PhoneIncClientException;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncForbiddenException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncNotFoundException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.api.PhoneIncValidationException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The API key never ends up where logs look: exception messages, toString, causes, stack traces,
 * the response headers and body kept on the exception, or message headers.
 */
class ErrorMessagesNoSecretsTest extends ErrorTestSupport {

    private static final String GET = "phoneinc:calls/get?id=c1&invalidKeyBlockTime=0";
    private static final String CONTACT = "{\"name\":\"Ada\",\"phone_number\":\"+14155550101\"}";

    private record Case(
            String name,
            String uri,
            Object body,
            ResponseDefinitionBuilder response,
            Class<? extends PhoneIncException> expected) {}

    private static ResponseDefinitionBuilder status(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "req-1")
                .withBody(body);
    }

    private static List<Case> answeredCases(String key, String getUri, String postUri) {
        String bearer =
                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\","
                        + " error_description=\"The access token expired\"";
        return List.of(
                new Case(
                        "400",
                        getUri,
                        null,
                        status(400, "{\"error\":\"bad\"}"),
                        PhoneIncBadRequestException.class),
                new Case(
                        "401 key",
                        getUri,
                        null,
                        status(401, "{\"error\":\"Invalid API key\"}"),
                        PhoneIncAuthenticationException.class),
                new Case(
                        "401 bearer",
                        getUri,
                        null,
                        status(401, "").withHeader("WWW-Authenticate", bearer),
                        PhoneIncAuthenticationException.class),
                new Case(
                        "403",
                        getUri,
                        null,
                        status(403, "{\"error\":\"no\"}"),
                        PhoneIncForbiddenException.class),
                new Case(
                        "404",
                        getUri,
                        null,
                        status(404, "{\"error\":\"Call not found\"}"),
                        PhoneIncNotFoundException.class),
                new Case(
                        "409",
                        getUri,
                        null,
                        status(409, "{\"error\":\"conflict\"}"),
                        PhoneIncClientException.class),
                new Case(
                        "422",
                        postUri,
                        CONTACT,
                        status(422, "{\"errors\":{\"phone_number\":[\"is invalid\"]}}"),
                        PhoneIncValidationException.class),
                new Case(
                        "500 html",
                        getUri,
                        null,
                        status(500, "<html>oops</html>"),
                        PhoneIncServerException.class),
                new Case("503", getUri, null, status(503, ""), PhoneIncServerException.class),
                // a proxy or a debugging server echoing the request back
                new Case(
                        "400 echo",
                        getUri,
                        null,
                        status(
                                        400,
                                        "{\"error\":\"unknown key "
                                                + key
                                                + "\",\"X-Api-Key\":\""
                                                + key
                                                + "\"}")
                                .withHeader("X-Echo-Api-Key", key)
                                .withHeader("X-Debug", "key=" + key + "; ok"),
                        PhoneIncBadRequestException.class),
                new Case(
                        "422 echo",
                        postUri,
                        CONTACT,
                        status(
                                422,
                                "{\"errors\":{\"" + key + "\":[\"header " + key + " is odd\"]}}"),
                        PhoneIncValidationException.class),
                new Case(
                        "GET reset",
                        getUri,
                        null,
                        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        PhoneIncConnectionException.class),
                new Case(
                        "POST garbage",
                        postUri,
                        CONTACT,
                        aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                        PhoneIncAmbiguousResultException.class),
                new Case(
                        "timeout",
                        getUri + "&requestTimeout=200",
                        null,
                        okJson("{}").withFixedDelay(1000),
                        PhoneIncConnectionException.class),
                new Case(
                        "2xx too large",
                        getUri + "&maxResponseSize=100",
                        null,
                        okJson("{\"id\":\"" + "x".repeat(500) + "\"}"),
                        PhoneIncException.class),
                new Case(
                        "2xx not a model",
                        getUri,
                        null,
                        okJson("[1,2,3]"),
                        PhoneIncException.class));
    }

    private void runCases(String key, List<Case> cases) {
        for (Case c : cases) {
            wireMock.resetAll();
            wireMock.stubFor(any(anyUrl()).willReturn(c.response()));
            Exchange out = sendBounded(c.uri(), c.body());
            PhoneIncException e = failure(out, PhoneIncException.class);
            assertInstanceOf(c.expected(), e, c.name() + ": " + e);
            assertNoSecret(key, c.name(), out);
        }
    }

    @Test
    void noFailureRevealsTheComponentKey() {
        runCases(API_KEY, answeredCases(API_KEY, GET, "phoneinc:contacts/create"));
    }

    @Test
    void noFailureRevealsAKeyGivenInTheEndpointUri() {
        String key = "phk_EndpointKeyAbcdefghijklmnopqrstuv";
        runCases(
                key,
                answeredCases(
                        key, GET + "&apiKey=" + key, "phoneinc:contacts/create?apiKey=" + key));
    }

    @Test
    void rateLimitsAndLocalRejectionsRevealNoKey() {
        wireMock.stubFor(any(anyUrl()).willReturn(status(401, "{\"error\":\"Invalid API key\"}")));
        String blocking = "phoneinc:calls/get?id=c1";
        failure(sendBounded(blocking, null), PhoneIncAuthenticationException.class);
        // failed locally by the invalid-key guard
        Exchange local = sendBounded(blocking, null);
        PhoneIncAuthenticationException rejected =
                failure(local, PhoneIncAuthenticationException.class);
        assertFalse(rejected.isRequestSent());
        assertNoSecret(API_KEY, "401 local", local);

        wireMock.resetAll();
        wireMock.stubFor(
                any(anyUrl())
                        .willReturn(
                                status(429, "{\"error\":\"slow down\"}")
                                        .withHeader("Retry-After", "2")));
        Exchange limited = sendBounded(GET, null);
        failure(limited, PhoneIncRateLimitException.class);
        assertNoSecret(API_KEY, "429", limited);
        // failed locally while the host is blocked
        Exchange hostBlocked = sendBounded(GET, null);
        assertFalse(failure(hostBlocked, PhoneIncRateLimitException.class).isRequestSent());
        assertNoSecret(API_KEY, "429 local", hostBlocked);
    }

    @Test
    void refusedConnectionsAndInvalidInputRevealNoKey() {
        Exchange refused =
                sendBounded(
                        "phoneinc:contacts/create?baseUrl=http://127.0.0.1:"
                                + closedPort()
                                + "/api/v1",
                        CONTACT);
        failure(refused, PhoneIncConnectionException.class);
        assertNoSecret(API_KEY, "refused", refused);

        Exchange invalid = sendBounded("phoneinc:calls?phoneNumber=12", null);
        failure(invalid, PhoneIncInvalidInputException.class);
        assertNoSecret(API_KEY, "invalid input", invalid);
    }

    @Test
    void aKeyWithALineBreakIsRefusedWithoutBeingEchoed() {
        String key = "phk_Line\nBreakKey0123456789abcdefghij";
        wireMock.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"c1\"}")));
        PhoneIncEndpoint endpoint = context.getEndpoint(GET, PhoneIncEndpoint.class);
        endpoint.getConfiguration().setApiKey(key);

        Exchange out = sendBounded(GET, null);

        IllegalArgumentException e = failure(out, IllegalArgumentException.class);
        assertTrue(e.getMessage().contains("line breaks"), e.getMessage());
        assertNoSecret("BreakKey0123456789abcdefghij", "line break", out);
        assertEquals(0, journalHits(), "nothing was sent");
    }

    @Test
    void aKeyWithASpaceInTheUriIsRefusedWithoutBeingEchoed() {
        String key = "phk_Space SpaceKey0123456789abcdefghij";

        Exchange out = sendBounded(GET + "&apiKey=RAW(" + key + ")", null);

        failure(out, IllegalArgumentException.class);
        assertNoSecret("SpaceKey0123456789abcdefghij", "space", out);
        assertEquals(0, journalHits(), "nothing was sent");
    }

    /** Everything about a failed exchange that could end up in a log. */
    private static void assertNoSecret(String key, String label, Exchange exchange) {
        List<String> places = new ArrayList<>();
        Throwable top = exchange.getException();
        if (top == null) {
            top = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        assertNotNull(top, label + ": no failure");
        StringWriter trace = new StringWriter();
        top.printStackTrace(new PrintWriter(trace));
        places.add("stack trace: " + trace);
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        collect(top, places, seen);
        for (Map.Entry<String, Object> h : exchange.getMessage().getHeaders().entrySet()) {
            places.add("message header " + h.getKey() + "=" + h.getValue());
        }
        for (String place : places) {
            assertFalse(place.contains(key), label + ": the API key appears in " + place);
        }
        assertTrue(places.size() > 1, label);
    }

    private static void collect(Throwable t, List<String> places, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        places.add("message: " + t.getMessage());
        places.add("localized: " + t.getLocalizedMessage());
        places.add("toString: " + t);
        if (t instanceof PhoneIncException e) {
            places.add("errorMessage: " + e.getErrorMessage());
            places.add("path: " + e.getPath());
            places.add("responseBody: " + e.getResponseBody());
            places.add("requestInfo: " + e.getRequestInfo());
            e.getResponseHeaders()
                    .forEach((name, value) -> places.add("response header " + name + ": " + value));
            if (e instanceof PhoneIncValidationException v) {
                places.add("errors: " + v.getErrors());
            }
        }
        for (Throwable s : t.getSuppressed()) {
            collect(s, places, seen);
        }
        collect(t.getCause(), places, seen);
    }

    @Test
    void theRedactionKeepsEverythingElse() {
        wireMock.stubFor(
                any(anyUrl())
                        .willReturn(
                                status(400, "{\"error\":\"unknown key " + API_KEY + "\"}")
                                        .withHeader("X-Echo", API_KEY)));

        PhoneIncException e = failure(sendBounded(GET, null), PhoneIncException.class);

        assertEquals("unknown key [redacted]", e.getErrorMessage());
        assertEquals("[redacted]", e.getResponseHeaders().get("x-echo"));
        assertEquals("req-1", e.getResponseHeaders().get("X-Request-Id"));
        assertEquals("{\"error\":\"unknown key [redacted]\"}", e.getResponseBody());
    }
}
