package com.example.phoneinc.springboot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The secrets sanitizer comes with Actuator and stays out of an application without it. */
class ActuatorConditionTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(PhoneIncActuatorAutoConfiguration.class));

    @Test
    void withActuatorTheSanitizerIsABean() {
        runner.run(
                context -> {
                    assertNull(context.getStartupFailure());
                    assertInstanceOf(
                            PhoneIncSecretsSanitizer.class,
                            context.getBean("phoneIncSecretsSanitizer"));
                });
    }

    @Test
    void withoutActuatorTheApplicationStartsWithoutIt() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .run(
                        context -> {
                            assertNull(context.getStartupFailure());
                            assertFalse(context.containsBean("phoneIncSecretsSanitizer"));
                        });
    }
}
