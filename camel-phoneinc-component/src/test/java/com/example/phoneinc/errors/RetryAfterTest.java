package com.example.phoneinc.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.client.http.RetryAfter;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** Retry-After parsing, and how a 429 tells Camel's redelivery how long to wait. */
class RetryAfterTest extends ErrorTestSupport {

    private static final Instant NOW = Instant.parse("2015-10-21T07:27:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String URI = "phoneinc:calls/get?id=c1";

    private static Optional<Duration> parse(String value) {
        return RetryAfter.parse(value, CLOCK);
    }

    // ---- RetryAfter.parse --------------------------------------------------------------------

    @Test
    void parsesDelaySeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), parse("120"));
        assertEquals(Optional.of(Duration.ofSeconds(60)), parse("  60 "));
        assertEquals(Optional.of(Duration.ofSeconds(60)), parse("\t60"));
        assertEquals(Optional.of(Duration.ZERO), parse("0"));
        assertEquals(Optional.of(Duration.ofSeconds(7)), parse("007"));
    }

    @Test
    void parsesAnHttpDateAgainstTheClock() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), parse("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.of(Duration.ofHours(1)), parse("Wed, 21 Oct 2015 08:27:00 GMT"));
        // the obsolete formats a recipient must also accept (RFC 9110 §5.6.7)
        assertEquals(
                Optional.of(Duration.ofSeconds(60)), parse("Wednesday, 21-Oct-15 07:28:00 GMT"));
        assertEquals(Optional.of(Duration.ofSeconds(60)), parse("Wed Oct 21 07:28:00 2015"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), parse("Wed Oct 21 07:27:30 2015"));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO), parse("Wed, 21 Oct 2015 07:26:59 GMT"));
        assertEquals(Optional.of(Duration.ZERO), parse("Wed, 21 Oct 2015 07:27:00 GMT"));
        assertEquals(Optional.of(Duration.ZERO), parse("Thu, 01 Jan 1970 00:00:00 GMT"));
    }

    @Test
    void malformedOrMissingValuesAreIgnored() {
        String[] malformed = {
            null,
            "",
            "   ",
            "soon",
            "-5",
            "+5",
            "1.5",
            "60s",
            "6 0",
            "0x10",
            "Wed, 32 Oct 2015 07:28:00 GMT",
            "21 Oct 2015 07:28:00",
            "2015-10-21T07:28:00Z",
            "\u0661\u0662" // Arabic-Indic digits are not delay-seconds
        };
        for (String value : malformed) {
            assertEquals(Optional.empty(), parse(value), "Retry-After: " + value);
        }
    }

    @Test
    void hugeWaitsAreCappedAndNeverOverflow() {
        String[] huge = {
            "86401",
            "999999999999",
            "9223372036854775807",
            "99999999999999999999999999999999",
            "Fri, 31 Dec 9999 23:59:59 GMT"
        };
        for (String value : huge) {
            Duration wait = parse(value).orElseThrow();
            assertEquals(RetryAfter.MAX, wait, value);
            // callers convert to millis and nanos: must not throw
            assertTrue(wait.toMillis() > 0 && wait.toNanos() > 0, value);
        }
        assertEquals(Optional.of(Duration.ofSeconds(86400)), parse("86400"));
    }

    // ---- through the producer ----------------------------------------------------------------

    private Exchange answer(ResponseDefinitionBuilder response, String uri) {
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(response));
        return sendBounded(uri, null);
    }

    private static ResponseDefinitionBuilder tooManyRequests() {
        return aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"error\":\"Too many failed API key attempts. Wait a moment and try"
                                + " again.\"}");
    }

    @Test
    void retryAfterSecondsBecomesTheRedeliveryDelay() {
        Exchange out = answer(tooManyRequests().withHeader("Retry-After", "2"), URI);

        PhoneIncRateLimitException e = failure(out, PhoneIncRateLimitException.class);
        assertEquals(Optional.of(Duration.ofSeconds(2)), e.getRetryAfter());
        assertTrue(e.isRetryable());
        assertEquals(429, e.getStatusCode());
        assertEquals(
                "Too many failed API key attempts. Wait a moment and try again.",
                e.getErrorMessage());
        assertEquals("2", e.getResponseHeaders().get("retry-after"));
        Object delay = out.getMessage().getHeader(Exchange.REDELIVERY_DELAY);
        assertInstanceOf(Long.class, delay);
        assertEquals(2000L, delay);
    }

    @Test
    void lowerCaseHeaderNameIsRead() {
        Exchange out = answer(tooManyRequests().withHeader("retry-after", "3"), URI);

        PhoneIncRateLimitException e = failure(out, PhoneIncRateLimitException.class);
        assertEquals(Optional.of(Duration.ofSeconds(3)), e.getRetryAfter());
        assertEquals(3000L, out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
        assertEquals("3", e.getResponseHeaders().get("Retry-After"));
    }

    @Test
    void httpDateIsRead() {
        String in30s =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        Exchange out = answer(tooManyRequests().withHeader("Retry-After", in30s), URI);

        PhoneIncRateLimitException e = failure(out, PhoneIncRateLimitException.class);
        long seconds = e.getRetryAfter().orElseThrow().toSeconds();
        assertTrue(seconds >= 28 && seconds <= 30, "about 30 s, was " + seconds);
        long delay = out.getMessage().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
        assertTrue(delay >= 28_000 && delay <= 30_000, "about 30 s, was " + delay);
        assertTrue(e.isRetryable());
    }

    @Test
    void missingRetryAfterSetsNoDelay() {
        Exchange out = answer(tooManyRequests(), URI);

        PhoneIncRateLimitException e = failure(out, PhoneIncRateLimitException.class);
        assertEquals(Optional.empty(), e.getRetryAfter());
        assertTrue(e.isRetryable(), "retried with the normal backoff");
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void malformedRetryAfterSetsNoDelay() {
        Exchange out = answer(tooManyRequests().withHeader("Retry-After", "in a minute"), URI);

        PhoneIncRateLimitException e = failure(out, PhoneIncRateLimitException.class);
        assertEquals(Optional.empty(), e.getRetryAfter());
        assertTrue(e.isRetryable());
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void retryAfterBeyondMaxRetryAfterIsNotRetryable() {
        Exchange out =
                answer(
                        tooManyRequests().withHeader("Retry-After", "60"),
                        URI + "&maxRetryAfter=1000");

        PhoneIncRateLimitException e = failure(out, PhoneIncRateLimitException.class);
        assertFalse(e.isRetryable());
        assertEquals(Optional.of(Duration.ofSeconds(60)), e.getRetryAfter());
        assertTrue(e.getMessage().contains("maxRetryAfter"), e.getMessage());
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void hugeRetryAfterIsAnOrdinaryNonRetryableRateLimit() {
        Exchange out =
                answer(tooManyRequests().withHeader("Retry-After", "9223372036854775807"), URI);

        PhoneIncRateLimitException e = failure(out, PhoneIncRateLimitException.class);
        assertFalse(e.isRetryable());
        assertEquals(Optional.of(RetryAfter.MAX), e.getRetryAfter());
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void staleIncomingDelayHeaderIsRemovedBeforeTheCall() {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(okJson("{\"id\":\"c1\",\"from\":\"+14155550101\"}")));

        Exchange out =
                await(
                        template.asyncSend(
                                URI,
                                e -> e.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 999999L)));

        assertNull(out.getException());
        assertEquals("c1", out.getMessage().getBody(Call.class).getId());
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void staleIncomingDelayHeaderIsRemovedOnAFailureWithoutRetryAfter() {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(aResponse().withStatus(503)));

        Exchange out =
                await(
                        template.asyncSend(
                                URI,
                                e -> e.getMessage().setHeader(Exchange.REDELIVERY_DELAY, 999999L)));

        failure(out, PhoneIncServerException.class);
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void noDelayHeaderWhenFailuresAreReturnedAsReplies() {
        Exchange out =
                answer(
                        tooManyRequests().withHeader("Retry-After", "2"),
                        URI + "&throwExceptionOnFailure=false");

        assertNull(out.getException());
        assertEquals(429, out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }
}
