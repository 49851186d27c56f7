package com.example.phoneinc.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel Main (and so Camel JBang and Camel Quarkus) prints every {@code camel.component.*} value it
 * binds in its startup summary, masking only keys on Camel's sensitive list. A literal webhook
 * secret in application.properties must show there as {@code xxxxxx}, like the API key.
 */
class WebhookSecretStartupSummaryTest {

    private static final String SECRET = "whs_LITERALSECRET0123456789";
    private static final String API_KEY = "phk_summaryTestKey0123456789";

    @TempDir Path dir;

    @Test
    void theStartupSummaryMasksTheWebhookSecret() throws Exception {
        Path file = dir.resolve("application.properties");
        Files.writeString(
                file,
                "camel.component.phoneinc.api-key="
                        + API_KEY
                        + "\ncamel.component.phoneinc.webhook-secret="
                        + SECRET
                        + "\ncamel.component.phoneinc.base-url=http://127.0.0.1:9/api/v1\n",
                StandardCharsets.UTF_8);
        List<LogCapture.Line> lines;
        try (LogCapture log = LogCapture.start(Level.INFO, "ROOT")) {
            Main main = new Main();
            main.setDefaultPropertyPlaceholderLocation("file:" + file);
            main.start();
            main.stop();
            lines = log.lines();
        }
        List<String> summary =
                lines.stream()
                        .map(LogCapture.Line::text)
                        .filter(t -> t.contains("camel.component.phoneinc."))
                        .toList();
        assertTrue(
                summary.stream().anyMatch(t -> t.contains("webhookSecret") && t.contains("xxxxxx")),
                "the summary lists the webhook secret, masked: " + summary);
        assertTrue(
                summary.stream().anyMatch(t -> t.contains("apiKey") && t.contains("xxxxxx")),
                "and the API key, masked: " + summary);
        for (LogCapture.Line l : lines) {
            assertFalse(l.text().contains(SECRET), "webhook secret in " + l);
            assertFalse(l.text().contains(API_KEY), "API key in " + l);
        }
    }
}
