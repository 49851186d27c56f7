package com.example.phoneinc.bench;

import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.PhoneIncJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;

/**
 * {@code {"calls":[...]}} as a user binds it without the connector, with the component's own {@link
 * Json#mapper()} (so {@code OffsetDateTime} and unknown fields are handled the same way).
 */
public final class CallsPage {

    /** The page's calls. */
    public List<Call> calls;

    private static final ObjectReader PAGE = PhoneIncJson.mapper().readerFor(CallsPage.class);
    private static final ObjectReader LIST = PhoneIncJson.mapper().readerForListOf(Call.class);

    /** The raw clients' parse: one data-binding pass straight into the envelope. */
    static List<Call> bind(byte[] json) throws IOException {
        CallsPage page = PAGE.readValue(json);
        if (page.calls == null) {
            throw new IOException("no calls in the body");
        }
        return page.calls;
    }

    /**
     * What the component's {@code ResponseReader} does for a list (tree first, to find the array
     * and keep the other fields as metadata, then bind the array): used only to show how much of
     * the connector's cost is the parse.
     */
    static List<Call> viaTree(byte[] json) throws IOException {
        JsonNode root = PhoneIncJson.mapper().readTree(json);
        JsonNode items = root.get("calls");
        if (items == null || !items.isArray()) {
            throw new IOException("no calls in the body");
        }
        return LIST.readValue(items);
    }
}
