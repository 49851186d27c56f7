package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.Call;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

/**
 * Java users configure the component as they do Camel's own (telegram, slack): {@code
 * component.setApiKey(...)}; and reflection-based binding (no generated configurer) binds the
 * options instead of silently nothing. The configuration object stays the one store.
 */
class ComponentSettersTest {

    @Test
    void everyConfigurationOptionHasAComponentGetterAndSetter() throws Exception {
        Set<String> options =
                Arrays.stream(
                                Introspector.getBeanInfo(PhoneIncConfiguration.class)
                                        .getPropertyDescriptors())
                        .filter(p -> p.getWriteMethod() != null)
                        .map(PropertyDescriptor::getName)
                        .collect(Collectors.toSet());
        Set<String> component =
                Arrays.stream(
                                Introspector.getBeanInfo(PhoneIncComponent.class)
                                        .getPropertyDescriptors())
                        .filter(p -> p.getWriteMethod() != null && p.getReadMethod() != null)
                        .map(PropertyDescriptor::getName)
                        .collect(Collectors.toSet());
        assertTrue(options.size() > 20, options.toString());
        List<String> missing = options.stream().filter(o -> !component.contains(o)).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void settersWriteThroughToTheConfiguration() {
        PhoneIncComponent component = new PhoneIncComponent();
        component.setApiKey("phk_SetterKey0123456789");
        component.setRequestTimeout(1234);
        assertEquals("phk_SetterKey0123456789", component.getConfiguration().getApiKey());
        assertEquals(1234, component.getConfiguration().getRequestTimeout());
        assertEquals(1234, component.getRequestTimeout());
    }

    @Test
    void reflectionBindingWithoutTheConfigurerBindsTheOptions() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PhoneIncComponent component = new PhoneIncComponent();
            boolean bound =
                    PropertyBindingSupport.build()
                            .withConfigurer(null)
                            .withReflection(true)
                            .withCamelContext(context)
                            .withTarget(component)
                            .withProperties(
                                    new java.util.HashMap<>(
                                            Map.of(
                                                    "apiKey", "phk_BoundByReflection012345",
                                                    "maxConnections", "7")))
                            .bind();
            assertTrue(bound);
            assertEquals("phk_BoundByReflection012345", component.getConfiguration().getApiKey());
            assertEquals(7, component.getConfiguration().getMaxConnections());
        }
    }

    @Test
    void aComponentConfiguredInJavaCallsPhoneInc() throws Exception {
        WireMockServer wireMock =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        try (CamelContext context = new DefaultCamelContext()) {
            wireMock.stubFor(
                    get(urlPathEqualTo("/api/v1/calls/c1")).willReturn(okJson("{\"id\":\"c1\"}")));
            PhoneIncComponent phoneinc = new PhoneIncComponent();
            phoneinc.setApiKey("phk_JavaConfigured0123456789");
            phoneinc.setBaseUrl("http://127.0.0.1:" + wireMock.port() + "/api/v1");
            context.addComponent("phoneinc", phoneinc);
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:c").to("phoneinc:calls/get?id=c1");
                        }
                    });
            context.start();
            Object body = context.createProducerTemplate().requestBody("direct:c", (Object) null);
            assertInstanceOf(Call.class, body);
            wireMock.verify(
                    getRequestedFor(urlPathEqualTo("/api/v1/calls/c1"))
                            .withHeader("X-Api-Key", equalTo("phk_JavaConfigured0123456789")));
        } finally {
            wireMock.stop();
        }
    }
}
