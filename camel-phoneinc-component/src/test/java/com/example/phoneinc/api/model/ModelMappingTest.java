package com.example.phoneinc.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Maps the example bodies of the Phone.inc API description (copied to {@code
 * src/test/resources/examples}) onto the model classes.
 */
class ModelMappingTest {

    private static final ObjectMapper MAPPER = PhoneIncJson.mapper();

    /** How a response example maps: the model class and, for wrapped lists, the envelope key. */
    private record Shape(Class<? extends PhoneIncObject> type, boolean list, String key) {
        static Shape single(Class<? extends PhoneIncObject> type) {
            return new Shape(type, false, null);
        }

        static Shape wrapped(Class<? extends PhoneIncObject> type, String key) {
            return new Shape(type, true, key);
        }

        static Shape bare(Class<? extends PhoneIncObject> type) {
            return new Shape(type, true, null);
        }
    }

    private static final Map<String, Shape> RESPONSES = new LinkedHashMap<>();
    private static final Map<String, Class<? extends PhoneIncObject>> REQUESTS =
            new LinkedHashMap<>();

    static {
        RESPONSES.put("caller-context.get.200.json", Shape.single(CallerContext.class));
        RESPONSES.put("caller-context.invalid-input.200.json", Shape.single(CallerContext.class));
        RESPONSES.put("caller-context.no-match.200.json", Shape.single(CallerContext.class));
        RESPONSES.put("calls.get.200.json", Shape.single(Call.class));
        RESPONSES.put("calls.get.in-progress.200.json", Shape.single(Call.class));
        RESPONSES.put("calls.list.200.json", Shape.wrapped(Call.class, "calls"));
        RESPONSES.put("calls.list.filtered-by-phone.200.json", Shape.wrapped(Call.class, "calls"));
        RESPONSES.put("calls.list.no-match.200.json", Shape.wrapped(Call.class, "calls"));
        RESPONSES.put("contacts.create.201.json", Shape.single(Contact.class));
        RESPONSES.put("contacts.get.200.json", Shape.single(Contact.class));
        RESPONSES.put("contacts.list.200.json", Shape.bare(Contact.class));
        RESPONSES.put("contacts.list.empty.200.json", Shape.bare(Contact.class));
        RESPONSES.put("contacts.list.filtered-by-phone.200.json", Shape.bare(Contact.class));
        RESPONSES.put("contacts.update.200.json", Shape.single(Contact.class));
        RESPONSES.put("employees.create.201.json", Shape.single(Employee.class));
        RESPONSES.put("employees.get.200.json", Shape.single(Employee.class));
        RESPONSES.put("employees.list.200.json", Shape.wrapped(Employee.class, "employees"));
        RESPONSES.put("employees.update.200.json", Shape.single(Employee.class));
        RESPONSES.put("main-numbers.get.200.json", Shape.single(MainNumber.class));
        RESPONSES.put(
                "main-numbers.list.200.json", Shape.wrapped(MainNumber.class, "main_numbers"));
        RESPONSES.put("main-numbers.update.200.json", Shape.single(MainNumber.class));
        RESPONSES.put("voicemails.get.200.json", Shape.single(Voicemail.class));
        RESPONSES.put("voicemails.list.200.json", Shape.wrapped(Voicemail.class, "voicemails"));
        RESPONSES.put("voicemails.mark-listened.200.json", Shape.single(Voicemail.class));
        RESPONSES.put("webhooks.create.201.json", Shape.single(Webhook.class));
        RESPONSES.put("webhooks.get.200.json", Shape.single(Webhook.class));
        RESPONSES.put("webhooks.list.200.json", Shape.wrapped(Webhook.class, "webhooks"));
        RESPONSES.put("webhooks.update.200.json", Shape.single(Webhook.class));

        REQUESTS.put("contacts.create.json", Contact.class);
        REQUESTS.put("contacts.update.json", Contact.class);
        REQUESTS.put("employees.create.json", Employee.class);
        REQUESTS.put("employees.update.json", Employee.class);
        REQUESTS.put("main-numbers.update.json", MainNumber.class);
        REQUESTS.put("voicemails.mark-listened.json", VoicemailUpdate.class);
        REQUESTS.put("voicemails.mark-unlistened.json", VoicemailUpdate.class);
        REQUESTS.put("webhooks.create.json", Webhook.class);
        REQUESTS.put("webhooks.update.json", Webhook.class);
    }

    private static final String ALEX = "0196a8e2-6c21-7d4b-8e32-4e5f6a7b8c11";
    private static final String JAMIE = "0196a8e2-6c21-7d4b-8e32-4e5f6a7b8c12";
    private static final String SALES = "0196a8e2-5b10-7c3a-9f21-3d4e5a6b7c01";
    private static final String SUPPORT = "0196a8e2-5b10-7c3a-9f21-3d4e5a6b7c02";

