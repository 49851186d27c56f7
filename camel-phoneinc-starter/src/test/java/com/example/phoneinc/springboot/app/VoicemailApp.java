package com.example.phoneinc.springboot.app;

import com.example.phoneinc.errorhandling.PhoneIncErrorHandling;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application as a user writes it: no Phone.inc configuration class of its own, only
 * routes; the starter's auto-configuration and {@code camel.component.phoneinc.*} do the rest.
 */
@SpringBootApplication
public class VoicemailApp {

    @Bean
    RouteBuilder voicemailRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:voicemails")
                        .routeId("phoneinc-voicemails")
                        .routeConfigurationId(PhoneIncErrorHandling.ID)
                        .to("phoneinc:voicemails");

                // the body is the voicemail id; the call itself is sent without a body, so the
                // dead letter shows that it receives the message as it entered the route
                from("direct:markListened")
                        .routeId("phoneinc-mark-listened")
                        .routeConfigurationId(PhoneIncErrorHandling.ID)
                        .setHeader("CamelPhoneIncId", body())
                        .setBody(constant(null))
                        .to("phoneinc:voicemails/update?listened=true");
            }
        };
    }
}
