package com.example.phoneinc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Controls a simulator running elsewhere — another process, or the build's JVM as with the Camel
 * Quarkus Dev Services, whose simulator object a test cannot reach — through its control API
 * ({@code /_sim/...}). The same names as {@link PhoneIncSimulator}'s own methods.
 */
public final class SimulatorClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String rootUrl;
    private final HttpClient http;

    private SimulatorClient(String rootUrl) {
        this.rootUrl = rootUrl.endsWith("/") ? rootUrl.substring(0, rootUrl.length() - 1) : rootUrl;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /**
     * @param rootUrl the simulator's root, e.g. {@code http://127.0.0.1:8089} (what the Dev
     *     Services set as {@code camel.component.phoneinc.oauth-base-url})
     */
    public static SimulatorClient at(String rootUrl) {
        return new SimulatorClient(rootUrl);
    }

    /** The root URL this client controls. */
    public String rootUrl() {
        return rootUrl;
    }

    /** Like {@link PhoneIncSimulator#reset()}: seed data, no faults, no hits. */
    public void reset() {
        send("POST", "/_sim/reset", null, 204);
    }

    /** Like {@link PhoneIncSimulator#hits(String, String)}. */
    public long hits(String method, String path) {
        return send("GET", "/_sim/hits", null, 200)
                .path("hits")
                .path(method.toUpperCase(Locale.ROOT) + " " + path)
                .asLong(0);
    }

    /** Like {@link PhoneIncSimulator#totalHits()}. */
    public long totalHits() {
        return send("GET", "/_sim/hits", null, 200).path("total").asLong();
    }

    /** Like {@link PhoneIncSimulator#simulateVoicemail(String, String)}: the new voicemail's id. */
    public String simulateVoicemail(String from, String transcription) {
        ObjectNode body = MAPPER.createObjectNode().put("from", from);
        if (transcription != null) {
            body.put("transcription", transcription);
        }
        return send("POST", "/_sim/voicemails", body, 201).path("id").asText();
    }

    /** Fault injection: {@code faults().next(2).on("GET", "/api/v1/calls").status(503)}. */
    public Faults faults() {
        return new Faults();
    }

    /** The fault rules of the remote simulator. */
    public final class Faults {
        private Faults() {}

        /** The next {@code count} matching requests get the fault. */
        public Rule next(int count) {
            return new Rule(count);
        }

        /** Requests still to be faulted, over all rules. */
        public int pending() {
            int n = 0;
            for (JsonNode rule : send("GET", "/_sim/faults", null, 200)) {
                n += rule.path("remaining").asInt();
            }
            return n;
        }
    }

    /** One fault rule, sent when its kind is chosen. */
    public final class Rule {
        private final ObjectNode spec = MAPPER.createObjectNode();

        private Rule(int count) {
            spec.put("count", count);
        }

        /** Only requests with this method whose path starts with {@code pathPrefix}. */
        public Rule on(String method, String pathPrefix) {
            spec.put("method", method).put("path", pathPrefix);
            return this;
        }

        /** Answer with this status and a Phone.inc-style error body. */
        public void status(int status) {
            spec.put("type", "status").put("status", status);
            send("POST", "/_sim/faults", spec, 201);
        }

        /** Answer with this status, content type and body (e.g. a 422 with field errors). */
        public void status(int status, String contentType, String body) {
            spec.put("type", "status").put("status", status);
            spec.put("content_type", contentType).put("body", body);
            send("POST", "/_sim/faults", spec, 201);
        }
    }

    private JsonNode send(String method, String path, JsonNode body, int expectedStatus) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(rootUrl + path)).timeout(TIMEOUT);
        try {
            request.method(
                    method,
                    body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(
                                    MAPPER.writeValueAsBytes(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(
                        method
                                + " "
                                + rootUrl
                                + path
                                + " answered "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            String text = response.body();
            return text == null || text.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rootUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + rootUrl + path, e);
        }
    }
}
