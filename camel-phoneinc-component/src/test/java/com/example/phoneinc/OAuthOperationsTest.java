package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncBadRequestException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncReauthorizationRequiredException;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.auth.InMemoryTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** {@code phoneinc:oauth/token} (code exchange) and {@code phoneinc:oauth/revoke} (RFC 7009). */
class OAuthOperationsTest extends OAuthTestSupport {

    private static final String CODE = "code_Az8Sx2Dc6Fv0";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String REDIRECT = "http://127.0.0.1:8765/callback?x=1&y=2";
    private static final String REVOKE_ME = "at_REVOKE_Nb4Vc8Xz2Lk6";

    private static final String TOKEN_URI = "phoneinc:oauth/token?tokenStore=#exchangeStore";

    private final InMemoryTokenStore exchangeStore = new InMemoryTokenStore();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("exchangeStore", exchangeStore);
        return context;
    }

    private Exchange exchangeCode(Map<String, Object> headers) {
        return template.request(TOKEN_URI, e -> e.getMessage().setHeaders(headers));
    }

    private static Map<String, Object> codeHeaders() {
        return Map.of(
                PhoneIncConstants.AUTHORIZATION_CODE, CODE,
                PhoneIncConstants.CODE_VERIFIER, VERIFIER,
                PhoneIncConstants.REDIRECT_URI, REDIRECT);
    }

    @Test
    void codeExchangePostsTheFormReturnsAndSavesTheTokens() throws Exception {
        stubTokenOk();
        stubApiOk(NEW_ACCESS);

        Exchange out = exchangeCode(codeHeaders());

        assertNull(out.getException());
        PhoneIncTokens tokens = out.getMessage().getBody(PhoneIncTokens.class);
        assertEquals(
                new PhoneIncTokens(
                        NEW_ACCESS, NEW_REFRESH, clock.instant().plusSeconds(3600), "api"),
                tokens);
        wireMock.verify(
                1,
                postRequestedFor(urlEqualTo("/oauth/token"))
                        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                        .withHeader("Authorization", absent())
                        .withHeader("X-Api-Key", absent())
                        .withFormParam("grant_type", equalTo("authorization_code"))
                        .withFormParam("code", equalTo(CODE))
                        .withFormParam("redirect_uri", equalTo(REDIRECT))
                        .withFormParam("client_id", equalTo(CLIENT_ID))
                        .withFormParam("code_verifier", equalTo(VERIFIER)));
        assertEquals(1, wireMock.getAllServeEvents().size());
        assertEquals(tokens, exchangeStore.load().orElseThrow(), "saved to the store");

        // the endpoints of that store now call with the new access token
        assertNull(send("phoneinc:calls?tokenStore=#exchangeStore", null).getException());
        assertEquals(1, apiHitsWith(NEW_ACCESS));
        assertEquals(1, tokenHits(), "no refresh needed");
    }

    @Test
    void codeExchangeReplacesTheTokensOfAnEndedCredential() throws Exception {
        exchangeStore.save(new PhoneIncTokens(OLD_ACCESS, OLD_REFRESH, T, "api"));
        wireMock.stubFor(
                apiWith(OLD_ACCESS).willReturn(unauthorized("The access token was revoked")));
        stubApiOk(NEW_ACCESS);
        stubTokenOk();
        String calls = "phoneinc:calls?tokenStore=#exchangeStore";
        assertInstanceOf(
                PhoneIncReauthorizationRequiredException.class, send(calls, null).getException());

        assertNull(exchangeCode(codeHeaders()).getException());

        assertNull(send(calls, null).getException(), "authorized again");
        assertEquals(1, apiHitsWith(NEW_ACCESS));
    }

    @Test
    void codeExchangeNeedsItsHeadersAndSendsNothingWithout() {
        stubTokenOk();

        PhoneIncInvalidInputException noCode =
                assertInstanceOf(
                        PhoneIncInvalidInputException.class,
                        exchangeCode(
                                        Map.of(
                                                PhoneIncConstants.CODE_VERIFIER, VERIFIER,
                                                PhoneIncConstants.REDIRECT_URI, REDIRECT))
                                .getException());
        assertEquals("code", noCode.getField());
        PhoneIncInvalidInputException noVerifier =
                assertInstanceOf(
                        PhoneIncInvalidInputException.class,
                        exchangeCode(
                                        Map.of(
                                                PhoneIncConstants.AUTHORIZATION_CODE, CODE,
                                                PhoneIncConstants.REDIRECT_URI, REDIRECT))
                                .getException());
        assertEquals("codeVerifier", noVerifier.getField());
        PhoneIncInvalidInputException noRedirect =
                assertInstanceOf(
                        PhoneIncInvalidInputException.class,
                        exchangeCode(
                                        Map.of(
                                                PhoneIncConstants.AUTHORIZATION_CODE, CODE,
                                                PhoneIncConstants.CODE_VERIFIER, VERIFIER))
                                .getException());
        assertEquals("redirectUri", noRedirect.getField());
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void missingClientIdFailsBothOperationsLocally() {
        context.getComponent("phoneinc", PhoneIncComponent.class)
                .getConfiguration()
                .setClientId(null);
        stubTokenOk();
        wireMock.stubFor(post(urlEqualTo("/oauth/revoke")).willReturn(okJson("{}")));

        PhoneIncInvalidInputException token =
                assertInstanceOf(
                        PhoneIncInvalidInputException.class,
                        exchangeCode(codeHeaders()).getException());
        assertEquals("clientId", token.getField());
        assertFalse(token.isRequestSent());
        PhoneIncInvalidInputException revoke =
                assertInstanceOf(
                        PhoneIncInvalidInputException.class,
                        template.request(
                                        "phoneinc:oauth/revoke",
                                        e ->
                                                e.getMessage()
                                                        .setHeader(
                                                                PhoneIncConstants.TOKEN, REVOKE_ME))
                                .getException());
        assertEquals("clientId", revoke.getField());
        assertEquals(0, wireMock.getAllServeEvents().size(), "nothing sent");
    }

    @Test
    void revokeSendsTheTokenFromTheHeader() {
        wireMock.stubFor(post(urlEqualTo("/oauth/revoke")).willReturn(okJson("{}")));

        Exchange out =
                template.request(
                        "phoneinc:oauth/revoke",
                        e -> e.getMessage().setHeader(PhoneIncConstants.TOKEN, REVOKE_ME));

        assertNull(out.getException());
        assertEquals(200, out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        wireMock.verify(
                1,
                postRequestedFor(urlEqualTo("/oauth/revoke"))
                        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                        .withHeader("Authorization", absent())
                        .withFormParam("token", equalTo(REVOKE_ME))
                        .withFormParam("client_id", equalTo(CLIENT_ID)));
        assertEquals(1, wireMock.getAllServeEvents().size());
    }

    @Test
    void revokeTakesTheTokenFromTheBody() {
        wireMock.stubFor(post(urlEqualTo("/oauth/revoke")).willReturn(okJson("{}")));

        assertNull(send("phoneinc:oauth/revoke", REVOKE_ME).getException());

        wireMock.verify(
                1,
                postRequestedFor(urlEqualTo("/oauth/revoke"))
                        .withFormParam("token", equalTo(REVOKE_ME)));
    }

    @Test
    void revokeWithoutTokenRevokesTheCurrentAccessToken() {
        wireMock.stubFor(post(urlEqualTo("/oauth/revoke")).willReturn(okJson("{}")));

        assertNull(send("phoneinc:oauth/revoke", null).getException());

        wireMock.verify(
                1,
                postRequestedFor(urlEqualTo("/oauth/revoke"))
                        .withFormParam("token", equalTo(OLD_ACCESS))
                        .withFormParam("client_id", equalTo(CLIENT_ID)));
    }

    @Test
    void revokeWithoutTokenOrCredentialFailsLocally() {
        context.getComponent("phoneinc", PhoneIncComponent.class)
                .getConfiguration()
                .setTokenStore(null);

        PhoneIncInvalidInputException e =
                assertInstanceOf(
                        PhoneIncInvalidInputException.class,
                        send("phoneinc:oauth/revoke", null).getException());
        assertEquals("token", e.getField());
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void oauthErrorAnswersMapToTypedExceptions() throws Exception {
        stubToken(
                oauthError(
                        400,
                        "invalid_grant",
                        "The provided authorization grant is invalid, expired, revoked"));
        PhoneIncBadRequestException grant =
                assertInstanceOf(
                        PhoneIncBadRequestException.class,
                        exchangeCode(codeHeaders()).getException());
        assertEquals("invalid_grant", grant.getErrorMessage());
        assertEquals(400, grant.getStatusCode());
        assertTrue(grant.getMessage().contains("/oauth/token"), grant.getMessage());
        assertFalse(grant.isRetryable());

        stubToken(oauthError(401, "invalid_client", "Client authentication failed"));
        PhoneIncAuthenticationException client =
                assertInstanceOf(
                        PhoneIncAuthenticationException.class,
                        exchangeCode(codeHeaders()).getException());
        assertEquals("invalid_client", client.getErrorMessage());
        assertFalse(client.isRetryable());

        stubToken(aResponse().withStatus(503));
        PhoneIncServerException down =
                assertInstanceOf(
                        PhoneIncServerException.class, exchangeCode(codeHeaders()).getException());
        assertTrue(down.isRetryable());

        wireMock.stubFor(
                post(urlEqualTo("/oauth/revoke"))
                        .willReturn(oauthError(400, "invalid_request", "The request is missing")));
        PhoneIncBadRequestException revoke =
                assertInstanceOf(
                        PhoneIncBadRequestException.class,
                        send("phoneinc:oauth/revoke", REVOKE_ME).getException());
        assertEquals("invalid_request", revoke.getErrorMessage());

        assertEquals(3, tokenHits(), "each failure final: no replay");
        assertTrue(exchangeStore.load().isEmpty(), "nothing saved");
    }

    @Test
    void tokenAnswerWithoutTokensIsAnError() throws Exception {
        stubToken(okJson("{\"token_type\":\"Bearer\"}"));

        Exchange out = exchangeCode(codeHeaders());

        assertInstanceOf(PhoneIncException.class, out.getException());
        assertTrue(exchangeStore.load().isEmpty());
    }

    private static ResponseDefinitionBuilder oauthError(
            int status, String error, String description) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"error\":\""
                                + error
                                + "\",\"error_description\":\""
                                + description
                                + "\"}");
    }
}
