package com.example.phoneinc.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.LogCapture;
import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncServerException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A poll that fails — no answer, 5xx, 429, 401 — is typed, logged once per streak, counted by the
 * health check with the reason, and skips no event: what arrived meanwhile is delivered once the
 * polls work again.
 */
class PollFailuresTest extends SimulatorConsumerSupport {

    private final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        HealthCheckRepository consumers =
                registry.getRepository("consumers")
                        .orElse((HealthCheckRepository) registry.resolveById("consumers"));
        consumers.setEnabled(true);
        registry.register(consumers);
        return context;
    }

    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:vm"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no consumer health check"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"503", "429", "401", "reset"})
    void aFailingPollIsTypedLoggedOnceAndSkipsNothing(String fault) throws Exception {
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("phoneinc:voicemails?delay=100&initialDelay=0&invalidKeyBlockTime=0")
                                .routeId("vm")
                                .process(
                                        e ->
                                                received.add(
                                                        e.getMessage()
                                                                .getHeader(
                                                                        PhoneIncConstants
                                                                                .RESOURCE_ID,
                                                                        String.class)));
                    }
                });
        awaitBaselines();
        await(() -> readiness().getState() == HealthCheck.State.UP, "ready after a good poll");

        int failures = 6;
        Consumer<com.example.phoneinc.simulator.Faults.Rule> inject =
                switch (fault) {
                    case "503" -> r -> r.status(503);
                    case "429" -> r -> r.tooManyRequests(1);
                    case "401" ->
                            r ->
                                    r.status(
                                            401,
                                            "application/json",
                                            "{\"error\":\"Invalid API key\"}");
                    default -> r -> r.resetConnection();
                };
        AtomicReference<HealthCheck.Result> down = new AtomicReference<>();
        try (LogCapture log = LogCapture.start(Level.DEBUG, "com.example.phoneinc")) {
            inject.accept(sim.faults().next(failures).on("GET", "/api/v1/voicemails"));
            String during = sim.simulateVoicemail("+14155550177", "left during the outage");
            // the DOWN result itself is kept: asked again, the streak may have ended already
            await(
                    () -> {
                        HealthCheck.Result r = readiness();
                        down.set(r);
                        return r.getState() == HealthCheck.State.DOWN;
                    },
                    "DOWN while failing");
            await(() -> received.size() == 1, "the voicemail, once polls work again");
            assertEquals(List.of(during), received);
            await(() -> readiness().getState() == HealthCheck.State.UP, "UP again");

            List<LogCapture.Line> warns = new ArrayList<>();
            for (LogCapture.Line l : log.lines()) {
                if (l.level() == Level.WARN && l.text().contains("Failed polling")) {
                    warns.add(l);
                }
            }
            assertEquals(1, warns.size(), "logged once per streak: " + log.lines());
            assertTrue(warns.get(0).text().contains("further failures are logged at DEBUG"));
        }

        Throwable error = down.get().getError().orElseThrow();
        Class<? extends PhoneIncException> type =
                switch (fault) {
                    case "503" -> PhoneIncServerException.class;
                    case "429" -> PhoneIncRateLimitException.class;
                    case "401" -> PhoneIncAuthenticationException.class;
                    default -> PhoneIncConnectionException.class;
                };
        assertTrue(type.isInstance(error), fault + " -> " + error);
        assertTrue(
                down.get().getMessage().orElse("").contains("Consumer failed polling"),
                down.get().getMessage().toString());
        if (fault.equals("401")) {
            assertEquals(
                    true,
                    down.get().getDetails().get("phoneinc.invalid.credential"),
                    down.get().getDetails().toString());
            assertEquals(401, down.get().getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
        } else {
            assertEquals(
                    true,
                    down.get().getDetails().get("phoneinc.retryable"),
                    down.get().getDetails().toString());
        }
    }

    @org.junit.jupiter.api.Test
    void aWrongKeyStopsHittingPhoneIncAndTheHealthCheckSaysInvalidCredential() throws Exception {
        context.getComponent("phoneinc", PhoneIncComponent.class)
                .setApiKey("phk_WrongKey0000000000000000000000000");
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("phoneinc:voicemails?delay=50&initialDelay=0")
                                .routeId("vm")
                                .to("mock:never");
                    }
                });
        await(() -> readiness().getState() == HealthCheck.State.DOWN, "DOWN");
        // polls go on failing locally: wait for ten of them rather than sleeping for ~20
        await(() -> failedPolls(readiness()) >= 10, "ten failed polls");
        HealthCheck.Result down = readiness();

        assertEquals(
                1, sim.hits("GET", "/api/v1/voicemails"), "the guard keeps the key from Phone.inc");
        assertEquals(true, down.getDetails().get("phoneinc.invalid.credential"));
        assertTrue(down.getError().orElseThrow() instanceof PhoneIncAuthenticationException);
        assertTrue(failedPolls(down) > 1, "each poll fails, locally: " + down.getDetails());
        assertEquals(0, getMockEndpoint("mock:never").getReceivedCounter());
    }

    private static long failedPolls(HealthCheck.Result r) {
        Object n = r.getDetails().get(HealthCheck.FAILURE_ERROR_COUNT);
        return n instanceof Number count ? count.longValue() : 0;
    }
}
