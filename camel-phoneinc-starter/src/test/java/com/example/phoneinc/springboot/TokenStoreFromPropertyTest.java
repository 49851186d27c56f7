package com.example.phoneinc.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.auth.FileTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import com.example.phoneinc.simulator.TokenSet;
import com.example.phoneinc.springboot.app.VoicemailApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OAuth against the simulator with the token store of docs/authentication.adoc, written as Camel
 * Main users write it ({@code #class:...FileTokenStore('...')}), as a Spring Boot property: the
 * bound store is the one the component reads and saves rotated tokens to.
 */
class TokenStoreFromPropertyTest {

    @TempDir Path dir;

    @Test
    void aClassTokenStoreFromAPropertyIsUsedAndKeepsRotatedTokens() throws Exception {
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).build().start()) {
            TokenSet issued = sim.issueTokens();
            Path file = dir.resolve("tokens.json");
            FileTokenStore.of(file)
                    .save(
                            new PhoneIncTokens(
                                    issued.accessToken(),
                                    issued.refreshToken(),
                                    Instant.now().plusSeconds(issued.expiresIn()),
                                    issued.scope()));

            String block = DocBlocks.text("auth-token-store");
            assertTrue(block.contains("/home/app/.phoneinc/tokens.json"), block);
            Properties printed = new Properties();
            printed.load(
                    new java.io.StringReader(
                            block.replace("/home/app/.phoneinc/tokens.json", file.toString())
                                    .replace("YOUR_CLIENT_ID", sim.clientId())));
            Map<String, Object> properties = new LinkedHashMap<>();
            printed.forEach((k, v) -> properties.put((String) k, v));
            properties.put("camel.component.phoneinc.base-url", sim.baseUrl());
            properties.put("camel.component.phoneinc.oauth-base-url", sim.rootUrl());
            properties.put("camel.component.phoneinc.error-handling.enabled", "true");

            try (ConfigurableApplicationContext spring =
                    new SpringApplicationBuilder(VoicemailApp.class)
                            .web(WebApplicationType.NONE)
                            .properties(properties)
                            .run()) {
                CamelContext camel = spring.getBean(CamelContext.class);
                FileTokenStore store =
                        assertInstanceOf(
                                FileTokenStore.class,
                                camel.getComponent("phoneinc", PhoneIncComponent.class)
                                        .getTokenStore());
                assertEquals(file.toAbsolutePath(), store.getFile());

                List<?> first =
                        camel.createProducerTemplate()
                                .requestBody("direct:voicemails", null, List.class);
                assertEquals(3, first.size());
                assertEquals(
                        "Bearer " + issued.accessToken(),
                        sim.lastRequest("GET", "/api/v1/voicemails")
                                .orElseThrow()
                                .header("Authorization"));

                // Phone.inc expires the token early: the component refreshes, and the rotated
                // tokens land in the file of the property
                sim.expireAccessToken(issued.accessToken());
                List<?> second =
                        camel.createProducerTemplate()
                                .requestBody("direct:voicemails", null, List.class);
                assertEquals(3, second.size());
                String saved = Files.readString(file);
                PhoneIncTokens rotated = store.load().orElseThrow();
                assertNotEquals(issued.accessToken(), rotated.accessToken(), saved);
                assertNotEquals(issued.refreshToken(), rotated.refreshToken());
                assertEquals(
                        "Bearer " + rotated.accessToken(),
                        sim.lastRequest("GET", "/api/v1/voicemails")
                                .orElseThrow()
                                .header("Authorization"));
            }
        }
    }
}
