package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.PhoneIncClientException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.Employee;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything a user can get wrong fails with a {@link PhoneIncInvalidInputException} naming the
 * field, and nothing reaches Phone.inc. A catch-all stub answers every request, so a request that
 * slipped through would succeed and be counted.
 */
class InputValidationTest extends WireMockTestSupport {

    @BeforeEach
    void answerEverything() {
        wireMock.stubFor(request("ANY", urlPathMatching("/.*")).willReturn(okJson("{}")));
    }

    // ---------------------------------------------------------------- phone numbers

    @ParameterizedTest
    @ValueSource(
            strings = {
                "phoneinc:calls?phoneNumber=4155551234",
                "phoneinc:calls?phoneNumber=RAW((415) 555-1234)",
                "phoneinc:calls/list?phoneNumber=RAW(+1 415 555 1234)",
                "phoneinc:callerContext?phoneNumber=4155551234",
                "phoneinc:callerContext?phoneNumber=RAW((415) 555-1234)",
                "phoneinc:callerContext/get?phoneNumber=%2B0123"
            })
    void nonE164NumberOptionIsRefused(String uri) {
        PhoneIncInvalidInputException e = invalid(send(uri, null), "phoneNumber");
        assertTrue(e.getMessage().contains("phoneNumber option"), e.getMessage());
        assertTrue(e.getMessage().contains("+14155551234"), "names the expected form");
        assertTrue(e.getMessage().contains("E.164"), e.getMessage());
        assertTrue(e.getMessage().contains("defaultRegion"), "tells how to convert");
        assertFalse(e.getMessage().contains("555-1234"), "does not echo the number");
        assertNothingSent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"phoneinc:calls", "phoneinc:callerContext"})
    void nonE164NumberHeaderIsRefused(String uri) {
        Exchange out =
                template.request(
                        uri,
                        e ->
                                e.getMessage()
                                        .setHeader(
                                                PhoneIncConstants.PHONE_NUMBER, "(415) 555-1234"));
        PhoneIncInvalidInputException e = invalid(out, "phoneNumber");
        assertTrue(e.getMessage().contains(PhoneIncConstants.PHONE_NUMBER + " header"));
        assertNothingSent();
    }

    @Test
    void defaultRegionNormalisesNationalNumbers() {
        wireMock.stubFor(
                request("GET", urlPathMatching("/api/v1/calls"))
                        .willReturn(okJson("{\"calls\":[]}")));
        Exchange calls =
                send("phoneinc:calls?defaultRegion=US&phoneNumber=RAW((415) 555-1234)", null);
        Exchange context =
                template.request(
                        "phoneinc:callerContext?defaultRegion=us",
                        e ->
                                e.getMessage()
                                        .setHeader(PhoneIncConstants.PHONE_NUMBER, "4155551234"));

        assertNull(calls.getException());
        assertNull(context.getException());
        wireMock.verify(
                1, requestedFor("GET", urlEqualTo("/api/v1/calls?phone_number=%2B14155551234")));
        wireMock.verify(
                1, requestedFor("GET", urlEqualTo("/api/v1/caller_context?phone=%2B14155551234")));
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void defaultRegionStillRefusesImpossibleNumbers() {
        PhoneIncInvalidInputException e =
                invalid(
                        send("phoneinc:calls?defaultRegion=US&phoneNumber=12", null),
                        "phoneNumber");
        assertTrue(e.getMessage().contains("region US"), e.getMessage());
        assertNothingSent();
    }

    @Test
    void unknownDefaultRegionFailsAtStart() {
        Throwable failure;
        try {
            failure = send("phoneinc:calls?defaultRegion=XX", null).getException();
        } catch (RuntimeException e) {
            failure = e; // the template could not start the producer
        }
        assertNotNull(failure, "an unknown region must not be accepted");
        assertTrue(causeChainText(failure).contains("defaultRegion 'XX'"), causeChainText(failure));
        assertNothingSent();
    }

    @Test
    void plusInTheUriIsRestored() {
        Exchange out = send("phoneinc:callerContext?phoneNumber=+14155550101", null);
        assertNull(out.getException());
        wireMock.verify(
                1, requestedFor("GET", urlEqualTo("/api/v1/caller_context?phone=%2B14155550101")));
    }

    @Test
    void missingPhoneForCallerContext() {
        PhoneIncInvalidInputException e =
                invalid(send("phoneinc:callerContext", null), "phoneNumber");
        assertTrue(e.getMessage().contains(PhoneIncConstants.PHONE_NUMBER), e.getMessage());
        invalid(
                template.request(
                        "phoneinc:callerContext",
                        x -> x.getMessage().setHeader(PhoneIncConstants.PHONE_NUMBER, "  ")),
                "phoneNumber");
        assertNothingSent();
    }

    // ---------------------------------------------------------------- ids

    @ParameterizedTest
    @ValueSource(
            strings = {
                "phoneinc:calls/get",
                "phoneinc:voicemails/get",
                "phoneinc:contacts/get",
                "phoneinc:mainNumbers/get",
                "phoneinc:employees/get",
                "phoneinc:webhooks/get",
                "phoneinc:contacts/delete",
                "phoneinc:employees/delete",
                "phoneinc:webhooks/delete",
                "phoneinc:calls/get?id=RAW(   )"
            })
    void missingIdForGetOrDelete(String uri) {
        PhoneIncInvalidInputException e = invalid(send(uri, null), "id");
        assertTrue(e.getMessage().contains(PhoneIncConstants.ID), e.getMessage());
        assertFalse(e.isRequestSent());
        assertNothingSent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "phoneinc:contacts/update",
                "phoneinc:employees/update",
                "phoneinc:webhooks/update",
                "phoneinc:mainNumbers/update",
                "phoneinc:voicemails/update?listened=true"
            })
    void missingIdForUpdate(String uri) {
        invalid(send(uri, Map.of("name", "x")), "id");
        Contact noId = new Contact();
        noId.setNote("no id in the model either");
        invalid(send("phoneinc:contacts/update", noId), "id");
        assertNothingSent();
    }

    // ---------------------------------------------------------------- bodies

    @Test
    void wrongBodyTypes() {
        Employee employee = new Employee();
        employee.setName("Not a contact");
        assertBody("phoneinc:contacts/create", 42, "java.lang.Integer");
        assertBody("phoneinc:contacts/create", employee, "not a Employee");
        assertBody("phoneinc:contacts/create", "name=Morgan", "not valid JSON");
        assertBody("phoneinc:contacts/create", "[{\"phone\":\"+14155550177\"}]", "not an object");
        assertBody("phoneinc:contacts/create", "\"just a string\"", "not an object");
        assertBody("phoneinc:contacts/create", List.of(Map.of("phone", "+1")), "not a list");
        assertBody("phoneinc:contacts/update?id=c1", 42L, "java.lang.Long");
        assertBody("phoneinc:employees/create", new Call(), "not a Call");
        assertBody("phoneinc:webhooks/create", "{\"unclosed\": ", "not valid JSON");
        assertNothingSent();
    }

    @Test
    void missingBodies() {
        assertBody("phoneinc:contacts/create", null, "needs a body");
        assertBody("phoneinc:contacts/create", "   ", "needs a body");
        assertBody("phoneinc:employees/update?id=e1", null, "needs a body");
        assertBody("phoneinc:voicemails/update?id=v1", null, "listened option");
        assertNothingSent();
    }

    // ---------------------------------------------------------------- endpoint URIs

    @Test
    void unknownResourceFailsAtEndpointCreation() {
        ResolveEndpointFailedException e =
                assertThrows(
                        ResolveEndpointFailedException.class,
                        () -> context.getEndpoint("phoneinc:foo"));
        String text = causeChainText(e);
        assertTrue(text.contains("Unknown Phone.inc resource 'foo'"), text);
        assertTrue(
                text.contains(
                        "calls, voicemails, contacts, mainNumbers, employees, callerContext,"
                                + " webhooks, events, request"),
                text);
        assertThrows(ResolveEndpointFailedException.class, () -> send("phoneinc:Calls", null));
        assertNothingSent();
    }

    @Test
    void unknownActionFailsAtEndpointCreation() {
        ResolveEndpointFailedException e =
                assertThrows(
                        ResolveEndpointFailedException.class,
                        () -> context.getEndpoint("phoneinc:calls/delete"));
        String text = causeChainText(e);
        assertTrue(text.contains("phoneinc:calls/delete"), text);
        assertTrue(text.contains("calls supports list, get"), text);
        String voicemails =
                causeChainText(
                        assertThrows(
                                ResolveEndpointFailedException.class,
                                () -> context.getEndpoint("phoneinc:voicemails/create")));
        assertTrue(voicemails.contains("voicemails supports list, get, update"), voicemails);
        assertThrows(
                ResolveEndpointFailedException.class,
                () -> context.getEndpoint("phoneinc:calls?noSuchOption=1"));
        assertNothingSent();
    }

    // ---------------------------------------------------------------- raw requests

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://evil.example/x",
                "../x",
                "calls",
                "//evil.example/x",
                "/calls/../employees",
                "/calls#frag",
                "/calls/%2e%2e/oauth/token",
                "/calls/.%2E/x",
                "/calls with space",
                "/calls\n/x"
            })
    void rawRequestRefusesBadPaths(String path) {
        Exchange byHeader =
                template.request(
                        "phoneinc:request?method=GET",
                        e -> e.getMessage().setHeader(PhoneIncConstants.PATH, path));
        PhoneIncInvalidInputException e = invalid(byHeader, "path");
        assertTrue(e.getMessage().contains("/calls?state=ended"), "shows an example");
        assertNothingSent();
    }

    @Test
    void rawRequestRefusesBadPathOption() {
        invalid(send("phoneinc:request?method=GET&path=RAW(http://evil.example/x)", null), "path");
        invalid(send("phoneinc:request?method=GET&path=RAW(../x)", null), "path");
        invalid(send("phoneinc:request?method=GET", null), "path");
        assertNothingSent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "CONNECT", "GETT", ""})
    void rawRequestRefusesBadMethods(String method) {
        Exchange out =
                template.request(
                        "phoneinc:request?path=/calls",
                        e -> e.getMessage().setHeader(PhoneIncConstants.HTTP_METHOD, method));
        PhoneIncInvalidInputException e = invalid(out, "method");
        assertTrue(e.getMessage().contains("GET, POST, PUT, PATCH, DELETE"), e.getMessage());
        invalid(send("phoneinc:request?path=/calls", null), "method");
        assertNothingSent();
    }

    @Test
    void rawRequestRefusesBadBody() {
        invalid(send("phoneinc:request?method=POST&path=/contacts", "not json"), "body");
        invalid(send("phoneinc:request?method=PATCH&path=/contacts/c1", 7), "body");
        assertNothingSent();
    }

    // ---------------------------------------------------------------- filters

    @Test
    void invalidDirection() {
        PhoneIncInvalidInputException e =
                invalid(send("phoneinc:calls?direction=sideways", null), "direction");
        assertTrue(e.getMessage().contains("inbound or outbound"), e.getMessage());
        invalid(
                template.request(
                        "phoneinc:calls?direction=inbound",
                        x -> x.getMessage().setHeader(PhoneIncConstants.DIRECTION, "both")),
                "direction");
        assertNothingSent();
    }

    @Test
    void directionIsSentInLowerCase() {
        wireMock.stubFor(
                request("GET", urlPathMatching("/api/v1/calls"))
                        .willReturn(okJson("{\"calls\":[]}")));
        assertNull(send("phoneinc:calls?direction=Inbound", null).getException());
        assertNull(
                template.request(
                                "phoneinc:calls",
                                x ->
                                        x.getMessage()
                                                .setHeader(
                                                        PhoneIncConstants.DIRECTION, " OUTBOUND "))
                        .getException());
        wireMock.verify(1, requestedFor("GET", urlEqualTo("/api/v1/calls?direction=inbound")));
        wireMock.verify(1, requestedFor("GET", urlEqualTo("/api/v1/calls?direction=outbound")));
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    // ---------------------------------------------------------------- helpers

    private void assertBody(String uri, Object body, String expected) {
        PhoneIncInvalidInputException e = invalid(send(uri, body), "body");
        assertTrue(e.getMessage().contains(expected), () -> uri + ": " + e.getMessage());
    }

    /** The exchange failed locally with an invalid-input exception for {@code field}. */
    private static PhoneIncInvalidInputException invalid(Exchange out, String field) {
        assertNotNull(out.getException(), "expected a failure");
        PhoneIncInvalidInputException e =
                assertInstanceOf(PhoneIncInvalidInputException.class, out.getException());
        assertInstanceOf(PhoneIncClientException.class, e);
        assertEquals(field, e.getField(), e.getMessage());
        assertFalse(e.isRetryable());
        assertFalse(e.isRequestSent());
        assertEquals(0, e.getStatusCode());
        assertTrue(e.getMessage().endsWith("Nothing was sent."), e.getMessage());
        assertTrue(e.getMessage().startsWith("phoneinc:"), e.getMessage());
        return e;
    }

    private static void assertNothingSent() {
        assertTrue(
                wireMock.getAllServeEvents().isEmpty(),
                () -> "requests reached WireMock: " + wireMock.getAllServeEvents());
    }

    private static String causeChainText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
