package com.example.phoneinc.springboot;

import static com.example.phoneinc.springboot.CatalogOptions.PREFIX;
import static com.example.phoneinc.springboot.CatalogOptions.kebab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.PhoneIncConfiguration;
import com.example.phoneinc.auth.InMemoryTokenStore;
import com.example.phoneinc.springboot.bare.BareApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every option of the catalog, set as a {@code camel.component.phoneinc.*} property to a value
 * other than its default, arrives on the component (and unset properties leave the component's own
 * values alone). The values are derived from the catalog, so a new option is covered as soon as it
 * has its property; an option of a new kind of type fails here until the test knows a value.
 */
class ComponentOptionsCopiedTest {

    private static final CloseableHttpAsyncClient HTTP_CLIENT = HttpAsyncClients.createDefault();

    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(BareApp.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .initializers(
                        c -> c.getBeanFactory().registerSingleton("testHttpClient", HTTP_CLIENT))
                .run();
    }

    @Test
    void everyOptionSetAsAPropertyReachesTheComponent() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        CatalogOptions.componentOptions()
                .forEach(
                        (option, catalog) -> {
                            if (option.equals("configuration")) {
                                return; // replaces the whole object: its own test below
                            }
                            Object value = valueOtherThanDefault(option, catalog);
                            if (value == null) {
                                unknown.add(option + " (" + catalog.get("javaType") + ")");
                                return;
                            }
                            properties.put(PREFIX + kebab(option), property(option, value));
                            expected.put(option, value);
                        });
        if (!unknown.isEmpty()) {
            fail("no test value for the options " + unknown + ": teach valueOtherThanDefault");
        }

        try (ConfigurableApplicationContext spring = start(properties)) {
            PhoneIncComponent component =
                    spring.getBean(CamelContext.class)
                            .getComponent("phoneinc", PhoneIncComponent.class);
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                Object actual = getter(e.getKey()).invoke(component);
                Object want = e.getValue();
                boolean ok =
                        want instanceof Class<?> type
                                ? type.isInstance(actual)
                                : want.equals(actual);
                if (!ok) {
                    wrong.add(
                            e.getKey() + ": expected " + want + " but the component has " + actual);
                }
            }
            assertEquals(List.of(), wrong);
            assertSame(HTTP_CLIENT, component.getHttpClient());
        }
    }

    @Test
    void unsetPropertiesLeaveAConfigurationBeanAlone() {
        PhoneIncConfiguration shared = new PhoneIncConfiguration();
        shared.setRequestTimeout(1234);
        shared.setDefaultRegion("DK");
        Map<String, Object> properties = new HashMap<>();
        properties.put(PREFIX + "configuration", "#bean:sharedPhoneIncConfiguration");
        properties.put(PREFIX + "api-key", "phk_SetNextToTheConfigurationBean");
        try (ConfigurableApplicationContext spring =
                new SpringApplicationBuilder(BareApp.class)
                        .web(WebApplicationType.NONE)
                        .properties(properties)
                        .initializers(
                                c ->
                                        c.getBeanFactory()
                                                .registerSingleton(
                                                        "sharedPhoneIncConfiguration", shared))
                        .run()) {
            PhoneIncComponent component =
                    spring.getBean(CamelContext.class)
                            .getComponent("phoneinc", PhoneIncComponent.class);
            assertSame(shared, component.getConfiguration());
            // the single option is set on the bean, not lost under it
            assertEquals("phk_SetNextToTheConfigurationBean", component.getApiKey());
            // and the bean's values are not reset to the defaults of the unset properties
            assertEquals(1234, component.getRequestTimeout());
            assertEquals("DK", component.getDefaultRegion());
        }
    }

    /** #bean:name, a plain name and #type: all find the Spring bean. */
    @Test
    void beanReferencesFindTheSpringBean() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        for (String reference :
                List.of(
                        "#bean:sharedTokenStore",
                        "sharedTokenStore",
                        "#type:com.example.phoneinc.auth.PhoneIncTokenStore")) {
            try (ConfigurableApplicationContext spring =
                    new SpringApplicationBuilder(BareApp.class)
                            .web(WebApplicationType.NONE)
                            .properties(Map.of(PREFIX + "token-store", reference))
                            .initializers(
                                    c ->
                                            c.getBeanFactory()
                                                    .registerSingleton("sharedTokenStore", store))
                            .run()) {
                assertSame(
                        store,
                        spring.getBean(CamelContext.class)
                                .getComponent("phoneinc", PhoneIncComponent.class)
                                .getTokenStore(),
                        reference);
            }
        }
    }

    /** A value unlike the default; for object options the expected type. */
    private static Object valueOtherThanDefault(String option, JsonNode catalog) {
        JsonNode def = catalog.get("defaultValue");
        switch (catalog.get("javaType").asText()) {
            case "boolean", "java.lang.Boolean":
                return def == null || !def.asBoolean();
            case "int", "java.lang.Integer":
                return (def == null ? 0 : def.asInt()) + 7;
            case "long", "java.lang.Long":
                return (def == null ? 0L : def.asLong()) + 7L;
            case "java.lang.String":
                if (catalog.has("enum")) {
                    JsonNode values = catalog.get("enum");
                    return values.get(values.size() - 1).asText();
                }
                return option.endsWith("Url")
                        ? "http://127.0.0.1:9/" + option
                        : "x-" + option + "-test-value"; // long enough for secrets (16+)
            case "com.example.phoneinc.auth.PhoneIncTokenStore":
                return InMemoryTokenStore.class;
            case "org.apache.camel.support.jsse.SSLContextParameters":
                return SSLContextParameters.class;
            case "org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient":
                return CloseableHttpAsyncClient.class;
            default:
                return null;
        }
    }

    /** The property text for a test value: object options by #class: or #bean:. */
    private static String property(String option, Object value) {
        if (value == InMemoryTokenStore.class || value == SSLContextParameters.class) {
            return "#class:" + ((Class<?>) value).getName();
        }
        if (value == CloseableHttpAsyncClient.class) {
            return "#bean:testHttpClient";
        }
        return value.toString();
    }

    private static Method getter(String option) throws NoSuchMethodException {
        String cap = Character.toUpperCase(option.charAt(0)) + option.substring(1);
        try {
            return PhoneIncComponent.class.getMethod("get" + cap);
        } catch (NoSuchMethodException e) {
            return PhoneIncComponent.class.getMethod("is" + cap);
        }
    }

    @AfterAll
    static void closeClient() throws Exception {
        HTTP_CLIENT.close();
    }
}
