package com.example.phoneinc.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.quarkus.PhoneIncSettings;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the packaged application starts its in-process simulator: only when none of the settings
 * that switch the extension's Dev Services off is set, so that e.g. an OAuth setup without an API
 * key talks to Phone.inc and not to the simulator.
 */
class OfflineDemoTest {

    @Test
    void nothingConfiguredOrABlankKeyStartsTheSimulator() {
        assertEquals(Optional.empty(), OfflineDemo.chosenPhoneInc(config(Map.of(), Map.of())));
        // application.properties' %prod key when PHONEINC_API_KEY is unset
        assertEquals(
                Optional.empty(),
                OfflineDemo.chosenPhoneInc(config(Map.of(PhoneIncSettings.API_KEY, ""), Map.of())));
    }

    @Test
    void everySettingTheDevServicesHonourKeepsTheSimulatorOff() {
        assertTrue(PhoneIncSettings.USER_CHOICES.contains("camel.component.phoneinc.client-id"));
        assertTrue(PhoneIncSettings.USER_CHOICES.contains("camel.component.phoneinc.token-store"));
        assertTrue(
                PhoneIncSettings.USER_CHOICES.contains("camel.component.phoneinc.oauth-base-url"));
        for (String key : PhoneIncSettings.USER_CHOICES) {
            assertEquals(
                    Optional.of(key),
                    OfflineDemo.chosenPhoneInc(config(Map.of(key, "set"), Map.of())),
                    key);
        }
    }

    @Test
    void anOAuthSetupWithoutAnApiKeyKeepsTheSimulatorOff() {
        assertEquals(
                Optional.of("camel.component.phoneinc.client-id"),
                OfflineDemo.chosenPhoneInc(
                        config(
                                Map.of(PhoneIncSettings.API_KEY, ""),
                                Map.of("CAMEL_COMPONENT_PHONEINC_CLIENT_ID", "my-client"))));
        assertEquals(
                Optional.of("camel.component.phoneinc.token-store"),
                OfflineDemo.chosenPhoneInc(
                        config(
                                Map.of(
                                        "camel.component.phoneinc.token-store",
                                        "#class:com.example.phoneinc.auth.FileTokenStore('t.json')"),
                                Map.of())));
    }

    private static SmallRyeConfig config(Map<String, String> properties, Map<String, String> env) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new EnvConfigSource(env, 300))
                .build();
    }
}