    // ---------------------------------------------------------------- calls

    @Test
    void callsGet() throws IOException {
        Call call = parse("responses/calls.get.200.json", Call.class);

        assertEquals("0196c0a1-7e2f-7a10-b3c4-d5e6f7a8b901", call.getId());
        assertEquals("+14155550177", call.getFrom());
        assertEquals("+14155550100", call.getTo());
        assertEquals("inbound", call.getDirection());
        assertEquals("ended", call.getState());
        assertEquals(utc(2026, 5, 12, 16, 2, 11), call.getStartedAt());
        assertEquals(utc(2026, 5, 12, 16, 2, 19), call.getAnsweredAt());
        assertEquals(ZoneOffset.UTC, call.getStartedAt().getOffset());
        assertEquals(254, call.getDuration());
        assertTrue(call.getSummary().startsWith("Morgan Ellis asked about bulk pricing"));
        assertTrue(call.getTranscription().startsWith("Thanks for calling, this is Alex."));
        assertEquals(SALES, call.getMainNumberId());

        List<TranscriptionSegment> segments = call.getTranscriptionSegments();
        assertEquals(5, segments.size());
        assertEquals("employee", segments.get(0).getSpeaker());
        assertEquals("Thanks for calling, this is Alex.", segments.get(0).getText());
        assertEquals(ALEX, segments.get(0).getEmployeeId());
        assertEquals("caller", segments.get(1).getSpeaker());
        assertTrue(segments.get(1).getText().startsWith("Hi Alex, it's Morgan"));
        assertNull(segments.get(1).getEmployeeId());
        assertEquals("Sure, you'll have it this afternoon.", segments.get(4).getText());
    }

    @Test
    void callsGetInProgress() throws IOException {
        Call call = parse("responses/calls.get.in-progress.200.json", Call.class);

        assertEquals("answered", call.getState());
        assertEquals(utc(2026, 5, 12, 16, 2, 19), call.getAnsweredAt());
        assertNull(call.getDuration());
        assertNull(call.getSummary());
        assertNull(call.getTranscription());
        assertNull(call.getTranscriptionSegments());
        assertTrue(call.getAdditionalProperties().isEmpty());
    }

    @Test
    void callsList() throws IOException {
        List<Call> calls = parseList("responses/calls.list.200.json", "calls", Call.class);

        assertEquals(4, calls.size());
        Call ringing = calls.get(0);
        assertEquals("0196c0a1-7e2f-7a10-b3c4-d5e6f7a8b904", ringing.getId());
        assertEquals("ringing", ringing.getState());
        assertEquals(utc(2026, 5, 12, 16, 30, 2), ringing.getStartedAt());
        assertNull(ringing.getAnsweredAt());

        Call lost = calls.get(2);
        assertEquals("+14155550188", lost.getFrom());
        assertEquals("+14155550101", lost.getTo());
        assertEquals("ended", lost.getState());
        assertNull(lost.getAnsweredAt());
        assertNull(lost.getDuration());
        assertEquals(SUPPORT, lost.getMainNumberId());

        Call outbound = calls.get(3);
        assertEquals("outbound", outbound.getDirection());
        assertEquals("+14155550123", outbound.getTo());
        assertEquals(97, outbound.getDuration());
        assertEquals(2, outbound.getTranscriptionSegments().size());
        assertNull(outbound.getTranscriptionSegments().get(1).getEmployeeId());

        List<Call> filtered =
                parseList("responses/calls.list.filtered-by-phone.200.json", "calls", Call.class);
        assertEquals(1, filtered.size());
        assertEquals("+14155550177", filtered.get(0).getFrom());

        assertTrue(
                parseList("responses/calls.list.no-match.200.json", "calls", Call.class).isEmpty());
    }

    // ---------------------------------------------------------------- voicemails

    @Test
    void voicemailsList() throws IOException {
        JsonNode body = tree("responses/voicemails.list.200.json");
        assertEquals(2, body.get("unlistened_count").intValue());
        List<Voicemail> voicemails =
                parseList("responses/voicemails.list.200.json", "voicemails", Voicemail.class);

        assertEquals(3, voicemails.size());
        Voicemail processing = voicemails.get(0);
        assertEquals("0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c03", processing.getId());
        assertNull(processing.getRecordingUrl());
        assertNull(processing.getTranscription());
        assertNull(processing.getListenedAt());
        assertEquals("Sales", processing.getMainNumberName());

        Voicemail listened = voicemails.get(2);
        assertEquals("+14155550166", listened.getFrom());
        assertEquals(utc(2026, 5, 11, 9, 15, 0), listened.getListenedAt());
        assertEquals(utc(2026, 5, 11, 2, 3, 17), listened.getCreatedAt());
        assertEquals(
                1,
                voicemails.stream().filter(v -> v.getListenedAt() != null).count(),
                "one of three voicemails is listened");
    }

