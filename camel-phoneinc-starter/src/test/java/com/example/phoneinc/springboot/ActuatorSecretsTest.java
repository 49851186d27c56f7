package com.example.phoneinc.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.springboot.bare.BareApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Actuator's {@code /actuator/configprops} and {@code /actuator/env} over HTTP, as a user reads
 * them, with {@code show-values=always}, the setting under which Spring Boot masks nothing by
 * itself: the starter's sanitizer masks every Phone.inc secret — component options, a Kamelet's, an
 * environment variable — and nothing else.
 */
@CamelSpringBootTest
@SpringBootTest(
        classes = BareApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "management.endpoints.web.exposure.include=configprops,env",
            "management.endpoint.configprops.show-values=always",
            "management.endpoint.env.show-values=always",
            "camel.component.phoneinc.base-url=http://127.0.0.1:1/api/v1",
            "camel.component.phoneinc.api-key=" + ActuatorSecretsTest.API_KEY,
            "camel.component.phoneinc.webhook-secret=" + ActuatorSecretsTest.WEBHOOK_SECRET,
            "camel.component.phoneinc.refresh-token=" + ActuatorSecretsTest.REFRESH_TOKEN,
            "camel.component.phoneinc.proxy-password=" + ActuatorSecretsTest.PROXY_PASSWORD,
            "camel.kamelet.phoneinc-voicemail-source.apiKey=" + ActuatorSecretsTest.KAMELET_KEY,
            "PHONEINC_WEBHOOK_SECRET=" + ActuatorSecretsTest.ENV_SECRET,
            "PHONEINC_API_KEY=" + ActuatorSecretsTest.ENV_KEY
        })
@DirtiesContext
class ActuatorSecretsTest {

    static final String API_KEY = "phk_ActuatorKey0123456789abcdefXYZ";
    static final String WEBHOOK_SECRET = "whs_ActuatorWebhookSecret0123456789";
    static final String REFRESH_TOKEN = "rt_ActuatorRefreshToken0123456789";
    static final String PROXY_PASSWORD = "ActuatorProxyPassword0123";
    static final String KAMELET_KEY = "phk_ActuatorKameletKey0123456789ab";
    static final String ENV_SECRET = "whs_ActuatorEnvSecret0123456789abc";
    static final String ENV_KEY = "phk_ActuatorEnvKey0123456789abcdef";
    static final List<String> SECRETS =
            List.of(
                    API_KEY,
                    WEBHOOK_SECRET,
                    REFRESH_TOKEN,
                    PROXY_PASSWORD,
                    KAMELET_KEY,
                    ENV_SECRET,
                    ENV_KEY);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort int port;

    @Test
    void configpropsMasksTheComponentsSecretsAndShowsTheRest() throws Exception {
        String json = get("/actuator/configprops");
        SECRETS.forEach(s -> assertFalse(json.contains(s), () -> "shown in /configprops: " + s));
        JsonNode phoneinc = bean(JSON.readTree(json), "camel.component.phoneinc");
        JsonNode properties = phoneinc.path("properties");
        assertEquals("******", properties.path("apiKey").asText(), properties::toString);
        assertEquals("******", properties.path("webhookSecret").asText());
        assertEquals("******", properties.path("refreshToken").asText());
        assertEquals("******", properties.path("proxyPassword").asText());
        // show-values=always is in effect: what is not a secret is shown
        assertEquals("http://127.0.0.1:1/api/v1", properties.path("baseUrl").asText());
    }

    @Test
    void envMasksPhoneIncSecretsWhateverTheirSpelling() throws Exception {
        String json = get("/actuator/env");
        SECRETS.forEach(s -> assertFalse(json.contains(s), () -> "shown in /env: " + s));
        for (String key :
                List.of(
                        "camel.component.phoneinc.api-key",
                        "camel.component.phoneinc.webhook-secret",
                        "camel.kamelet.phoneinc-voicemail-source.apiKey",
                        "PHONEINC_WEBHOOK_SECRET",
                        "PHONEINC_API_KEY")) {
            assertEquals("******", value(key), key);
        }
        assertEquals("http://127.0.0.1:1/api/v1", value("camel.component.phoneinc.base-url"));
        assertEquals("configprops,env", value("management.endpoints.web.exposure.include"));
    }

    @Test
    void theSecretsAreTheCatalogsSecretOptions() {
        Set<String> fromCatalog = new java.util.TreeSet<>();
        CatalogOptions.componentOptions()
                .forEach(
                        (name, option) -> {
                            if (option.path("secret").asBoolean()) {
                                fromCatalog.add(name.toLowerCase(java.util.Locale.ROOT));
                            }
                        });
        assertTrue(fromCatalog.contains("apikey"), fromCatalog::toString);
        assertEquals(
                fromCatalog,
                new java.util.TreeSet<>(PhoneIncSecretsSanitizer.fromCatalog().secrets()));
    }

    private String value(String key) throws Exception {
        JsonNode entry = JSON.readTree(get("/actuator/env/" + key));
        for (JsonNode source : entry.path("propertySources")) {
            JsonNode property = source.path("property");
            if (!property.isMissingNode() && !property.isNull()) {
                return property.path("value").asText();
            }
        }
        throw new AssertionError(key + " not in /env: " + entry);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), () -> path + ": " + r.body());
        return r.body();
    }

    private static JsonNode bean(JsonNode report, String prefix) {
        for (JsonNode context : report.path("contexts")) {
            for (JsonNode bean : context.path("beans")) {
                if (prefix.equals(bean.path("prefix").asText())) {
                    return bean;
                }
            }
        }
        throw new AssertionError("no " + prefix + " bean in /configprops: " + report);
    }
}
