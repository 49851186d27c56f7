package com.example.phoneinc.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.springboot.bare.BareApp;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/** The switches of the auto-configuration, on an application with no routes of its own. */
class AutoConfigurationSwitchesTest {

    private static final String DEFAULT_BASE_URL = new PhoneIncComponent().getBaseUrl();

    @Nested
    @CamelSpringBootTest
    @DirtiesContext
    @SpringBootTest(
            classes = BareApp.class,
            properties = {
                "camel.component.phoneinc.enabled=false",
                "camel.component.phoneinc.api-key=phk_NotCopiedWhenDisabled",
                "camel.component.phoneinc.base-url=http://127.0.0.1:9/api/v1",
                "camel.component.phoneinc.error-handling.enabled=true"
            })
    class EnabledFalse {
        @Autowired ApplicationContext spring;
        @Autowired CamelContext camel;

        @Test
        void removesTheCustomizationAndThePolicy() {
            assertFalse(spring.containsBean(PhoneIncComponentAutoConfiguration.class.getName()));
            assertFalse(spring.containsBean("configurePhoneIncComponent"));
            assertFalse(spring.containsBean("phoneIncErrorHandling"));
            PhoneIncComponent component = camel.getComponent("phoneinc", PhoneIncComponent.class);
            assertNull(component.getApiKey());
            assertEquals(DEFAULT_BASE_URL, component.getBaseUrl());
        }
    }

    @Nested
    @CamelSpringBootTest
    @DirtiesContext
    @SpringBootTest(
            classes = BareApp.class,
            properties = {
                "camel.component.phoneinc.customizer.enabled=false",
                "camel.component.phoneinc.api-key=phk_NotCopiedWithoutCustomizer",
                "camel.component.phoneinc.error-handling.enabled=true"
            })
    class CustomizerDisabled {
        @Autowired ApplicationContext spring;
        @Autowired CamelContext camel;

        @Test
        void leavesTheComponentAloneButKeepsThePolicy() {
            assertTrue(spring.containsBean("configurePhoneIncComponent"));
            assertNull(camel.getComponent("phoneinc", PhoneIncComponent.class).getApiKey());
            assertTrue(spring.getBean("phoneIncErrorHandling") instanceof RoutesBuilder);
            assertEquals(
                    1,
                    ((ModelCamelContext) camel)
                            .getRouteConfigurationDefinitions().stream()
                                    .filter(c -> "phoneinc-error-handling".equals(c.getId()))
                                    .count());
        }
    }

    @Nested
    @CamelSpringBootTest
    @DirtiesContext
    @SpringBootTest(
            classes = BareApp.class,
            properties = "camel.component.phoneinc.api-key=phk_PolicyIsOptIn")
    class ErrorHandlingByDefault {
        @Autowired ApplicationContext spring;
        @Autowired CamelContext camel;

        @Test
        void isOff() {
            assertFalse(spring.containsBean("phoneIncErrorHandling"));
            assertEquals(
                    "phk_PolicyIsOptIn",
                    camel.getComponent("phoneinc", PhoneIncComponent.class).getApiKey());
        }
    }
}
