package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;

/**
 * The code and metadata the camel-component-maven-plugin generates are in the build and used: if
 * build-helper stops adding src/generated, Camel silently falls back to reflection and only this
 * test notices.
 */
class GeneratedMetadataTest extends WireMockTestSupport {

    private static final String PREFIX = "camel.component.phoneinc.";

    @Test
    void configurersAndUriFactoryAreTheGeneratedOnes() throws Exception {
        PropertyConfigurer componentConfigurer =
                PluginHelper.getConfigurerResolver(context)
                        .resolvePropertyConfigurer("phoneinc-component", context);
        PropertyConfigurer endpointConfigurer =
                PluginHelper.getConfigurerResolver(context)
                        .resolvePropertyConfigurer("phoneinc-endpoint", context);
        assertNotNull(componentConfigurer, "no generated component configurer on the classpath");
        assertNotNull(endpointConfigurer, "no generated endpoint configurer on the classpath");
        assertEquals("PhoneIncComponentConfigurer", componentConfigurer.getClass().getSimpleName());
        assertEquals("PhoneIncEndpointConfigurer", endpointConfigurer.getClass().getSimpleName());

        // and the component really binds through them (not through reflection)
        PhoneIncComponent component = context.getComponent("phoneinc", PhoneIncComponent.class);
        assertEquals(
                PhoneIncComponentConfigurer.class,
                component.getComponentPropertyConfigurer().getClass());
        assertEquals(
                PhoneIncEndpointConfigurer.class,
                component.getEndpointPropertyConfigurer().getClass());

        EndpointUriFactory factory =
                PluginHelper.getUriFactoryResolver(context).resolveFactory("phoneinc", context);
        assertNotNull(factory, "no generated URI factory on the classpath");
        assertEquals("PhoneIncEndpointUriFactory", factory.getClass().getSimpleName());
        assertTrue(factory.secretPropertyNames().contains("apiKey"));
        assertTrue(factory.secretPropertyNames().contains("proxyPassword"));
        assertFalse(factory.secretPropertyNames().contains("baseUrl"));
        assertTrue(
                factory.propertyNames()
                        .containsAll(
                                List.of(
                                        "resource",
                                        "action",
                                        "id",
                                        "phoneNumber",
                                        "rawJson",
                                        "apiKey",
                                        "requestTimeout")));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("resource", "calls");
        props.put("action", "get");
        props.put("id", "c1");
        assertEquals("phoneinc:calls/get?id=c1", factory.buildUri("phoneinc", props, false));
    }

    @Test
    void catalogJsonDescribesOptionsAndHeaders() throws Exception {
        JsonNode catalog;
        try (InputStream in =
                getClass().getResourceAsStream("/META-INF/com/example/phoneinc/phoneinc.json")) {
            assertNotNull(in, "catalog JSON missing from the classpath");
            catalog = PhoneIncJson.mapper().readTree(in);
        }
        JsonNode component = catalog.get("component");
        assertEquals("phoneinc", component.get("scheme").asText());
        assertEquals("phoneinc:resource/action", component.get("syntax").asText());
        // producer and consumer (the polling consumers, issue 12)
        assertFalse(component.get("producerOnly").asBoolean());
        assertFalse(component.get("consumerOnly").asBoolean());
        assertTrue(component.get("async").asBoolean());

        JsonNode endpoint = catalog.get("properties");
        assertTrue(endpoint.get("apiKey").get("secret").asBoolean());
        assertTrue(endpoint.get("proxyPassword").get("secret").asBoolean());
        assertFalse(endpoint.get("baseUrl").get("secret").asBoolean());
        assertEquals(
                PhoneIncConfiguration.DEFAULT_BASE_URL,
                endpoint.get("baseUrl").get("defaultValue").asText());
        assertTrue(endpoint.get("resource").get("required").asBoolean());
        List<String> resources = new ArrayList<>();
        endpoint.get("resource").get("enum").forEach(v -> resources.add(v.asText()));
        assertEquals(
                List.of(
                        "calls",
                        "voicemails",
                        "contacts",
                        "mainNumbers",
                        "employees",
                        "callerContext",
                        "webhooks",
                        "events",
                        "request",
                        "oauth"),
                resources);
        assertTrue(catalog.get("componentProperties").get("apiKey").get("secret").asBoolean());

        JsonNode headers = catalog.get("headers");
        for (String header :
                List.of(
                        PhoneIncConstants.ID,
                        PhoneIncConstants.PHONE_NUMBER,
                        PhoneIncConstants.DIRECTION,
                        PhoneIncConstants.STATE,
                        PhoneIncConstants.LISTENED,
                        PhoneIncConstants.HTTP_METHOD,
                        PhoneIncConstants.PATH,
                        PhoneIncConstants.UNLISTENED_COUNT,
                        PhoneIncConstants.LIST_METADATA,
                        Exchange.HTTP_RESPONSE_CODE)) {
            assertNotNull(headers.get(header), "header missing from the catalog: " + header);
        }
        assertEquals("String", headers.get(PhoneIncConstants.ID).get("javaType").asText());
        assertEquals(
                "Integer",
                headers.get(PhoneIncConstants.UNLISTENED_COUNT).get("javaType").asText());
    }

