package com.example.phoneinc.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * The tests of this module run on what a Spring Boot 3.5.7 application with camel-spring-boot-bom
 * 4.17.0 gets: Boot's managed Jackson (2.19.2), not the 2.19.4 the component is built with.
 */
class SpringBootVersionsTest {

    @Test
    void springBootAndCamelSpringBoot() {
        assertEquals("3.5.7", SpringBootVersion.getVersion());
        assertEquals(
                "4.17.0", CamelAutoConfiguration.class.getPackage().getImplementationVersion());
    }

    @Test
    void jacksonIsTheOneSpringBootManages() {
        assertEquals(
                "2.19.2", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals("2.19.2", com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
        assertEquals(
                "2.19.2", com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION.toString());
    }
}
