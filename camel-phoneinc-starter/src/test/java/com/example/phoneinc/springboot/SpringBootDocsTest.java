package com.example.phoneinc.springboot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.example.phoneinc.docs.DocBlocks;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import com.example.phoneinc.springboot.app.VoicemailApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot section of docs/phoneinc-component.adoc, run as printed: its dependency, its
 * application.properties (the key from the environment: surefire sets PHONEINC_API_KEY), its
 * application and its test, against the simulator instead of Phone.inc.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootDocsTest {

    private static final String ENV_KEY = System.getenv("PHONEINC_API_KEY");

    @TempDir Path dir;

    @Test
    void theDependencyHasThisBuildsCoordinates() {
        String xml = DocBlocks.text("spring-boot-dependency");
        assertTrue(xml.contains("<groupId>com.example.phoneinc</groupId>"), xml);
        assertTrue(xml.contains("<artifactId>camel-phoneinc-starter</artifactId>"), xml);
        assertTrue(
                xml.contains("<version>" + System.getProperty("project.version") + "</version>"),
                xml);
    }

    /** The printed properties, the dead letter pointed at this test's directory. */
    private String documentedProperties() {
        String properties = DocBlocks.text("spring-boot-properties");
        assertTrue(properties.contains("api-key=${PHONEINC_API_KEY}"), properties);
        assertTrue(properties.contains("file:dead-letter?"), properties);
        return properties.replace("file:dead-letter?", "file:" + dir.resolve("dead") + "?");
    }

    @Test
    void theApplicationRunsWithThePrintedProperties(CapturedOutput output) throws Exception {
        assertTrue(ENV_KEY != null && ENV_KEY.startsWith("phk_"), "surefire sets PHONEINC_API_KEY");
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).apiKey(ENV_KEY).build()) {
            sim.start();
            sim.faults().next(1).on("GET", "/api/v1/voicemails").status(503);
            CompiledApplication app =
                    CompiledApplication.compile(dir, DocBlocks.text("spring-boot-application"))
                            .withApplicationProperties(documentedProperties());
            Class<?> main = app.load("com.example.triage.VoicemailTriageApplication");

            try (ConfigurableApplicationContext spring =
                    app.run(
                            () ->
                                    new SpringApplicationBuilder(main)
                                            .web(WebApplicationType.NONE)
                                            // only where Phone.inc is differs from production
                                            .properties(
                                                    Map.of(
                                                            "camel.component.phoneinc.base-url",
                                                            sim.baseUrl()))
                                            .run())) {
                // 503 retried after the documented first delay (1 s), then the list
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> output.getOut().contains("New voicemail from +14155550188"));
                assertTrue(output.getOut().contains("New voicemail from +14155550199"));
                // the listened one is filtered out
                assertTrue(!output.getOut().contains("New voicemail from +14155550166"));
                assertEquals(2, sim.hits("GET", "/api/v1/voicemails"), "503, then 200");
                assertEquals(
                        ENV_KEY,
                        sim.lastRequest("GET", "/api/v1/voicemails")
                                .orElseThrow()
                                .header("X-Api-Key"),
                        "the key of ${PHONEINC_API_KEY}");
                assertTrue(spring.isRunning());
            }
        }
    }

    /** The page says the {{env:...}} form of Camel Main works on Spring Boot too. */
    @Test
    void theCamelMainFormOfTheKeyWorksToo() throws Exception {
        String line = DocBlocks.text("readme-api-key").strip();
        assertEquals("camel.component.phoneinc.api-key={{env:PHONEINC_API_KEY}}", line);
        try (PhoneIncSimulator sim =
                        PhoneIncSimulator.builder().port(0).apiKey(ENV_KEY).build().start();
                ConfigurableApplicationContext spring =
                        new SpringApplicationBuilder(VoicemailApp.class)
                                .web(WebApplicationType.NONE)
                                .properties(
                                        Map.of(
                                                "camel.component.phoneinc.api-key",
                                                line.substring(line.indexOf('=') + 1),
                                                "camel.component.phoneinc.base-url",
                                                sim.baseUrl(),
                                                "camel.component.phoneinc.error-handling.enabled",
                                                "true"))
                                .run()) {
            List<?> voicemails =
                    spring.getBean(ProducerTemplate.class)
                            .requestBody("direct:voicemails", null, List.class);
            assertEquals(3, voicemails.size());
            assertEquals(
                    ENV_KEY,
                    sim.lastRequest("GET", "/api/v1/voicemails").orElseThrow().header("X-Api-Key"));
        }
    }

    @Test
    void thePrintedTestPasses() throws Exception {
        CompiledApplication app =
                CompiledApplication.compile(
                                dir,
                                DocBlocks.text("spring-boot-application"),
                                DocBlocks.text("spring-boot-test"))
                        .withApplicationProperties(documentedProperties());
        Class<?> test = app.load("com.example.triage.VoicemailTriageApplicationTest");

        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        app.run(
                () -> {
                    Launcher launcher = LauncherFactory.create();
                    launcher.execute(
                            org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder
                                    .request()
                                    .selectors(selectClass(test))
                                    .build(),
                            listener);
                    return null;
                });
        TestExecutionSummary summary = listener.getSummary();
        StringBuilder failures = new StringBuilder();
        summary.getFailures()
                .forEach(
                        f ->
                                failures.append(f.getTestIdentifier().getDisplayName())
                                        .append(": ")
                                        .append(f.getException())
                                        .append('\n'));
        assertEquals(0, summary.getTotalFailureCount(), failures.toString());
        assertEquals(1, summary.getTestsSucceededCount(), "the printed test ran and passed");
    }
}
