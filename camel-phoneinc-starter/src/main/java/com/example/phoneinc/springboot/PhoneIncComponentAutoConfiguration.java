package com.example.phoneinc.springboot;

import com.example.phoneinc.PhoneIncComponent;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelConfigurationProperties;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code phoneinc} component from {@code camel.component.phoneinc.*} (a {@link
 * ComponentCustomizer}, applied when Camel creates the component) and, with {@code
 * camel.component.phoneinc.error-handling.enabled=true}, adds the documented retry policy as a
 * route configuration bean. {@code camel.component.phoneinc.enabled=false} (or {@code
 * camel.component.enabled=false}) switches both off; {@code
 * camel.component.phoneinc.customizer.enabled=false} only the customizer.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({
    ComponentConfigurationProperties.class,
    PhoneIncComponentConfiguration.class,
    PhoneIncErrorHandlingConfiguration.class
})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.phoneinc"})
@AutoConfigureAfter({CamelAutoConfiguration.class, PhoneIncComponentConverter.class})
public class PhoneIncComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final PhoneIncComponentConfiguration configuration;

    public PhoneIncComponentAutoConfiguration(
            ApplicationContext applicationContext,
            CamelContext camelContext,
            PhoneIncComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configurePhoneIncComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                Map<String, Object> properties =
                        CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
                // a whole configuration object first, so the single options set next refine it
                // instead of being replaced by it
                Object whole = properties.remove("configuration");
                if (whole != null) {
                    Map<String, Object> first = new HashMap<>();
                    first.put("configuration", whole);
                    CamelPropertiesHelper.copyProperties(camelContext, first, target);
                }
                CamelPropertiesHelper.copyProperties(camelContext, properties, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext,
                                "camel.component.customizer",
                                "camel.component.phoneinc.customizer")
                        && target instanceof PhoneIncComponent;
            }
        };
    }

    /**
     * Phone.inc's documented retry policy, a route configuration bean: camel-spring-boot adds it
     * before the routes that name it.
     */
    @Bean
    @ConditionalOnProperty(
            prefix = PhoneIncErrorHandlingConfiguration.PREFIX,
            name = "enabled",
            havingValue = "true")
    public RoutesBuilder phoneIncErrorHandling(PhoneIncErrorHandlingConfiguration errorHandling) {
        return errorHandling.policy().build();
    }

    /** Fails the start when routes name the policy and it is missing. */
    @Bean
    public CamelContextConfiguration phoneIncErrorHandlingGuard(
            PhoneIncErrorHandlingConfiguration errorHandling,
            @Qualifier("phoneIncErrorHandling") ObjectProvider<RoutesBuilder> policy,
            CamelConfigurationProperties camelProperties) {
        return new PhoneIncErrorHandlingGuard(
                errorHandling,
                policy.getIfAvailable(),
                camelProperties.getMain().getJavaRoutesIncludePattern());
    }
}
