package com.example.phoneinc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One company's mutable data set. Guarded by the {@link SimState} lock. */
final class Company {

    final String key;
    final String apiKey;

    /**
     * Insertion order = creation order (oldest first); lists that are "newest first" reverse it.
     */
    final LinkedHashMap<String, ObjectNode> calls = new LinkedHashMap<>();

    final LinkedHashMap<String, ObjectNode> voicemails = new LinkedHashMap<>();
    final LinkedHashMap<String, ObjectNode> contacts = new LinkedHashMap<>();
    final LinkedHashMap<String, ObjectNode> mainNumbers = new LinkedHashMap<>();
    final LinkedHashMap<String, ObjectNode> employees = new LinkedHashMap<>();
    final LinkedHashMap<String, ObjectNode> webhooks = new LinkedHashMap<>();

    /** E.164 phone -> caller-context entry (Shopify). */
    final Map<String, ObjectNode> callerContexts = new HashMap<>();

    /**
     * Whether any integration is "connected"; without one caller_context answers enriched_at null.
     */
    boolean hasIntegrations;

    Company(String key, String apiKey) {
        this.key = key;
        this.apiKey = apiKey;
    }

    void seed(String dir) {
        calls.clear();
        voicemails.clear();
        contacts.clear();
        mainNumbers.clear();
        employees.clear();
        webhooks.clear();
        callerContexts.clear();
        String base = "/com/example/phoneinc/simulator/data/" + dir + "/";
        // files list newest first; store oldest first
        putAllReversed(calls, Json.resource(base + "calls.json").get("calls"));
        putAllReversed(voicemails, Json.resource(base + "voicemails.json").get("voicemails"));
        putAllReversed(contacts, Json.resource(base + "contacts.json"));
        putAll(mainNumbers, Json.resource(base + "main_numbers.json").get("main_numbers"));
        putAll(employees, Json.resource(base + "employees.json").get("employees"));
        putAll(webhooks, Json.resource(base + "webhooks.json").get("webhooks"));
        var ctxUrl = Company.class.getResource(base + "caller_context.json");
        hasIntegrations = ctxUrl != null;
        if (hasIntegrations) {
            for (JsonNode c : Json.resource(base + "caller_context.json").get("contexts")) {
                callerContexts.put(c.path("customer").path("phone").asText(), (ObjectNode) c);
            }
        }
    }

    private static void putAll(Map<String, ObjectNode> target, JsonNode array) {
        for (JsonNode n : array) {
            target.put(n.get("id").asText(), (ObjectNode) n);
        }
    }

    private static void putAllReversed(Map<String, ObjectNode> target, JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        Collections.reverse(items);
        for (JsonNode n : items) {
            target.put(n.get("id").asText(), (ObjectNode) n);
        }
    }

    static List<ObjectNode> newestFirst(LinkedHashMap<String, ObjectNode> map) {
        List<ObjectNode> list = new ArrayList<>(map.values());
        Collections.reverse(list);
        return list;
    }

    ObjectNode firstMainNumber() {
        return mainNumbers.isEmpty() ? null : mainNumbers.values().iterator().next();
    }
}
