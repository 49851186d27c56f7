package com.example.phoneinc.springboot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.springboot.app.VoicemailApp;
import com.example.phoneinc.springboot.bare.BareApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Wrong or missing configuration stops the application with a message naming the property. */
class StartupErrorsTest {

    private static Throwable startupFailure(Class<?> app, Map<String, Object> properties) {
        return assertThrows(
                Exception.class,
                () ->
                        new SpringApplicationBuilder(app)
                                .web(WebApplicationType.NONE)
                                .properties(properties)
                                .run()
                                .close());
    }

    /** The messages of the failure and all its causes. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        return all.toString();
    }

    @Test
    void aMissingApiKeyNamesTheProperty() {
        String messages =
                messages(
                        startupFailure(
                                VoicemailApp.class,
                                Map.of(
                                        "camel.component.phoneinc.base-url",
                                                "http://127.0.0.1:9/api/v1",
                                        "camel.component.phoneinc.error-handling.enabled",
                                                "true")));
        assertTrue(messages.contains("No Phone.inc credential"), messages);
        assertTrue(messages.contains("camel.component.phoneinc.api-key"), messages);
    }

    @Test
    void anInvalidRetryPolicyValueNamesTheProperty() {
        String messages =
                messages(
                        startupFailure(
                                BareApp.class,
                                Map.of(
                                        "camel.component.phoneinc.error-handling.enabled", "true",
                                        "camel.component.phoneinc.error-handling.jitter", "1.5")));
        assertTrue(
                messages.contains(
                        "camel.component.phoneinc.error-handling.jitter must be at least 0 and below"
                                + " 1, not 1.5"),
                messages);
    }

    @Test
    void aTokenStoreClassThatDoesNotExistNamesTheProperty() {
        String messages =
                messages(
                        startupFailure(
                                BareApp.class,
                                Map.of(
                                        "camel.component.phoneinc.token-store",
                                        "#class:com.example.NoSuchTokenStore")));
        assertTrue(messages.contains("camel.component.phoneinc.token-store"), messages);
        assertTrue(messages.contains("com.example.NoSuchTokenStore"), messages);
    }

    @Test
    void aTokenStoreOfTheWrongTypeNamesTheProperty() {
        String messages =
                messages(
                        startupFailure(
                                BareApp.class,
                                Map.of(
                                        "camel.component.phoneinc.token-store",
                                        "#class:java.lang.StringBuilder")));
        assertTrue(messages.contains("camel.component.phoneinc.token-store"), messages);
        assertTrue(
                messages.contains("not a com.example.phoneinc.auth.PhoneIncTokenStore"), messages);
    }
}
