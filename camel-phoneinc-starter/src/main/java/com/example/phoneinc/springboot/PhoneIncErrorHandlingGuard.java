package com.example.phoneinc.springboot;

import com.example.phoneinc.errorhandling.PhoneIncErrorHandling;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * Makes sure the retry policy is never silently missing: Camel runs a route that names a route
 * configuration no one added without any. It runs after camel-spring-boot has collected the routes
 * and route configurations of the application (beans and route files), before Camel starts them,
 * and fails the start, saying what to change,
 *
 * <ul>
 *   <li>when {@code error-handling.enabled=true} but the route collector left the policy bean out
 *       ({@code camel.main.java-routes-include-pattern} filters route configuration beans by class
 *       name like route beans);
 *   <li>when routes name the policy's id and no route configuration has it.
 * </ul>
 */
class PhoneIncErrorHandlingGuard implements CamelContextConfiguration {

    private final PhoneIncErrorHandlingConfiguration properties;
    private final RoutesBuilder policy;
    private final String includePattern;

    /**
     * @param policy the policy bean, or null when error-handling is not enabled
     * @param includePattern camel.main.java-routes-include-pattern, for the message
     */
    PhoneIncErrorHandlingGuard(
            PhoneIncErrorHandlingConfiguration properties,
            RoutesBuilder policy,
            String includePattern) {
        this.properties = properties;
        this.policy = policy;
        this.includePattern = includePattern;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        ModelCamelContext model = (ModelCamelContext) camelContext;
        String id = properties.getId() != null ? properties.getId() : PhoneIncErrorHandling.ID;
        if (model.getRouteConfigurationDefinition(id) != null) {
            return;
        }
        if (policy != null) {
            // the routes are already built without it: adding it now would not reach them
            throw new IllegalStateException(
                    PhoneIncErrorHandlingConfiguration.PREFIX
                            + ".enabled=true, but camel.main.java-routes-include-pattern="
                            + includePattern
                            + " leaves out the retry policy ("
                            + policy.getClass().getName().replace('.', '/')
                            + "): add com/example/phoneinc/** to the pattern");
        }
        List<String> naming =
                model.getRouteDefinitions().stream()
                        .filter(route -> names(route, id))
                        .map(RouteDefinition::getRouteId)
                        .toList();
        if (!naming.isEmpty()) {
            throw new IllegalStateException(
                    "Routes "
                            + naming
                            + " name the route configuration "
                            + id
                            + ", but there is none, so they would run without retries or dead"
                            + " letter: set "
                            + PhoneIncErrorHandlingConfiguration.PREFIX
                            + ".enabled=true, or add a route configuration with that id");
        }
    }

    private static boolean names(RouteDefinition route, String id) {
        String ids = route.getRouteConfigurationId();
        return ids != null && Arrays.stream(ids.split(",")).map(String::strip).anyMatch(id::equals);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {}
}
