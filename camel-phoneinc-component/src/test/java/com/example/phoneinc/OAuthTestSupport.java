package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.example.phoneinc.auth.InMemoryTokenStore;
import com.example.phoneinc.auth.PhoneIncTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.camel.CamelContext;

/**
 * A Camel context whose {@code phoneinc} component uses OAuth against WireMock: no API key, a
 * client id, {@code oauthBaseUrl} on WireMock's root, a token store seeded with tokens that expire
 * at {@link #T}, and a test clock the component measures expiry with (starting at T − 6 min,
 * outside the default 5-minute refresh threshold).
 */
public abstract class OAuthTestSupport extends WireMockTestSupport {

    protected static final String CLIENT_ID = "cid_Kq4Zm8Tw2Vx6";
    protected static final String OLD_ACCESS = "at_OLD_Jh3Lp9Xs5Qw1Ez7R";
    protected static final String OLD_REFRESH = "rt_OLD_Mn6Bv2Cx8Zl4Ka0F";
    protected static final String NEW_ACCESS = "at_NEW_Ty5Ui1Op7As3Df9G";
    protected static final String NEW_REFRESH = "rt_NEW_Hj2Kl8Zx4Cv0Bn6M";

    /** Expiry of the seeded access token. */
    protected static final Instant T = Instant.parse("2030-01-01T12:00:00Z");

    protected final MutableClock clock = new MutableClock(T.minus(Duration.ofMinutes(6)));
    protected PhoneIncTokenStore store;

    /** The token set the store starts with; override for another. */
    protected PhoneIncTokenStore createStore() {
        return new InMemoryTokenStore(new PhoneIncTokens(OLD_ACCESS, OLD_REFRESH, T, "api"));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        store = createStore();
        context.getRegistry().bind("tokenStore", store);
        PhoneIncComponent component = context.getComponent("phoneinc", PhoneIncComponent.class);
        PhoneIncConfiguration config = component.getConfiguration();
        config.setApiKey(null);
        config.setClientId(CLIENT_ID);
        config.setOauthBaseUrl(rootUrl());
        config.setTokenStore(store);
        component.setClock(clock);
        return context;
    }

    protected static String rootUrl() {
        return "http://127.0.0.1:" + wireMock.port();
    }

    // ------------------------------------------------------------------ token endpoint

    protected static String tokenJson(String access, String refresh, long expiresIn) {
        return "{\"access_token\":\""
                + access
                + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresIn
                + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"")
                + ",\"scope\":\"api\"}";
    }

    /** POST /oauth/token answers with new tokens (for any grant). */
    protected static void stubToken(ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlEqualTo("/oauth/token")).willReturn(response));
    }

    protected static void stubTokenOk() {
        stubToken(okJson(tokenJson(NEW_ACCESS, NEW_REFRESH, 3600)));
    }

    protected static int tokenHits() {
        return wireMock.countRequestsMatching(postRequestedFor(urlEqualTo("/oauth/token")).build())
                .getCount();
    }

    /** The refresh requests that carried this refresh token, with the right grant and client. */
    protected static RequestPatternBuilder refreshWith(String refreshToken) {
        return postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(refreshToken))
                .withFormParam("client_id", equalTo(CLIENT_ID));
    }

    // ------------------------------------------------------------------ REST API

    /** GET /api/v1/calls* answers {@code response} when sent with {@code Bearer token}. */
    protected static MappingBuilder apiWith(String token) {
        return get(urlPathMatching("/api/v1/calls.*"))
                .withHeader("Authorization", equalTo("Bearer " + token));
    }

    protected static void stubApiOk(String token) {
        wireMock.stubFor(apiWith(token).willReturn(okJson("{\"calls\":[]}")));
    }

    protected static ResponseDefinitionBuilder unauthorized(String description) {
        return aResponse()
                .withStatus(401)
                .withHeader(
                        "WWW-Authenticate",
                        "Bearer realm=\"Doorkeeper\", error=\"invalid_token\","
                                + " error_description=\""
                                + description
                                + "\"")
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"error\":\"invalid_token\",\"error_description\":\""
                                + description
                                + "\"}");
    }

    protected static int apiHits() {
        return wireMock.countRequestsMatching(
                        anyRequestedFor(urlPathMatching("/api/v1/.*")).build())
                .getCount();
    }

    protected static int apiHitsWith(String token) {
        return wireMock.countRequestsMatching(
                        anyRequestedFor(urlPathMatching("/api/v1/.*"))
                                .withHeader("Authorization", equalTo("Bearer " + token))
                                .build())
                .getCount();
    }

    /** A clock tests move by hand. */
    protected static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
