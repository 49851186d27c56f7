package com.example.phoneinc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.client.PhoneIncOperation;
import com.example.phoneinc.client.RequestParameter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;

/**
 * A request parameter is declared once, in {@link RequestParameter}; the catalog needs an endpoint
 * option and a header constant for it too (annotations need constants), and this test keeps the
 * three in step, so a new parameter cannot be half added. Likewise the resource and action lists
 * the URI path annotations carry must be the operation table's.
 */
class ParameterDeclarationsTest {

    @Test
    void everyParameterHasItsEndpointOptionAndHeaderConstant() throws Exception {
        JsonNode catalog;
        try (InputStream in =
                getClass().getResourceAsStream("/META-INF/com/example/phoneinc/phoneinc.json")) {
            catalog = PhoneIncJson.mapper().readTree(in);
        }
        List<String> headers = new ArrayList<>();
        for (Field f : PhoneIncConstants.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getAnnotation(Metadata.class) != null) {
                headers.add((String) f.get(null));
            }
        }
        for (RequestParameter p : RequestParameter.values()) {
            assertTrue(headers.contains(p.header()), p + ": PhoneIncConstants has " + p.header());
            assertNotNull(catalog.get("headers").get(p.header()), p + " header in the catalog");
            if (p.option() != null) {
                Field option = PhoneIncEndpoint.class.getDeclaredField(p.option());
                assertNotNull(option.getAnnotation(UriParam.class), p + " is an endpoint option");
                assertNotNull(catalog.get("properties").get(p.option()), p + " in the catalog");
            }
        }
    }

    @Test
    void uriPathEnumsAreTheOperationTables() {
        assertEquals(String.join(",", PhoneIncOperation.resources()), PhoneIncOperation.RESOURCES);
        // actions are listed in the order a reader learns them, not table order: compare as sets
        assertEquals(
                new java.util.TreeSet<>(PhoneIncOperation.actions()),
                new java.util.TreeSet<>(List.of(PhoneIncOperation.ACTIONS.split(","))));
    }
}