    @Test
    void voicemailsGetAndMarkListened() throws IOException {
        Voicemail voicemail = parse("responses/voicemails.get.200.json", Voicemail.class);

        assertEquals("0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01", voicemail.getId());
        assertEquals("+14155550188", voicemail.getFrom());
        assertNull(voicemail.getListenedAt());
        assertTrue(voicemail.getTranscription().startsWith("Hi, this is Taylor"));
        assertEquals(utc(2026, 5, 12, 15, 40, 48), voicemail.getCreatedAt());
        assertEquals(
                "https://storage.example.com/phoneinc/voicemails/0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01.mp3"
                        + "?expires=1778601600&signature=3f9c1e7a2b",
                voicemail.getRecordingUrl());
        assertEquals(SUPPORT, voicemail.getMainNumberId());
        assertEquals("Support", voicemail.getMainNumberName());
        assertEquals("+14155550101", voicemail.getMainNumber());
        assertEquals("+1 415-555-0101", voicemail.getMainNumberFormatted());

        Voicemail marked = parse("responses/voicemails.mark-listened.200.json", Voicemail.class);
        assertEquals(voicemail.getId(), marked.getId());
        assertEquals(utc(2026, 5, 12, 17, 5, 22), marked.getListenedAt());
    }

    // ---------------------------------------------------------------- contacts

    @Test
    void contactsListIsABareArray() throws IOException {
        List<Contact> contacts = parseList("responses/contacts.list.200.json", null, Contact.class);

        assertEquals(2, contacts.size());
        Contact dana = contacts.get(0);
        assertEquals("0196a9f1-2d3e-7f40-a1b2-c3d4e5f60a21", dana.getId());
        assertEquals("Dana Whitfield", dana.getName());
        assertEquals("dana@harborlight.example", dana.getEmail());
        assertEquals("+14155550123", dana.getPhone());
        assertEquals("+1 415-555-0123", dana.getPhoneFormatted());
        assertEquals("Harbor Light Coffee", dana.getCompanyName());
        assertEquals("Wholesale account. Prefers calls after 2pm.", dana.getNote());
        assertEquals(utc(2026, 4, 18, 20, 11, 9), dana.getCreatedAt());
        assertEquals(utc(2026, 5, 2, 15, 47, 30), dana.getUpdatedAt());

        Contact unnamed = contacts.get(1);
        assertEquals("+14155550188", unnamed.getPhone());
        assertNull(unnamed.getName());
        assertNull(unnamed.getEmail());
        assertNull(unnamed.getCompanyName());
        assertNull(unnamed.getNote());

        assertTrue(
                parseList("responses/contacts.list.empty.200.json", null, Contact.class).isEmpty());
        List<Contact> filtered =
                parseList(
                        "responses/contacts.list.filtered-by-phone.200.json", null, Contact.class);
        assertEquals(1, filtered.size());
        assertEquals("Dana Whitfield", filtered.get(0).getName());
    }

    @Test
    void contactsSingle() throws IOException {
        Contact got = parse("responses/contacts.get.200.json", Contact.class);
        assertEquals("Dana Whitfield", got.getName());

        Contact created = parse("responses/contacts.create.201.json", Contact.class);
        assertEquals("0196c1e7-9b8a-7c6d-8e5f-4a3b2c1d0e23", created.getId());
        assertEquals("+14155550177", created.getPhone());
        assertEquals("Ellis Outdoor Supply", created.getCompanyName());
        assertEquals(created.getCreatedAt(), created.getUpdatedAt());

        Contact updated = parse("responses/contacts.update.200.json", Contact.class);
        assertEquals(created.getId(), updated.getId());
        assertTrue(updated.getNote().endsWith("Quote sent 2026-05-13."));
        assertEquals(utc(2026, 5, 13, 14, 8, 12), updated.getUpdatedAt());
    }

    // ---------------------------------------------------------------- employees

