package com.example.phoneinc.springboot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator on the class path, masks Phone.inc's secrets in {@code /configprops} and {@code
 * /env} ({@link PhoneIncSecretsSanitizer}). On whatever {@code camel.component.phoneinc.enabled}
 * says: a secret in the properties is a secret whether the component is used or not.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class PhoneIncActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "phoneIncSecretsSanitizer")
    public SanitizingFunction phoneIncSecretsSanitizer() {
        return PhoneIncSecretsSanitizer.fromCatalog();
    }
}
