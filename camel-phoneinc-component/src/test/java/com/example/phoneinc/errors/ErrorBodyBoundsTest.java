package com.example.phoneinc.errors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.LogCapture;
import com.example.phoneinc.TransportModes;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncServerException;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Error paths are bounded and redacted like the happy path: an error body is read to a few
 * kilobytes only, its TRACE line never shows the key, and a 2xx without a body where a model was
 * expected is a typed failure, not a null result.
 */
@TransportModes
class ErrorBodyBoundsTest extends ErrorTestSupport {

    @Parameter boolean synchronous;

    @Override
    protected boolean synchronous() {
        return synchronous;
    }

    @Test
    void traceLineOfAnErrorBodyIsRedacted() throws Exception {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(502)
                                        .withBody(
                                                "<html>proxy error for X-Api-Key: "
                                                        + API_KEY
                                                        + "</html>")));
        List<LogCapture.Line> lines;
        try (LogCapture log = LogCapture.start(Level.TRACE, "com.example.phoneinc")) {
            Exchange out = sendBounded("phoneinc:calls/get?id=c1", null);
            assertInstanceOf(PhoneIncServerException.class, out.getException());
            lines = log.lines();
        }
        LogCapture.Line body =
                lines.stream()
                        .filter(l -> l.level() == Level.TRACE && l.text().contains("body:"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no TRACE body line: " + lines));
        assertTrue(body.text().contains("[redacted]"), body.text());
        lines.forEach(l -> assertFalse(l.text().contains(API_KEY), l.toString()));
    }

    @Test
    void aHugeErrorBodyIsReadOnlyToItsBound() throws Exception {
        String huge = "x".repeat(20 * 1024 * 1024);
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c1"))
                        .willReturn(aResponse().withStatus(500).withBody(huge)));
        List<LogCapture.Line> lines;
        Exchange out;
        try (LogCapture log = LogCapture.start(Level.TRACE, "com.example.phoneinc")) {
            out = sendBounded("phoneinc:calls/get?id=c1", null);
            lines = log.lines();
        }
        PhoneIncServerException e = failure(out, PhoneIncServerException.class);
        assertEquals(500, e.getStatusCode());
        assertTrue(e.getResponseBody().length() <= 8 * 1024);
        LogCapture.Line body =
                lines.stream()
                        .filter(l -> l.level() == Level.TRACE && l.text().contains("body:"))
                        .findFirst()
                        .orElseThrow();
        // what was read of the 20 MB: at most the 64 KiB error-body bound (maxResponseSize: 10 MB)
        assertTrue(body.text().length() < 65 * 1024, "read " + body.text().length() + " chars");
        assertTrue(body.text().length() > 60 * 1024, "read " + body.text().length() + " chars");

        // the connection was given up, not reused half-read: the next call works
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/c2"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"id\":\"c2\"}")));
        Exchange next = sendBounded("phoneinc:calls/get?id=c2", null);
        assertNull(next.getException());
    }

    @Test
    void anEmptyTwoHundredForAGetOrListIsATypedFailure() {
        for (String[] c :
                List.of(
                        new String[] {"/api/v1/calls/c1", "phoneinc:calls/get?id=c1", "a Call"},
                        new String[] {"/api/v1/calls", "phoneinc:calls", "a list of Call"})) {
            wireMock.resetAll();
            wireMock.stubFor(get(urlPathEqualTo(c[0])).willReturn(aResponse().withStatus(200)));
            Exchange out = sendBounded(c[1], null);
            PhoneIncException e = failure(out, PhoneIncException.class);
            assertTrue(e.getMessage().contains("empty body instead of " + c[2]), e.getMessage());
            assertEquals(200, e.getStatusCode());
            assertFalse(e.isRetryable());
            wireMock.verify(1, getRequestedFor(urlPathEqualTo(c[0])));
        }
    }

    @Test
    void anEmptyAnswerToADeleteIsStillFine() {
        wireMock.stubFor(
                delete(urlPathEqualTo("/api/v1/contacts/ct1"))
                        .willReturn(aResponse().withStatus(204)));
        Exchange out = sendBounded("phoneinc:contacts/delete?id=ct1", "x");
        assertNull(out.getException());
        assertNull(out.getMessage().getBody());
        assertEquals(204, out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
    }
}
