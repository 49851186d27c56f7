package com.example.phoneinc.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncAuthenticationException.Reason;
import com.example.phoneinc.api.PhoneIncBadRequestException;
import com.example.phoneinc.api.PhoneIncClientException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncForbiddenException;
import com.example.phoneinc.api.PhoneIncNotFoundException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.api.PhoneIncRetryableException;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.api.PhoneIncValidationException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HttpResponseAware;
import org.junit.jupiter.api.Test;

/** Every status and body shape Phone.inc (or a proxy in front of it) may answer with. */
class ErrorMappingTest extends ErrorTestSupport {

    /** Every 401 is sent: the invalid-key guard is off here (InvalidKeyGuardTest covers it). */
    private static final String URI = "phoneinc:calls/get?id=c1&invalidKeyBlockTime=0";

    private static final String HTML_502 =
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                    + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    + "</body>\r\n</html>\r\n";

    private Exchange answer(String uri, ResponseDefinitionBuilder response) {
        wireMock.resetMappings();
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(response));
        return sendBounded(uri, null);
    }

    private PhoneIncException fail(ResponseDefinitionBuilder response) {
        return fail(URI, response);
    }

    private PhoneIncException fail(String uri, ResponseDefinitionBuilder response) {
        Exchange out = answer(uri, response);
        Exception e = out.getException();
        assertNotNull(e, "expected a failure");
        return assertInstanceOf(PhoneIncException.class, e, "never a parse error or NPE: " + e);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    private record Case(int status, Class<? extends PhoneIncException> type, boolean retryable) {}

    @Test
    void everyStatusMapsToItsClass() {
        List<Case> cases =
                List.of(
                        new Case(400, PhoneIncBadRequestException.class, false),
                        new Case(401, PhoneIncAuthenticationException.class, false),
                        new Case(403, PhoneIncForbiddenException.class, false),
                        new Case(404, PhoneIncNotFoundException.class, false),
                        new Case(405, PhoneIncClientException.class, false),
                        new Case(409, PhoneIncClientException.class, false),
                        new Case(410, PhoneIncClientException.class, false),
                        new Case(418, PhoneIncClientException.class, false),
                        new Case(422, PhoneIncValidationException.class, false),
                        new Case(302, PhoneIncClientException.class, false),
                        new Case(500, PhoneIncServerException.class, true),
                        new Case(501, PhoneIncServerException.class, true),
                        new Case(502, PhoneIncServerException.class, true),
                        new Case(503, PhoneIncServerException.class, true),
                        new Case(504, PhoneIncServerException.class, true),
                        new Case(599, PhoneIncServerException.class, true));
        for (Case c : cases) {
            String body = "{\"error\":\"message " + c.status() + "\"}";
            PhoneIncException e =
                    fail(
                            json(c.status(), body)
                                    .withHeader("X-Request-Id", "req-" + c.status())
                                    .withHeader("Location", "https://elsewhere.example/x"));
            String label = "status " + c.status();
            assertSame(c.type(), e.getClass(), label);
            assertEquals(c.retryable(), e.isRetryable(), label);
            if (c.retryable()) {
                assertInstanceOf(PhoneIncRetryableException.class, e, label);
            } else {
                assertInstanceOf(PhoneIncClientException.class, e, label);
            }
            assertEquals(c.status(), e.getStatusCode(), label);
            assertEquals(c.status(), ((HttpResponseAware) e).getHttpResponseCode(), label);
            assertEquals("message " + c.status(), e.getErrorMessage(), label);
            assertEquals("GET", e.getMethod(), label);
            assertEquals("/calls/c1", e.getPath(), label);
            assertTrue(e.isRequestSent(), label);
            assertEquals(body, e.getResponseBody(), label);
            assertEquals(Optional.empty(), e.getRetryAfter(), label);
            // header names are looked up ignoring case
            assertEquals("req-" + c.status(), e.getResponseHeaders().get("x-request-id"), label);
            assertEquals("req-" + c.status(), e.getResponseHeaders().get("X-REQUEST-ID"), label);
            assertTrue(e.getMessage().contains(String.valueOf(c.status())), e.getMessage());
            assertTrue(e.getMessage().contains("GET /calls/c1"), e.getMessage());
            assertTrue(e.getMessage().contains("message " + c.status()), e.getMessage());
            assertNull(e.getCause(), label);
        }
        // no redirect was followed, no retry was made by the HTTP client
        assertEquals(cases.size(), HITS.size());
    }

    @Test
    void rateLimitIsRetryable() {
        PhoneIncException e =
                fail(
                        json(429, "{\"error\":\"Too many failed API key attempts.\"}")
                                .withHeader("Retry-After", "60"));

        PhoneIncRateLimitException rateLimit =
                assertInstanceOf(PhoneIncRateLimitException.class, e);
        assertInstanceOf(PhoneIncRetryableException.class, e);
        assertTrue(e.isRetryable());
        assertEquals(429, e.getStatusCode());
        assertEquals(Optional.of(Duration.ofSeconds(60)), rateLimit.getRetryAfter());
        assertEquals("Too many failed API key attempts.", e.getErrorMessage());
        assertEquals("60", e.getResponseHeaders().get("RETRY-AFTER"));
        assertEquals(1, HITS.size());
    }

    @Test
    void pathHasNoQueryString() {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls")).willReturn(json(400, "{\"error\":\"bad\"}")));

        Exchange out = sendBounded("phoneinc:calls?phoneNumber=+14155550101", null);

        PhoneIncBadRequestException e = failure(out, PhoneIncBadRequestException.class);
        assertEquals("/calls", e.getPath());
        assertFalse(e.getMessage().contains("4155550101"), e.getMessage());
        assertFalse(e.getMessage().contains("phone_number"), e.getMessage());
    }

    private record AuthCase(String headerName, String challenge, String body, Reason reason) {}

    private static final String EXPIRED =
            "Bearer realm=\"Doorkeeper\", error=\"invalid_token\","
                    + " error_description=\"The access token expired\"";

    /**
     * With an API key the only thing Phone.inc can refuse is the key, whatever challenge its 401
     * carries (Doorkeeper adds a Bearer challenge to every 401): the reason and the advice follow
     * the credential that was sent, never an OAuth token the route does not have.
     */
    @Test
    void unauthorizedWithAnApiKeySaysTheKeyIsInvalid() {
        List<AuthCase> cases =
                List.of(
                        new AuthCase(
                                null,
                                null,
                                "{\"error\":\"Invalid API key\"}",
                                Reason.INVALID_API_KEY),
                        new AuthCase(
                                null,
                                null,
                                "{\"error\":\"invalid api key\"}",
                                Reason.INVALID_API_KEY),
                        new AuthCase("WWW-Authenticate", EXPIRED, "", Reason.INVALID_API_KEY),
                        new AuthCase(
                                "WWW-Authenticate",
                                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\"",
                                "{\"error\":\"Invalid API key\"}",
                                Reason.INVALID_API_KEY),
                        new AuthCase(
                                "WWW-Authenticate",
                                "Bearer realm=\"Doorkeeper\"",
                                "",
                                Reason.INVALID_API_KEY),
                        new AuthCase(
                                null, null, "{\"error\":\"Unauthorized\"}", Reason.INVALID_API_KEY),
                        new AuthCase(null, null, "", Reason.INVALID_API_KEY),
                        new AuthCase(null, null, HTML_502, Reason.INVALID_API_KEY),
                        // a proxy asking for its own credentials is not Phone.inc refusing the key
                        new AuthCase(
                                "WWW-Authenticate",
                                "Basic realm=\"proxy\"",
                                "{\"error\":\"nope\"}",
                                Reason.UNKNOWN));
        for (AuthCase c : cases) {
            PhoneIncAuthenticationException auth = unauthorized(URI, c);
            String label = c + " -> " + auth.getMessage();
            // the 401 itself, so unauthorized() compared the challenge it carried
            assertTrue(auth.isRequestSent(), label);
            assertEquals(401, auth.getStatusCode(), label);
            assertEquals(c.reason(), auth.getReason(), label);
            assertFalse(auth.getMessage().contains("OAuth"), label);
            assertFalse(auth.getMessage().contains("token"), label);
            if (c.reason() == Reason.INVALID_API_KEY) {
                assertTrue(
                        auth.getMessage().contains("Invalid API key — fix the key, do not retry"),
                        label);
                assertTrue(auth.getMessage().contains("app.phone.inc/api_keys"), label);
            }
        }
        assertEquals(cases.size(), HITS.size(), "invalidKeyBlockTime=0: every 401 was sent");
    }

    /**
     * With an OAuth access token (and no refresh token, so the component cannot replay) the
     * challenge says why the token was refused.
     */
    @Test
    void unauthorizedWithAnOAuthTokenSaysWhy() {
        // a token per case: a refused token without refresh token ends its credential for good
        String oauth = "phoneinc:calls/get?id=c1&authenticationType=oauth&accessToken=at_TestToken";
        List<AuthCase> cases =
                List.of(
                        new AuthCase("WWW-Authenticate", EXPIRED, "", Reason.EXPIRED_TOKEN),
                        new AuthCase("www-authenticate", EXPIRED, "", Reason.EXPIRED_TOKEN),
                        new AuthCase(
                                "WWW-Authenticate",
                                "Bearer error=expired_token",
                                "",
                                Reason.EXPIRED_TOKEN),
                        new AuthCase(
                                "WWW-Authenticate",
                                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\","
                                        + " error_description=\"The access token was revoked\"",
                                "",
                                Reason.REVOKED_TOKEN),
                        new AuthCase(
                                "WWW-Authenticate",
                                "bearer realm=\"Doorkeeper\", error=\"revoked_token\"",
                                "",
                                Reason.REVOKED_TOKEN),
                        new AuthCase(
                                "WWW-Authenticate",
                                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\","
                                        + " error_description=\"The access token is invalid\"",
                                "{\"error\":\"invalid_token\"}",
                                Reason.INVALID_TOKEN),
                        new AuthCase(
                                "WWW-Authenticate",
                                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\"",
                                "",
                                Reason.INVALID_TOKEN),
                        new AuthCase(
                                "WWW-Authenticate",
                                "Bearer realm=\"Doorkeeper\"",
                                "",
                                Reason.MISSING_CREDENTIAL),
                        new AuthCase(
                                "WWW-Authenticate",
                                "Bearer error=\"something_new\"",
                                "",
                                Reason.UNKNOWN),
                        new AuthCase(
                                "WWW-Authenticate",
                                "Basic realm=\"proxy\"",
                                "{\"error\":\"nope\"}",
                                Reason.UNKNOWN),
                        new AuthCase(null, null, "", Reason.UNKNOWN));
        for (int i = 0; i < cases.size(); i++) {
            AuthCase c = cases.get(i);
            PhoneIncAuthenticationException auth = unauthorized(oauth + i, c);
            String label = c + " -> " + auth.getMessage();
            assertEquals(c.reason(), auth.getReason(), label);
            assertFalse(auth.getMessage().contains("API key"), label);
        }
    }

    private PhoneIncAuthenticationException unauthorized(String uri, AuthCase c) {
        ResponseDefinitionBuilder response = json(401, c.body());
        if (c.headerName() != null) {
            response = response.withHeader(c.headerName(), c.challenge());
        }
        PhoneIncException e = fail(uri, response);
        String label = c.toString();
        PhoneIncAuthenticationException auth =
                assertInstanceOf(PhoneIncAuthenticationException.class, e, label);
        assertFalse(e.isRetryable(), label);
        // with an API key the failure is the 401 (asserted there); with an OAuth token and no
        // refresh token it is the credential's end: a not-sent reauthorization failure, no headers
        if (c.challenge() != null && e.isRequestSent()) {
            assertEquals(c.challenge(), e.getResponseHeaders().get("WWW-AUTHENTICATE"), label);
        }
        return auth;
    }

    @Test
    void notFoundMentionsAnotherCompany() {
        PhoneIncException e = fail(json(404, "{\"error\":\"Voicemail not found\"}"));

        assertInstanceOf(PhoneIncNotFoundException.class, e);
        assertEquals("Voicemail not found", e.getErrorMessage());
        assertTrue(e.getMessage().contains("another company"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void forbiddenSaysTheCredentialIsValid() {
        PhoneIncException e = fail(json(403, "{\"error\":\"Forbidden\"}"));

        assertInstanceOf(PhoneIncForbiddenException.class, e);
        assertTrue(e.getMessage().contains("credential is valid"), e.getMessage());
    }

    @Test
    void validationErrorsAreExactlyTheBody() {
        PhoneIncException e =
                fail(
                        json(
                                422,
                                "{\"errors\":{"
                                        + "\"phone_number\":[\"is not a valid E.164 number\","
                                        + "\"can't be blank\"],"
                                        + "\"name\":[\"is too long (maximum is 255 characters)\"],"
                                        + "\"email\":[\"is invalid\"],"
                                        + "\"tags\":[]}}"));

        PhoneIncValidationException v = assertInstanceOf(PhoneIncValidationException.class, e);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("phone_number", List.of("is not a valid E.164 number", "can't be blank"));
        expected.put("name", List.of("is too long (maximum is 255 characters)"));
        expected.put("email", List.of("is invalid"));
        expected.put("tags", List.of());
        assertEquals(expected, v.getErrors());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(v.getErrors().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> v.getErrors().put("x", List.of()));
        assertThrows(
                UnsupportedOperationException.class, () -> v.getErrors().get("name").add("sneaky"));
        assertFalse(e.isRetryable());
        assertNull(e.getErrorMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "phone_number is not a valid E.164 number, can't be blank; name"
                                        + " is too long"),
                e.getMessage());
    }

    @Test
    void validationBodiesOfOtherShapes() {
        record Shape(String body, Map<String, List<String>> errors, String error) {}
        List<Shape> shapes =
                List.of(
                        new Shape(
                                "{\"errors\":{\"f\":\"single\"}}",
                                Map.of("f", List.of("single")),
                                null),
                        new Shape("{\"errors\":\"oops\"}", Map.of(), null),
                        new Shape("{\"errors\":[\"a\",\"b\"]}", Map.of(), null),
                        new Shape("{\"errors\":{\"f\":null}}", Map.of("f", List.of()), null),
                        new Shape(
                                "{\"errors\":{\"f\":[1,true,{\"a\":1},null]}}",
                                Map.of("f", List.of("1", "true", "{\"a\":1}", "null")),
                                null),
                        new Shape(
                                "{\"error\":\"Listened must be a boolean\"}",
                                Map.of(),
                                "Listened must be a boolean"),
                        new Shape("", Map.of(), null),
                        new Shape(HTML_502, Map.of(), null));
        for (Shape shape : shapes) {
            PhoneIncException e = fail(json(422, shape.body()));
            PhoneIncValidationException v =
                    assertInstanceOf(PhoneIncValidationException.class, e, shape.body());
            assertEquals(shape.errors(), v.getErrors(), shape.body());
            assertEquals(shape.error(), e.getErrorMessage(), shape.body());
        }
    }

    private record BodyCase(String body, String errorMessage) {}

    @Test
    void undocumentedBodiesStillGiveTheRightClass() {
        StringBuilder deep = new StringBuilder();
        deep.append("[".repeat(5000)).append("]".repeat(5000));
        List<BodyCase> bodies =
                List.of(
                        new BodyCase(HTML_502, null),
                        new BodyCase("", null),
                        new BodyCase("{\"error\": \"Voicemail not fo", null),
                        new BodyCase("{\"error\": 42}", "42"),
                        new BodyCase("{\"error\": null}", null),
                        new BodyCase("{\"error\": {\"message\": \"nested\"}}", "nested"),
                        new BodyCase("{\"error\": {\"code\": 7}}", "{\"code\":7}"),
                        new BodyCase("{\"error_description\": \"described\"}", "described"),
                        new BodyCase("{\"errors\": \"oops\"}", null),
                        new BodyCase("{\"errors\": {\"f\": \"single\"}}", null),
                        new BodyCase("[{\"error\":\"in an array\"}]", null),
                        new BodyCase("null", null),
                        new BodyCase("\"just a string\"", null),
                        new BodyCase("{\"error\":\"trailing\"} garbage", "trailing"),
                        new BodyCase(deep.toString(), null));
        Map<Integer, Class<? extends PhoneIncException>> statuses = new LinkedHashMap<>();
        statuses.put(400, PhoneIncBadRequestException.class);
        statuses.put(401, PhoneIncAuthenticationException.class);
        statuses.put(404, PhoneIncNotFoundException.class);
        statuses.put(409, PhoneIncClientException.class);
        statuses.put(422, PhoneIncValidationException.class);
        statuses.put(502, PhoneIncServerException.class);
        for (BodyCase b : bodies) {
            for (Map.Entry<Integer, Class<? extends PhoneIncException>> s : statuses.entrySet()) {
                PhoneIncException e =
                        fail(
                                aResponse()
                                        .withStatus(s.getKey())
                                        .withHeader("Content-Type", "text/html")
                                        .withBody(b.body()));
                String label = s.getKey() + " " + abbreviate(b.body());
                assertSame(s.getValue(), e.getClass(), label);
                assertEquals(b.errorMessage(), e.getErrorMessage(), label);
                String kept =
                        b.body()
                                .substring(
                                        0,
                                        Math.min(
                                                b.body().length(),
                                                PhoneIncRequestInfo.MAX_BODY_CHARS));
                assertEquals(abbreviate(kept), abbreviate(e.getResponseBody()), label);
                assertNull(e.getCause(), label);
            }
        }
    }

    @Test
    void binaryGarbageIsHarmless() {
        byte[] garbage = new byte[3000];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        PhoneIncException e =
                fail(
                        aResponse()
                                .withStatus(503)
                                .withHeader("Content-Type", "application/octet-stream")
                                .withBody(garbage));

        assertInstanceOf(PhoneIncServerException.class, e);
        assertNull(e.getErrorMessage());
        assertTrue(e.isRetryable());
    }

    @Test
    void hugeBodiesAreBounded() {
        String html = "<html><body>" + "x".repeat(50_000) + "</body></html>";
        PhoneIncException e = fail(aResponse().withStatus(502).withBody(html));

        assertInstanceOf(PhoneIncServerException.class, e);
        assertEquals(PhoneIncRequestInfo.MAX_BODY_CHARS, e.getResponseBody().length());
        assertEquals(8192, e.getResponseBody().length());
        assertTrue(html.startsWith(e.getResponseBody()));
        assertTrue(e.getMessage().length() < 500, "message stays short");

        String hugeError = "y".repeat(20_000);
        e = fail(json(400, "{\"error\":\"" + hugeError + "\"}"));
        assertInstanceOf(PhoneIncBadRequestException.class, e);
        assertEquals(8192, e.getResponseBody().length());
        assertTrue(hugeError.startsWith(e.getErrorMessage().replace("…", "")));
        assertTrue(e.getErrorMessage().length() <= 1001, "error text is bounded");
        assertTrue(e.getMessage().length() < 1500, "message stays loggable");

        StringBuilder manyFields = new StringBuilder("{\"errors\":{");
        for (int i = 0; i < 2000; i++) {
            manyFields
                    .append(i == 0 ? "" : ",")
                    .append("\"field")
                    .append(i)
                    .append("\":[\"is bad\"]");
        }
        manyFields.append("}}");
        e = fail(json(422, manyFields.toString()));
        PhoneIncValidationException v = assertInstanceOf(PhoneIncValidationException.class, e);
        assertEquals(2000, v.getErrors().size(), "getErrors() keeps every field");
        assertTrue(e.getMessage().length() < 2500, "the message quotes a bounded summary");
    }

    @Test
    void errorBodyBeyondMaxResponseSizeStillMapsByStatus() {
        String body = "<html>" + "z".repeat(5000) + "</html>";
        // Content-Length declared beyond the limit
        PhoneIncException e =
                fail(
                        URI + "&maxResponseSize=1024",
                        aResponse()
                                .withStatus(503)
                                .withHeader("X-Request-Id", "big")
                                .withBody(body));
        assertInstanceOf(PhoneIncServerException.class, e);
        assertTrue(e.isRetryable());
        assertEquals(1024, e.getResponseBody().length());
        assertEquals("big", e.getResponseHeaders().get("x-request-id"));

        // chunked, no Content-Length
        e =
                fail(
                        URI + "&maxResponseSize=1024",
                        aResponse()
                                .withStatus(404)
                                .withBody("{\"error\":\"Call not found\"}" + " ".repeat(5000))
                                .withChunkedDribbleDelay(5, 50));
        assertInstanceOf(PhoneIncNotFoundException.class, e);
        assertEquals(1024, e.getResponseBody().length());
    }

    @Test
    void successBodyBeyondMaxResponseSizeStillFails() {
        Exchange out =
                answer(
                        URI + "&maxResponseSize=1024",
                        json(200, "{\"id\":\"c1\",\"notes\":\"" + "n".repeat(5000) + "\"}"));

        PhoneIncException e = failure(out, PhoneIncException.class);
        assertTrue(e.getMessage().contains("maxResponseSize"), e.getMessage());
        assertEquals(200, e.getStatusCode());
    }

    @Test
    void failuresAreRepliesWhenThrowExceptionOnFailureIsFalse() {
        record Reply(int status, String body) {}
        List<Reply> replies =
                List.of(
                        new Reply(404, "{\"error\":\"Call not found\"}"),
                        new Reply(422, "{\"errors\":{\"f\":[\"bad\"]}}"),
                        new Reply(400, HTML_502),
                        new Reply(503, ""));
        for (Reply r : replies) {
            Exchange out =
                    answer(URI + "&throwExceptionOnFailure=false", json(r.status(), r.body()));
            assertNull(out.getException(), "status " + r.status());
            assertEquals(r.status(), out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
            assertEquals(r.body(), out.getMessage().getBody(String.class));
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 200 ? s : s.substring(0, 200) + "…(" + s.length() + ")";
    }
}