    @Test
    void employees() throws IOException {
        List<Employee> employees =
                parseList("responses/employees.list.200.json", "employees", Employee.class);

        assertEquals(2, employees.size());
        Employee alex = employees.get(0);
        assertEquals(ALEX, alex.getId());
        assertEquals("Alex Wong", alex.getName());
        assertEquals("alex.wong@example.com", alex.getEmail());
        assertEquals("+14155550142", alex.getPhone());
        assertEquals(Boolean.FALSE, alex.getInvitationPending());
        assertEquals(utc(2026, 3, 2, 9, 12, 44), alex.getCreatedAt());
        assertEquals(utc(2026, 5, 4, 17, 20, 3), alex.getUpdatedAt());

        Employee jamie = employees.get(1);
        assertEquals(JAMIE, jamie.getId());
        assertNull(jamie.getPhone());
        assertEquals(Boolean.TRUE, jamie.getInvitationPending());

        Employee created = parse("responses/employees.create.201.json", Employee.class);
        assertEquals("Priya Natarajan", created.getName());
        assertEquals(Boolean.TRUE, created.getInvitationPending());

        Employee updated = parse("responses/employees.update.200.json", Employee.class);
        assertEquals(ALEX, updated.getId());
        assertEquals("+14155550144", updated.getPhone());
        assertEquals(
                parse("responses/employees.get.200.json", Employee.class).getName(), "Alex Wong");
    }

    // ---------------------------------------------------------------- main numbers

    @Test
    void mainNumbers() throws IOException {
        List<MainNumber> numbers =
                parseList("responses/main-numbers.list.200.json", "main_numbers", MainNumber.class);

        assertEquals(2, numbers.size());
        MainNumber sales = numbers.get(0);
        assertEquals(SALES, sales.getId());
        assertEquals("Sales", sales.getName());
        assertEquals("+14155550100", sales.getNumber());
        assertEquals("+1 415-555-0100", sales.getNumberFormatted());
        assertEquals("Pacific Time (US & Canada)", sales.getTimezone());
        assertEquals("en", sales.getLanguage());
        assertEquals(Boolean.TRUE, sales.getRecordingEnabled());
        assertEquals("transfer", sales.getIncomingCallConfig().getType());
        assertEquals(
                List.of(ALEX, JAMIE),
                sales.getIncomingCallConfig().getAdditionalProperties().get("employee_ids"));
        assertEquals("voicemail", sales.getOutsideOpeningHoursConfig().getType());
        assertTrue(sales.getOutsideOpeningHoursConfig().getAdditionalProperties().isEmpty());
        assertEquals("voicemail", sales.getNoAnswerConfig().getType());
        assertEquals(25, sales.getNoAnswerTimeoutSecs());

        MainNumber support = numbers.get(1);
        assertEquals(SUPPORT, support.getId());
        assertEquals(Boolean.FALSE, support.getRecordingEnabled());
        assertEquals(
                List.of(ALEX),
                support.getIncomingCallConfig().getAdditionalProperties().get("employee_ids"));
        assertNull(support.getOutsideOpeningHoursConfig());
        assertNull(support.getNoAnswerConfig());
        assertNull(support.getNoAnswerTimeoutSecs());

        MainNumber got = parse("responses/main-numbers.get.200.json", MainNumber.class);
        assertEquals("Sales", got.getName());
        MainNumber updated = parse("responses/main-numbers.update.200.json", MainNumber.class);
        assertEquals(SUPPORT, updated.getId());
        assertEquals(Boolean.TRUE, updated.getRecordingEnabled());
        assertEquals("voicemail", updated.getNoAnswerConfig().getType());
        assertEquals(30, updated.getNoAnswerTimeoutSecs());
    }

    // ---------------------------------------------------------------- caller context

    @Test
    void callerContext() throws IOException {
        CallerContext result = parse("responses/caller-context.get.200.json", CallerContext.class);

        assertEquals(utc(2026, 5, 12, 16, 2, 12), result.getEnrichedAt());
        assertEquals(1, result.getContexts().size());
        ProviderContext shopify = result.getContexts().get(0);
        assertEquals("shopify", shopify.getProvider());
        assertEquals("ellis-outdoor.myshopify.com", shopify.getStore());

        ContextCustomer customer = shopify.getCustomer();
        assertEquals("7345129801234", customer.getId());
        assertEquals("Morgan Ellis", customer.getName());
        assertEquals("morgan.ellis@example.com", customer.getEmail());
        assertEquals("+14155550177", customer.getPhone());
        assertEquals(
                "https://admin.shopify.com/store/ellis-outdoor/customers/7345129801234",
                customer.getAdminUrl());

        assertEquals(2, shopify.getOrders().size());
        ContextOrder newest = shopify.getOrders().get(0);
        assertEquals("5912345678901", newest.getId());
        assertEquals("#1042", newest.getName());
        assertEquals(utc(2026, 5, 8, 18, 22, 10), newest.getCreatedAt());
        assertEquals("148.50", newest.getTotalPrice());
        assertEquals("USD", newest.getCurrency());
        assertEquals("paid", newest.getFinancialStatus());
        assertEquals("fulfilled", newest.getFulfillmentStatus());
        assertEquals(
                "https://admin.shopify.com/store/ellis-outdoor/orders/5912345678901",
                newest.getAdminUrl());
        ContextOrder refunded = shopify.getOrders().get(1);
        assertEquals("refunded", refunded.getFinancialStatus());
        assertNull(refunded.getFulfillmentStatus());

        CallerContext noMatch =
                parse("responses/caller-context.no-match.200.json", CallerContext.class);
        assertTrue(noMatch.getContexts().isEmpty());
        assertEquals(utc(2026, 5, 12, 16, 31, 3), noMatch.getEnrichedAt());

        CallerContext invalid =
                parse("responses/caller-context.invalid-input.200.json", CallerContext.class);
        assertTrue(invalid.getContexts().isEmpty());
        assertNull(invalid.getEnrichedAt());
    }

