package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.auth.InMemoryTokenStore;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * The credential is chosen in one place, at route start: exactly one kind, or {@code
 * authenticationType} to pick; messages name the options to set and never a credential.
 */
class OAuthChoiceTest extends WireMockTestSupport {

    private static final String TOKEN = "at_Choice_Rf4Tg8Yh2Uj6";
    private static final String REFRESH = "rt_Choice_Ed3Ws7Qa1Zx5";
    private static final String CLIENT = "cid_Choice_Lk9Mn3";

    private PhoneIncConfiguration componentConfig() {
        return context.getComponent("phoneinc", PhoneIncComponent.class).getConfiguration();
    }

    @Test
    void apiKeyAndAccessTokenTogetherFailAtRouteStart() {
        String text = routeStartFailure("phoneinc:calls?accessToken=RAW(" + TOKEN + ")");

        assertTrue(text.contains("apiKey"), text);
        assertTrue(text.contains("accessToken"), text);
        assertTrue(text.contains("authenticationType"), text);
        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.contains(API_KEY), text);
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void apiKeyAndTokenStoreOnTheComponentFailAtRouteStart() {
        componentConfig().setTokenStore(new InMemoryTokenStore());
        componentConfig().setClientId(CLIENT);

        String text = routeStartFailure("phoneinc:calls");

        assertTrue(text.contains("apiKey"), text);
        assertTrue(text.contains("tokenStore"), text);
        assertTrue(text.contains("authenticationType"), text);
    }

    @Test
    void noCredentialFailsAtRouteStartNamingApiKeyAndClientId() {
        componentConfig().setApiKey(null);

        String text = routeStartFailure("phoneinc:calls");

        assertTrue(text.contains("apiKey"), text);
        assertTrue(text.contains("clientId"), text);
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void refreshTokenWithoutClientIdFailsNamingClientId() {
        componentConfig().setApiKey(null);

        String text = routeStartFailure("phoneinc:calls?refreshToken=RAW(" + REFRESH + ")");

        assertTrue(text.contains("clientId"), text);
        assertFalse(text.contains(REFRESH), text);
    }

    @Test
    void oauthTypeWithoutOAuthCredentialFailsNamingTheOptions() {
        String text = routeStartFailure("phoneinc:calls?authenticationType=oauth");

        assertTrue(text.contains("accessToken"), text);
        assertTrue(text.contains("refreshToken"), text);
        assertTrue(text.contains("tokenStore"), text);
    }

    @Test
    void unknownAuthenticationTypeFails() {
        String text = routeStartFailure("phoneinc:calls?authenticationType=basic");

        assertTrue(text.contains("authenticationType"), text);
        assertTrue(text.contains("apiKey") && text.contains("oauth"), text);
    }

    @Test
    void authenticationTypeOAuthWinsOverTheComponentApiKey() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls")).willReturn(okJson("{\"calls\":[]}")));
        startRoute("phoneinc:calls?authenticationType=OAuth&accessToken=RAW(" + TOKEN + ")");

        assertNull(template.send("direct:start", e -> {}).getException());

        wireMock.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/calls"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                        .withHeader("X-Api-Key", absent()));
        assertEquals(1, wireMock.getAllServeEvents().size());
    }

    @Test
    void oauthAloneSendsBearerAndNoApiKeyHeader() throws Exception {
        componentConfig().setApiKey(null);
        componentConfig().setClientId(CLIENT);
        componentConfig().setAccessToken(TOKEN);
        componentConfig().setRefreshToken(REFRESH);
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls")).willReturn(okJson("{\"calls\":[]}")));
        startRoute("phoneinc:calls");

        assertNull(template.send("direct:start", e -> {}).getException());

        wireMock.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/calls"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                        .withHeader("X-Api-Key", absent()));
    }

    @Test
    void authenticationTypeApiKeyWinsOverOAuthOptions() throws Exception {
        componentConfig().setClientId(CLIENT);
        componentConfig().setAccessToken(TOKEN);
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls")).willReturn(okJson("{\"calls\":[]}")));
        startRoute("phoneinc:calls?authenticationType=apiKey");

        assertNull(template.send("direct:start", e -> {}).getException());

        wireMock.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/calls"))
                        .withHeader("X-Api-Key", equalTo(API_KEY))
                        .withHeader("Authorization", absent()));
    }

    @Test
    void accessTokenAloneNeedsNoClientId() throws Exception {
        componentConfig().setApiKey(null);
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/calls")).willReturn(okJson("{\"calls\":[]}")));
        startRoute("phoneinc:calls?accessToken=RAW(" + TOKEN + ")");

        assertNull(template.send("direct:start", e -> {}).getException());
        wireMock.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v1/calls"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    // ---------------------------------------------------------------- helpers

    private void startRoute(String to) throws Exception {
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:start").to(to);
                    }
                });
    }

    /**
     * The component's own message (the IllegalArgumentException in the chain: Camel's wrappers
     * quote the route, whose URI names options anyway); the whole chain must not hold a secret.
     */
    private String routeStartFailure(String to) {
        Exception e = assertThrows(Exception.class, () -> startRoute(to), "route must not start");
        String own = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (String secret : new String[] {TOKEN, REFRESH, CLIENT, API_KEY}) {
                assertFalse(String.valueOf(t).contains(secret), () -> "secret in " + e);
            }
            if (t instanceof IllegalArgumentException) {
                own = t.getMessage();
            }
        }
        assertNotNull(own, () -> "no IllegalArgumentException in " + e);
        return own;
    }
}
