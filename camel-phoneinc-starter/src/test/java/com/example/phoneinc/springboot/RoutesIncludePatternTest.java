package com.example.phoneinc.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.springboot.app.VoicemailApp;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * camel-spring-boot filters route configuration beans by camel.main.java-routes-include-pattern
 * like route beans, and Camel runs a route that names a missing route configuration without it: the
 * starter's guard keeps the retry policy from going missing either way.
 */
class RoutesIncludePatternTest {

    private static ConfigurableApplicationContext start(String pattern) {
        return new SpringApplicationBuilder(VoicemailApp.class)
                .web(WebApplicationType.NONE)
                .properties(
                        Map.of(
                                "camel.component.phoneinc.api-key", "phk_IncludePatternTest",
                                "camel.component.phoneinc.base-url", "http://127.0.0.1:9/api/v1",
                                "camel.component.phoneinc.error-handling.enabled", "true",
                                "camel.main.java-routes-include-pattern", pattern))
                .run();
    }

    /** The policy bean is filtered out by the pattern: the start fails, saying what to add. */
    @Test
    void aPatternThatLeavesThePolicyOutStopsTheStart() {
        String messages =
                messages(
                        assertThrows(
                                Exception.class,
                                () -> start("com/example/phoneinc/springboot/app/**").close()));
        assertTrue(
                messages.contains(
                        "camel.component.phoneinc.error-handling.enabled=true, but"
                                + " camel.main.java-routes-include-pattern="
                                + "com/example/phoneinc/springboot/app/** leaves out the retry"
                                + " policy"),
                messages);
        assertTrue(messages.contains("add com/example/phoneinc/** to the pattern"), messages);
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** Routes naming the policy without it enabled would run with no retries: they do not start. */
    @Test
    void routesNamingThePolicyWithoutItDoNotStart() {
        Exception failure =
                assertThrows(
                        Exception.class,
                        () ->
                                new SpringApplicationBuilder(VoicemailApp.class)
                                        .web(WebApplicationType.NONE)
                                        .properties(
                                                Map.of(
                                                        "camel.component.phoneinc.api-key",
                                                        "phk_IncludePatternTest"))
                                        .run()
                                        .close());
        String messages = messages(failure);
        assertTrue(
                messages.contains(
                        "name the route configuration phoneinc-error-handling, but there is none"),
                messages);
        assertTrue(
                messages.contains("camel.component.phoneinc.error-handling.enabled=true"),
                messages);
        assertTrue(messages.contains("phoneinc-voicemails"), messages);
    }

    @Test
    void aPatternThatAlsoMatchesComExamplePhoneincKeepsIt() {
        try (ConfigurableApplicationContext spring =
                start("com/example/phoneinc/springboot/app/**,com/example/phoneinc/**")) {
            CamelContext camel = spring.getBean(CamelContext.class);
            assertEquals(2, camel.getRoutes().size());
            assertEquals(1, ((ModelCamelContext) camel).getRouteConfigurationDefinitions().size());
        }
    }
}