    // ---------------------------------------------------------------- webhooks

    @Test
    void webhooks() throws IOException {
        List<Webhook> hooks =
                parseList("responses/webhooks.list.200.json", "webhooks", Webhook.class);

        assertEquals(2, hooks.size());
        Webhook crm = hooks.get(0);
        assertEquals("0196b7a3-8c9d-7e0f-a1b2-c3d4e5f6a701", crm.getId());
        assertEquals("CRM sync", crm.getName());
        assertEquals("https://hooks.example.com/phoneinc/8f3c2a9d4b7e41f0", crm.getUrl());
        assertEquals(
                List.of("call.ended", "call.transcription_done", "voicemail.new"), crm.getEvents());
        assertEquals(Boolean.TRUE, crm.getActive());
        assertEquals(utc(2026, 4, 20, 13, 0, 0), crm.getCreatedAt());

        Webhook slack = hooks.get(1);
        assertEquals(Boolean.FALSE, slack.getActive());
        assertEquals(utc(2026, 5, 6, 19, 2, 33), slack.getUpdatedAt());

        Webhook created = parse("responses/webhooks.create.201.json", Webhook.class);
        assertEquals(10, created.getEvents().size());
        assertTrue(created.getUrl().contains("?token="));
        Webhook updated = parse("responses/webhooks.update.200.json", Webhook.class);
        assertEquals(slack.getId(), updated.getId());
        assertEquals(Boolean.TRUE, updated.getActive());
        assertEquals("CRM sync", parse("responses/webhooks.get.200.json", Webhook.class).getName());
    }

    // ---------------------------------------------------------------- every example file

    /**
     * Every response example maps onto the typed properties (nothing left in the additional
     * properties, except the open-ended routing configs) and is written back unchanged, apart from
     * null properties, which are omitted.
     */
    @TestFactory
    Stream<DynamicTest> everyResponseExampleIsTypedAndRoundTrips() throws IOException {
        assertEquals(RESPONSES.keySet(), filesIn("responses"), "a response example is unmapped");
        return RESPONSES.entrySet().stream()
                .map(
                        e ->
                                dynamicTest(
                                        e.getKey(),
                                        () ->
                                                checkResponse(
                                                        "responses/" + e.getKey(), e.getValue())));
    }

    private void checkResponse(String file, Shape shape) throws IOException {
        JsonNode original = tree(file);
        if (!shape.list()) {
            PhoneIncObject model = MAPPER.treeToValue(original, shape.type());
            assertFullyTyped(model, file);
            assertEquals(withoutNulls(original), MAPPER.valueToTree(model), file);
            return;
        }
        JsonNode array = shape.key() == null ? original : original.get(shape.key());
        assertTrue(array.isArray(), file);
        List<? extends PhoneIncObject> models = parseList(file, shape.key(), shape.type());
        assertEquals(array.size(), models.size(), file);
        for (int i = 0; i < models.size(); i++) {
            assertFullyTyped(models.get(i), file + "[" + i + "]");
            assertEquals(withoutNulls(array.get(i)), MAPPER.valueToTree(models.get(i)), file);
        }
    }

    /** Request examples go through the model and come out as the same JSON document. */
    @TestFactory
    Stream<DynamicTest> everyRequestExampleRoundTrips() throws IOException {
        assertEquals(REQUESTS.keySet(), filesIn("requests"), "a request example is unmapped");
        return REQUESTS.entrySet().stream()
                .map(
                        e ->
                                dynamicTest(
                                        e.getKey(),
                                        () -> {
                                            String file = "requests/" + e.getKey();
                                            PhoneIncObject model = parse(file, e.getValue());
                                            assertFullyTyped(model, file);
                                            String written = MAPPER.writeValueAsString(model);
                                            assertEquals(
                                                    tree(file), MAPPER.readTree(written), file);
                                        }));
    }

