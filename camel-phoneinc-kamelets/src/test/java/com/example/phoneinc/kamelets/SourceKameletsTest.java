package com.example.phoneinc.kamelets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.simulator.CallOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * phoneinc-voicemail-source and phoneinc-call-source in real routes against the simulator: what
 * appears after the start is delivered once, as the JSON Phone.inc sends, with the component's
 * event headers and the other party's number; what was there before is not; a watermark repository
 * makes a restart resume.
 */
class SourceKameletsTest extends KameletTestSupport {

    private static final String VOICEMAILS =
            """
            - route:
                from:
                  uri: kamelet:phoneinc-voicemail-source
                  parameters:
                    apiKey: "{{sim.key}}"
                    baseUrl: "{{sim.url}}"
                    delay: 200
                  steps:
                    - process:
                        ref: collect
            """;

    @Test
    void aNewVoicemailIsDeliveredOnceAsPhoneIncJson() throws Exception {
        load(VOICEMAILS);
        context.start();
        awaitFirstPoll("/api/v1/voicemails");

        String id = sim.simulateVoicemail("+14155550177", "Please call me back about my order");
        await(() -> collected.size() == 1, "the new voicemail");
        long polls = sim.hits("GET", "/api/v1/voicemails");
        await(() -> sim.hits("GET", "/api/v1/voicemails") >= polls + 3, "three more polls");

        assertEquals(1, collected.size(), "delivered once; the seeded voicemails never");
        Exchange e = collected.get(0);
        JsonNode voicemail = json(e);
        assertEquals(id, voicemail.get("id").asText());
        assertEquals("+14155550177", voicemail.get("from").asText());
        assertEquals("Please call me back about my order", voicemail.get("transcription").asText());
        assertTrue(voicemail.has("created_at"), "Phone.inc's field names: " + voicemail);
        assertEquals("voicemail.new", e.getMessage().getHeader(PhoneIncConstants.EVENT_TYPE));
        assertEquals(id, e.getMessage().getHeader(PhoneIncConstants.RESOURCE_ID));
        assertEquals("voicemail.new:" + id, e.getMessage().getHeader(PhoneIncConstants.EVENT_KEY));
        assertEquals("+14155550177", e.getMessage().getHeader(PhoneIncConstants.PHONE_NUMBER));
        assertEquals("application/json", e.getMessage().getHeader(Exchange.CONTENT_TYPE));
        assertEquals(
                sim.apiKey(),
                sim.lastRequest("GET", "/api/v1/voicemails").orElseThrow().header("X-Api-Key"),
                "the Kamelet's apiKey, as the X-Api-Key header");
    }

    @Test
    void aWatermarkRepositoryMakesARestartResume(@TempDir Path dir) throws Exception {
        String yaml =
                """
                - beans:
                    - name: watermarks
                      type: com.example.phoneinc.FileWatermarkRepository
                      constructors:
                        0: "%s"
                - route:
                    from:
                      uri: kamelet:phoneinc-voicemail-source
                      parameters:
                        apiKey: "{{sim.key}}"
                        baseUrl: "{{sim.url}}"
                        delay: 200
                        watermarkRepository: "#watermarks"
                      steps:
                        - process:
                            ref: collect
                """
                        .formatted(dir.resolve("watermarks.txt"));
        load(yaml);
        context.start();
        awaitFirstPoll("/api/v1/voicemails");
        String first = sim.simulateVoicemail("+14155550177", "first");
        await(() -> collected.size() == 1, "the first voicemail");
        context.stop();

        String whileDown = sim.simulateVoicemail("+14155550188", "left while the app was down");
        DefaultCamelContext restarted = newContext();
        context = restarted;
        load(restarted, yaml);
        restarted.start();
        await(() -> collected.size() == 2, "the voicemail left while down");
        long polls = sim.hits("GET", "/api/v1/voicemails");
        await(() -> sim.hits("GET", "/api/v1/voicemails") >= polls + 2, "two more polls");

        assertEquals(2, collected.size());
        assertEquals(first, json(collected.get(0)).get("id").asText());
        assertEquals(whileDown, json(collected.get(1)).get("id").asText());
    }

    private long polls(String filter) {
        return sim.requests().stream()
                .filter(r -> r.path().equals("/api/v1/calls") && r.query().contains(filter))
                .count();
    }

    @Test
    void callsAreDeliveredWhenTheyEndWithTheCallersNumber() throws Exception {
        load(
                """
                - route:
                    from:
                      uri: kamelet:phoneinc-call-source
                      parameters:
                        apiKey: "{{sim.key}}"
                        baseUrl: "{{sim.url}}"
                        direction: inbound
                        delay: 200
                      steps:
                        - process:
                            ref: collect
                - route:
                    from:
                      uri: kamelet:phoneinc-call-source
                      parameters:
                        apiKey: "{{sim.key}}"
                        baseUrl: "{{sim.url}}"
                        direction: outbound
                        delay: 200
                      steps:
                        - setHeader:
                            name: outbound
                            constant: true
                        - process:
                            ref: collect
                """);
        context.start();
        await(
                () -> polls("direction=inbound") >= 2 && polls("direction=outbound") >= 2,
                "the first poll of both sources (inbound and outbound) done");

        String callId = sim.simulateIncomingCall("+14155550166", CallOutcome.ANSWERED).callId();
        await(() -> collected.size() == 1, "the ended call");
        long polls = sim.hits("GET", "/api/v1/calls");
        await(() -> sim.hits("GET", "/api/v1/calls") >= polls + 4, "more polls of both");

        assertEquals(1, collected.size(), "inbound only: the outbound source sees nothing");
        Exchange e = collected.get(0);
        assertEquals(null, e.getMessage().getHeader("outbound"));
        JsonNode call = json(e);
        assertEquals(callId, call.get("id").asText());
        assertEquals("ended", call.get("state").asText());
        assertEquals("call.ended", e.getMessage().getHeader(PhoneIncConstants.EVENT_TYPE));
        assertEquals("+14155550166", e.getMessage().getHeader(PhoneIncConstants.PHONE_NUMBER));
        assertTrue(
                sim.requests().stream()
                        .filter(r -> r.path().equals("/api/v1/calls"))
                        .allMatch(r -> r.query().contains("state=ended")),
                "state=ended is the default filter");
    }
}