    @Test
    void componentOptionsBindFromProperties() throws Exception {
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/calls?phone_number=%2B14155551234"))
                        .willReturn(okJson("{\"calls\":[]}")));
        Properties initial = new Properties();
        initial.setProperty(PREFIX + "api-key", "phk_fromProperties");
        initial.setProperty(PREFIX + "base-url", baseUrl());
        initial.setProperty(PREFIX + "default-region", "US");
        initial.setProperty(PREFIX + "request-timeout", "4000");
        initial.setProperty(PREFIX + "throw-exception-on-failure", "false");

        try (CamelContext fresh = new DefaultCamelContext()) {
            fresh.getPropertiesComponent().setInitialProperties(initial);
            fresh.init(); // as Camel Main: bind component options after init, before start
            // the component is found through the generated META-INF/services descriptor
            PhoneIncComponent component = fresh.getComponent("phoneinc", PhoneIncComponent.class);
            assertNotNull(component);
            bindLikeCamelMain(fresh, component);
            fresh.start();

            PhoneIncConfiguration defaults = component.getConfiguration();
            assertEquals("phk_fromProperties", defaults.getApiKey());
            assertEquals(baseUrl(), defaults.getBaseUrl());
            assertEquals("US", defaults.getDefaultRegion());
            assertEquals(4000, defaults.getRequestTimeout());
            assertFalse(defaults.isThrowExceptionOnFailure());

            Exchange out =
                    fresh.createProducerTemplate()
                            .request(
                                    "phoneinc:calls?phoneNumber=4155551234",
                                    e -> e.getMessage().setBody(null));
            assertNull(out.getException());
            wireMock.verify(
                    1,
                    getRequestedFor(urlEqualTo("/api/v1/calls?phone_number=%2B14155551234"))
                            .withHeader("X-Api-Key", equalTo("phk_fromProperties")));
        }
    }

    @Test
    void endpointOptionsOverrideComponentDefaultsWithoutChangingThem() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/api/v1/employees")).willReturn(okJson("[]")));
        PhoneIncComponent component = context.getComponent("phoneinc", PhoneIncComponent.class);
        component.getConfiguration().setDefaultRegion("US");

        PhoneIncEndpoint overriding =
                context.getEndpoint(
                        "phoneinc:employees?apiKey=RAW(phk_endpointKey)&defaultRegion=DK"
                                + "&requestTimeout=4321",
                        PhoneIncEndpoint.class);
        PhoneIncEndpoint plain = context.getEndpoint("phoneinc:employees", PhoneIncEndpoint.class);

        assertEquals("phk_endpointKey", overriding.getConfiguration().getApiKey());
        assertEquals("DK", overriding.getConfiguration().getDefaultRegion());
        assertEquals(4321, overriding.getConfiguration().getRequestTimeout());
        assertEquals(API_KEY, plain.getConfiguration().getApiKey());
        assertEquals("US", plain.getConfiguration().getDefaultRegion());
        assertEquals(API_KEY, component.getConfiguration().getApiKey(), "defaults untouched");
        assertEquals("US", component.getConfiguration().getDefaultRegion());
        assertNotSame(component.getConfiguration(), plain.getConfiguration());
        assertSame(plain, context.getEndpoint("phoneinc:employees"));

        assertNull(template.request(overriding, e -> {}).getException());
        assertNull(template.request(plain, e -> {}).getException());
        wireMock.verify(
                1,
                getRequestedFor(urlEqualTo("/api/v1/employees"))
                        .withHeader("X-Api-Key", equalTo("phk_endpointKey")));
        wireMock.verify(
                1,
                getRequestedFor(urlEqualTo("/api/v1/employees"))
                        .withHeader("X-Api-Key", equalTo(API_KEY)));
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    /**
     * What Camel Main (and Camel Quarkus) do with {@code camel.component.NAME.option=value}: look
     * up each component option (as listed in the catalog) in dash-case through the properties
     * component and bind the values through the component's configurer.
     */
    private static void bindLikeCamelMain(CamelContext context, PhoneIncComponent component)
            throws Exception {
        JsonNode options;
        try (InputStream in =
                GeneratedMetadataTest.class.getResourceAsStream(
                        "/META-INF/com/example/phoneinc/phoneinc.json")) {
            options = PhoneIncJson.mapper().readTree(in).get("componentProperties");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        options.fieldNames()
                .forEachRemaining(
                        name ->
                                context.getPropertiesComponent()
                                        .resolveProperty(
                                                PREFIX + StringHelper.camelCaseToDash(name))
                                        .ifPresent(v -> values.put(name, v)));
        assertEquals(5, values.size(), values.toString());
        PropertyBindingSupport.build()
                .withCamelContext(context)
                .withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withProperties(values)
                .withMandatory(true)
                .bind();
        assertTrue(values.isEmpty(), "options not bound: " + values);
    }
}