    @Test
    void requestBodiesBuiltInCode() throws IOException {
        Contact create = parse("requests/contacts.create.json", Contact.class);
        assertEquals("+1 (415) 555-0177", create.getPhone(), "input is sent as given");
        assertNull(create.getId());

        Contact update = new Contact();
        update.setNote("Asked about bulk pricing for 20 units. Quote sent 2026-05-13.");
        assertEquals(tree("requests/contacts.update.json"), MAPPER.valueToTree(update));

        assertEquals(
                tree("requests/voicemails.mark-listened.json"),
                MAPPER.valueToTree(VoicemailUpdate.listened(true)));
        assertEquals(
                tree("requests/voicemails.mark-unlistened.json"),
                MAPPER.valueToTree(VoicemailUpdate.listened(false)));
        assertEquals(Boolean.FALSE, VoicemailUpdate.listened(false).getListened());

        MainNumber mainNumber = new MainNumber();
        mainNumber.setRecordingEnabled(true);
        RoutingConfig voicemail = new RoutingConfig();
        voicemail.setType("voicemail");
        mainNumber.setNoAnswerConfig(voicemail);
        mainNumber.setNoAnswerTimeoutSecs(30);
        assertEquals(tree("requests/main-numbers.update.json"), MAPPER.valueToTree(mainNumber));

        Webhook pause = new Webhook();
        pause.setActive(true);
        assertEquals(tree("requests/webhooks.update.json"), MAPPER.valueToTree(pause));
    }

    // ---------------------------------------------------------------- unknown and null fields

    @Test
    void unknownFieldsAreKeptAndWrittenBack() throws IOException {
        String json =
                read("responses/contacts.get.200.json")
                        .replaceFirst("\\{", "{\"future_field\": {\"a\": 1}, \"tags\": [\"vip\"],");
        Contact contact = MAPPER.readValue(json, Contact.class);

        assertEquals("Dana Whitfield", contact.getName());
        assertEquals(Map.of("a", 1), contact.getAdditionalProperties().get("future_field"));
        assertEquals(List.of("vip"), contact.getAdditionalProperties().get("tags"));
        assertEquals(2, contact.getAdditionalProperties().size());

        JsonNode written = MAPPER.valueToTree(contact);
        assertEquals(1, written.path("future_field").path("a").intValue());
        assertEquals("vip", written.path("tags").path(0).textValue());
        assertEquals(MAPPER.readTree(json), written);
    }

    @Test
    void unknownFieldsOfNestedObjectsAreKept() throws IOException {
        ObjectNode call = (ObjectNode) tree("responses/calls.get.200.json");
        ObjectNode segment = (ObjectNode) call.get("transcription_segments").get(0);
        segment.putObject("future_field").put("a", 1);
        ObjectNode config =
                (ObjectNode)
                        tree("responses/main-numbers.get.200.json").get("incoming_call_config");
        config.put("ring_strategy", "simultaneous");

        Call parsed = MAPPER.treeToValue(call, Call.class);
        TranscriptionSegment first = parsed.getTranscriptionSegments().get(0);
        assertEquals(Map.of("a", 1), first.getAdditionalProperties().get("future_field"));
        assertTrue(parsed.getTranscriptionSegments().get(1).getAdditionalProperties().isEmpty());
        assertEquals(call, MAPPER.valueToTree(parsed));

        RoutingConfig routing = MAPPER.treeToValue(config, RoutingConfig.class);
        assertEquals("transfer", routing.getType());
        assertEquals("simultaneous", routing.getAdditionalProperties().get("ring_strategy"));
        assertEquals(config, MAPPER.valueToTree(routing));
    }

    @Test
    void nullPropertiesAreNotWritten() throws IOException {
        Contact contact = new Contact();
        contact.setPhone("+14155550188");
        assertEquals("{\"phone\":\"+14155550188\"}", MAPPER.writeValueAsString(contact));
        assertEquals("{}", MAPPER.writeValueAsString(new VoicemailUpdate()));
        assertEquals("{}", MAPPER.writeValueAsString(new MainNumber()));

        Contact unnamed = parseList("responses/contacts.list.200.json", null, Contact.class).get(1);
        JsonNode written = MAPPER.valueToTree(unnamed);
        for (String absent : List.of("name", "email", "company_name", "note")) {
            assertFalse(written.has(absent), absent + " must not be written when null");
        }
        assertEquals("+14155550188", written.get("phone").textValue());

        Call ringing = parseList("responses/calls.list.200.json", "calls", Call.class).get(0);
        JsonNode call = MAPPER.valueToTree(ringing);
        assertFalse(call.has("answered_at"));
        assertFalse(call.has("transcription_segments"));
        assertFalse(call.has("duration"));
    }

