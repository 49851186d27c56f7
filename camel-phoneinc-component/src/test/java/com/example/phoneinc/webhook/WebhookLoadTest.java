package com.example.phoneinc.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.simulator.PhoneIncSimulator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

/**
 * 1,000 deliveries in random order: 88 % distinct events, 10 % repeats of them (Phone.inc's
 * at-least-once retries), 2 % with a wrong secret. Every valid event is routed exactly once
 * (idempotentRepository on the event key), every bad one is refused with 401 and never routed, none
 * is lost — and the sender gets its answer without waiting for the route's own work (behind a seda:
 * step, as the docs advise): that work is held until every delivery has been answered, so a sender
 * waiting for it would never get its answers. The answer times are printed, not asserted.
 */
class WebhookLoadTest extends WebhookTestSupport {

    @Test
    void thousandDeliveriesWithDuplicatesAndBadSecrets() throws Exception {
        int port = freePort();
        Map<String, Integer> routed = new ConcurrentHashMap<>();
        CountDownLatch workMayRun = new CountDownLatch(1);
        try (PhoneIncSimulator sim = PhoneIncSimulator.builder().port(0).build().start();
                DefaultCamelContext context = context(sim, port)) {
            context.getRegistry()
                    .bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository(5000));
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from(webhookUri(
                                            port,
                                            "events=call.ended&webhookAutoRegister=false"
                                                    + "&idempotentRepository=#seen&webhookSecret="
                                                    + SECRET))
                                    .to(ExchangePattern.InOnly, "seda:work");
                            from("seda:work?concurrentConsumers=50&size=2000")
                                    .process(e -> workMayRun.await())
                                    .process(
                                            e ->
                                                    routed.merge(
                                                            e.getMessage()
                                                                    .getHeader(
                                                                            PhoneIncConstants
                                                                                    .RESOURCE_ID,
                                                                            String.class),
                                                            1,
                                                            Integer::sum));
                        }
                    });
            context.start();

            List<String[]> deliveries = new ArrayList<>(); // {id, token}
            for (int i = 0; i < 880; i++) {
                deliveries.add(new String[] {"call-" + i, SECRET});
            }
            Random random = new Random(42);
            for (int i = 0; i < 100; i++) {
                deliveries.add(new String[] {"call-" + random.nextInt(880), SECRET});
            }
            for (int i = 0; i < 20; i++) {
                deliveries.add(new String[] {"forged-" + i, "whs_NotTheSecret0000000000000000"});
            }
            Collections.shuffle(deliveries, random);

            List<Double> millis = new ArrayList<>();
            int refused = 0;
            int ok = 0;
            for (String[] d : deliveries) {
                String body =
                        "{\"event\":\"call.ended\",\"data\":{\"id\":\""
                                + d[0]
                                + "\",\"state\":\"ended\",\"started_at\":\"2026-11-01T10:00:00Z\"}}";
                long start = System.nanoTime();
                HttpResponse<String> r = post(port, "?token=" + d[1], body);
                millis.add((System.nanoTime() - start) / 1e6);
                if (r.statusCode() == 401) {
                    refused++;
                } else if (r.statusCode() == 200) {
                    ok++;
                }
            }
            // every delivery was answered (200 or 401) while the route work was still held
            try {
                assertEquals(
                        1000, ok + refused, "deliveries answered while the route work was held");
            } finally {
                workMayRun.countDown();
            }
            await(() -> routed.size() == 880, "every distinct valid event routed");
            Thread.sleep(500); // anything late would show now

            Collections.sort(millis);
            double p50 = millis.get(millis.size() / 2);
            double p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
            System.out.printf(
                    "webhook answer time over 1000 deliveries: p50 %.1f ms, p99 %.1f ms%n",
                    p50, p99);

            assertEquals(20, refused, "every bad secret refused");
            assertEquals(980, ok, "every valid delivery, repeats included, answered 200");
            assertEquals(880, routed.size());
            routed.forEach((id, n) -> assertEquals(1, n, id + " routed once"));
            assertTrue(routed.keySet().stream().noneMatch(id -> id.startsWith("forged-")));
        }
    }
}
