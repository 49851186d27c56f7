package com.example.phoneinc.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.example.phoneinc.PhoneIncComponent;
import io.quarkus.test.QuarkusUnitTest;
import java.util.List;
import java.util.logging.LogRecord;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.ConfigProvider;

/** Shared by the tests where the Dev Services must stay off. */
final class DevServicesOff {

    private DevServicesOff() {}

    /** A test application that fails when the Dev Services log that they started. */
    static QuarkusUnitTest app(String key, String value) {
        return new QuarkusUnitTest()
                // the test class runs in the application: its helpers must be in it too
                .withApplicationRoot(jar -> jar.addClass(DevServicesOff.class))
                .overrideConfigKey(key, value)
                .setLogRecordPredicate(
                        r -> r.getLoggerName().equals(PhoneIncDevServicesProcessor.class.getName()))
                .assertLogRecords(DevServicesOff::noStart);
    }

    private static void noStart(List<LogRecord> records) {
        assertFalse(
                records.stream()
                        .anyMatch(
                                r -> r.getMessage().contains("Dev Services for Phone.inc started")),
                "no simulator started: " + records.stream().map(LogRecord::getMessage).toList());
    }

    /**
     * The component has the given base URL and Phone.inc's OAuth server, and no simulator address.
     */
    static void assertNoSimulator(CamelContext context, String expectedBaseUrl) {
        PhoneIncComponent phoneinc = context.getComponent("phoneinc", PhoneIncComponent.class);
        assertEquals(expectedBaseUrl, phoneinc.getConfiguration().getBaseUrl());
        assertEquals("https://app.phone.inc", phoneinc.getConfiguration().getOauthBaseUrl());
        assertFalse(
                ConfigProvider.getConfig()
                        .getOptionalValue("camel.component.phoneinc.oauth-base-url", String.class)
                        .isPresent(),
                "no oauth-base-url supplied");
    }
}