    @Test
    void timestampsAreWrittenAsIsoStrings() throws IOException {
        Employee employee = new Employee();
        employee.setCreatedAt(OffsetDateTime.parse("2026-04-01T10:00:00Z"));
        employee.setUpdatedAt(OffsetDateTime.parse("2026-04-01T12:00:00+02:00"));
        employee.setInvitationPending(false);

        JsonNode written = MAPPER.valueToTree(employee);
        assertEquals("2026-04-01T10:00:00Z", written.get("created_at").textValue());
        assertEquals("2026-04-01T12:00:00+02:00", written.get("updated_at").textValue());
        assertTrue(written.get("invitation_pending").isBoolean());
        assertFalse(written.get("invitation_pending").booleanValue());
    }

    // ---------------------------------------------------------------- webhook events

    @TestFactory
    Stream<DynamicTest> everyEventParses() throws IOException {
        Set<String> files = filesIn("events");
        assertEquals(10, files.size());
        return files.stream()
                .map(
                        name ->
                                dynamicTest(
                                        name,
                                        () -> {
                                            String file = "events/" + name;
                                            WebhookEvent event = parse(file, WebhookEvent.class);
                                            assertEquals(
                                                    name.substring(
                                                            0, name.length() - ".json".length()),
                                                    event.getEvent());
                                            assertTrue(event.getAdditionalProperties().isEmpty());
                                            PhoneIncObject data =
                                                    event.dataAs(dataType(event.getEvent()));
                                            assertNotNull(data);
                                            assertFullyTyped(data, file);
                                            assertEquals(
                                                    withoutNulls(tree(file).get("data")),
                                                    MAPPER.valueToTree(data));
                                            assertEquals(tree(file), MAPPER.valueToTree(event));
                                        }));
    }

    private static Class<? extends PhoneIncObject> dataType(String event) {
        if (event.startsWith("call.")) {
            return Call.class;
        } else if (event.startsWith("voicemail.")) {
            return Voicemail.class;
        } else if (event.startsWith("contact.")) {
            return Contact.class;
        }
        throw new AssertionError("unexpected event " + event);
    }

    @Test
    void eventDataAsTypedModels() throws IOException {
        Call ended = parse("events/call.ended.json", WebhookEvent.class).dataAs(Call.class);
        assertEquals("0196c0a1-7e2f-7a10-b3c4-d5e6f7a8b901", ended.getId());
        assertEquals("ended", ended.getState());
        assertEquals(254, ended.getDuration());
        assertNull(ended.getSummary());

        Call lost = parse("events/call.lost.json", WebhookEvent.class).dataAs(Call.class);
        assertNull(lost.getAnsweredAt());
        assertEquals(SUPPORT, lost.getMainNumberId());

        Call transcribed =
                parse("events/call.transcription_done.json", WebhookEvent.class).dataAs(Call.class);
        assertEquals(5, transcribed.getTranscriptionSegments().size());
        assertEquals(ALEX, transcribed.getTranscriptionSegments().get(2).getEmployeeId());

        Call afterHours =
                parse("events/call.outside_opening_hours.json", WebhookEvent.class)
                        .dataAs(Call.class);
        assertEquals(utc(2026, 5, 13, 4, 14, 5), afterHours.getStartedAt());

        WebhookEvent newVoicemail = parse("events/voicemail.new.json", WebhookEvent.class);
        assertEquals("voicemail.new", newVoicemail.getEvent());
        Voicemail voicemail = newVoicemail.dataAs(Voicemail.class);
        assertEquals("0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01", voicemail.getId());
        assertNull(voicemail.getTranscription());
        assertTrue(voicemail.getRecordingUrl().startsWith("https://storage.example.com/"));
        assertEquals("+14155550101", voicemail.getMainNumber());

        Contact deleted =
                parse("events/contact.deleted.json", WebhookEvent.class).dataAs(Contact.class);
        assertEquals("0196c1e7-9b8a-7c6d-8e5f-4a3b2c1d0e23", deleted.getId());
        assertEquals("Morgan Ellis", deleted.getName());
        assertEquals(utc(2026, 5, 13, 14, 8, 12), deleted.getUpdatedAt());
        Contact created =
                parse("events/contact.created.json", WebhookEvent.class).dataAs(Contact.class);
        assertEquals("Asked about bulk pricing for 20 units.", created.getNote());
    }

