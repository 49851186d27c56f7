package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.example.phoneinc.api.PhoneIncNotFoundException;
import com.example.phoneinc.api.model.Call;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class SmokeTest extends WireMockTestSupport {

    @Test
    void listsCalls() {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls"))
                        .willReturn(
                                okJson(
                                        "{\"calls\":[{\"id\":\"c1\",\"from\":\"+14155550101\",\"x\":1}]}")));
        Exchange out = send("phoneinc:calls?phoneNumber=+14155550101", null);
        assertNull(out.getException());
        List<?> calls = out.getMessage().getBody(List.class);
        assertEquals(1, calls.size());
        assertEquals("c1", ((Call) calls.get(0)).getId());
        wireMock.verify(
                1,
                getRequestedFor(urlEqualTo("/api/v1/calls?phone_number=%2B14155550101"))
                        .withHeader("X-Api-Key", equalTo(API_KEY)));
    }

    @Test
    void notFound() {
        wireMock.stubFor(
                get(urlPathEqualTo("/api/v1/calls/nope"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withBody("{\"error\":\"Call not found\"}")));
        Exchange out = send("phoneinc:calls/get?id=nope", null);
        PhoneIncNotFoundException e =
                assertInstanceOf(PhoneIncNotFoundException.class, out.getException());
        assertEquals("Call not found", e.getErrorMessage());
    }
}
