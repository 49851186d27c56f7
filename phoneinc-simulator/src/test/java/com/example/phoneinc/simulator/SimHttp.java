package com.example.phoneinc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Test helper: real HTTP calls against a running simulator with the JDK client. */
final class SimHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    private final PhoneIncSimulator sim;
    private final HttpClient client;
    private final Duration timeout;

    SimHttp(PhoneIncSimulator sim) {
        this(sim, CLIENT, Duration.ofSeconds(10));
    }

    SimHttp(PhoneIncSimulator sim, HttpClient client, Duration timeout) {
        this.sim = sim;
        this.client = client;
        this.timeout = timeout;
    }

    /** A client with its own connection pool (no reused connections, so no silent retries). */
    static SimHttp fresh(PhoneIncSimulator sim) {
        return fresh(sim, Duration.ofSeconds(10));
    }

    static SimHttp fresh(PhoneIncSimulator sim, Duration timeout) {
        return new SimHttp(
                sim,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                timeout);
    }

    /** Request against {@code rootUrl() + path}; headers as name/value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(sim.rootUrl() + path))
                        .timeout(timeout)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** API call with company A's key; {@code path} is relative to /api/v1. */
    HttpResponse<String> api(String method, String path, String body) {
        return send(
                method,
                "/api/v1" + path,
                body,
                "X-Api-Key",
                sim.apiKey(),
                "Content-Type",
                "application/json");
    }

    HttpResponse<String> get(String path) {
        return api("GET", path, null);
    }

    /** API call with company B's key. */
    HttpResponse<String> apiB(String method, String path, String body) {
        return send(
                method,
                "/api/v1" + path,
                body,
                "X-Api-Key",
                sim.otherCompanyApiKey(),
                "Content-Type",
                "application/json");
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    static JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    /**
     * An example file copied from the docs' examples folder, e.g. {@code
     * errors/401.invalid-api-key.json}.
     */
    static JsonNode example(String name) {
        try (InputStream in = SimHttp.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new AssertionError("no example " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String exampleText(String name) {
        return example(name).toString();
    }

    /** Asserts status, JSON content type and body (as JSON trees). */
    static void assertJson(HttpResponse<String> r, int status, JsonNode expected) {
        assertEquals(status, r.statusCode(), r::body);
        assertEquals(
                "application/json; charset=utf-8",
                r.headers().firstValue("Content-Type").orElse(null));
        assertEquals(expected, json(r));
    }
}