    @Test
    void eventEnvelopeExtrasAndMissingData() throws IOException {
        WebhookEvent event =
                MAPPER.readValue(
                        "{\"event\":\"call.lost\",\"delivery_id\":\"d-1\",\"data\":null}",
                        WebhookEvent.class);
        assertEquals("call.lost", event.getEvent());
        assertEquals("d-1", event.getAdditionalProperties().get("delivery_id"));
        assertNull(event.dataAs(Call.class));

        WebhookEvent empty = MAPPER.readValue("{\"event\":\"call.lost\"}", WebhookEvent.class);
        assertNull(empty.getData());
        assertNull(empty.dataAs(Call.class));
        assertEquals("{\"event\":\"call.lost\"}", MAPPER.writeValueAsString(empty));
    }

    @Test
    void dataAsReportsUnconvertibleDataWithoutQuotingValues() throws IOException {
        WebhookEvent event =
                MAPPER.readValue(
                        "{\"event\":\"call.ended\",\"data\":{\"id\":\"c1\","
                                + "\"started_at\":\"+14155550177 not a date\"}}",
                        WebhookEvent.class);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> event.dataAs(Call.class));
        assertTrue(e.getMessage().contains("call.ended"), e.getMessage());
        assertTrue(e.getMessage().contains("Call"), e.getMessage());
        assertTrue(e.getMessage().contains("data.started_at"), e.getMessage());
        assertFalse(e.getMessage().contains("+14155550177"), e.getMessage());
        assertNotNull(e.getCause());

        WebhookEvent array =
                MAPPER.readValue("{\"event\":\"call.ended\",\"data\":[1]}", WebhookEvent.class);
        assertThrows(IllegalArgumentException.class, () -> array.dataAs(Call.class));
    }

    // ---------------------------------------------------------------- helpers

    private static OffsetDateTime utc(int y, int mo, int d, int h, int mi, int s) {
        return OffsetDateTime.of(y, mo, d, h, mi, s, 0, ZoneOffset.UTC);
    }

    private static String read(String file) {
        try (InputStream in = ModelMappingTest.class.getResourceAsStream("/examples/" + file)) {
            assertNotNull(in, "missing test resource examples/" + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String file) throws IOException {
        return MAPPER.readTree(read(file));
    }

    private static <T> T parse(String file, Class<T> type) throws IOException {
        return MAPPER.readValue(read(file), type);
    }

    /** The array at {@code key} of the envelope, or the bare array when {@code key} is null. */
    private static <T> List<T> parseList(String file, String key, Class<T> type)
            throws IOException {
        JsonNode body = tree(file);
        JsonNode array = key == null ? body : body.get(key);
        assertNotNull(array, file + " has no " + key);
        return MAPPER.readerForListOf(type).readValue(array);
    }

    private static Set<String> filesIn(String folder) throws IOException {
        URL url = ModelMappingTest.class.getResource("/examples/" + folder);
        assertNotNull(url, "missing test resources examples/" + folder);
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code node} without object fields whose value is JSON null. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(withoutNulls(element)));
            return copy;
        }
        return node;
    }

    /**
     * Asserts that no field of the example landed in the additional properties, in {@code model}
     * and every model nested in it: i.e. the classes type every field the examples use. Routing
     * configs are open-ended by design and keep their attributes there.
     */
    private static void assertFullyTyped(Object model, String where) {
        List<String> untyped = new ArrayList<>();
        collectUntyped(model, where, untyped);
        assertTrue(untyped.isEmpty(), "untyped fields: " + untyped);
    }

    private static void collectUntyped(Object value, String where, List<String> untyped) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUntyped(list.get(i), where + "[" + i + "]", untyped);
            }
        } else if (value instanceof PhoneIncObject model) {
            if (!(model instanceof RoutingConfig)) {
                model.getAdditionalProperties().keySet().forEach(k -> untyped.add(where + "." + k));
            }
            for (Field field : model.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    collectUntyped(field.get(model), where + "." + field.getName(), untyped);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void fullyTypedCheckCanFail() {
        Contact contact = new Contact();
        contact.setAdditionalProperty("surprise", 1);
        Call call = new Call();
        TranscriptionSegment segment = new TranscriptionSegment();
        segment.setAdditionalProperty("surprise", 1);
        call.setTranscriptionSegments(List.of(segment));
        assertThrows(AssertionError.class, () -> assertFullyTyped(contact, "contact"));
        assertThrows(AssertionError.class, () -> assertFullyTyped(call, "call"));
        assertSame(RoutingConfig.class, new RoutingConfig().getClass());
    }
}
