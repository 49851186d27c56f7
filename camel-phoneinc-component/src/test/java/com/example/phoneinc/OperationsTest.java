package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.phoneinc.api.model.Call;
import com.example.phoneinc.api.model.CallerContext;
import com.example.phoneinc.api.model.Contact;
import com.example.phoneinc.api.model.ContextOrder;
import com.example.phoneinc.api.model.Employee;
import com.example.phoneinc.api.model.MainNumber;
import com.example.phoneinc.api.model.PhoneIncJson;
import com.example.phoneinc.api.model.ProviderContext;
import com.example.phoneinc.api.model.Voicemail;
import com.example.phoneinc.api.model.VoicemailUpdate;
import com.example.phoneinc.api.model.Webhook;
import com.example.phoneinc.client.PhoneIncOperation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the operations table, end to end against WireMock: the exact request (method,
 * path, query, API key header, JSON body) and the typed result with concrete field values.
 */
class OperationsTest extends WireMockTestSupport {

    private static final String CALL_ID = "0196c0a1-7e2f-7a10-b3c4-d5e6f7a8b901";
    private static final String VOICEMAIL_ID = "0196c0b5-3f4e-7b20-8c9d-0e1f2a3b4c01";
    private static final String CONTACT_ID = "0196c1e7-9b8a-7c6d-8e5f-4a3b2c1d0e23";
    private static final String MAIN_NUMBER_ID = "0196a8e2-5b10-7c3a-9f21-3d4e5a6b7c02";
    private static final String EMPLOYEE_ID = "0196a8e2-6c21-7d4b-8e32-4e5f6a7b8c11";
    private static final String WEBHOOK_ID = "0196b7a3-8c9d-7e0f-a1b2-c3d4e5f6a702";

    /** Operations the parameterized test covered, checked against the table at the end. */
    private static final Set<String> COVERED = new TreeSet<>();

    /**
     * One operation call.
     *
     * @param operation {@code resource/action} of the operations table this case covers
     * @param requestJson the JSON body Phone.inc must receive, or null for none
     * @param response example file under examples/responses, or null for an empty 204
     */
    record Case(
            String operation,
            String uri,
            Object body,
            Map<String, Object> headers,
            String method,
            String url,
            String requestJson,
            String response,
            int status,
            Consumer<Exchange> check) {
        @Override
        public String toString() {
            return operation + " <- " + uri;
        }
    }

    static Stream<Arguments> operations() {
        List<Case> cases = new ArrayList<>();
        cases.add(
                new Case(
                        "calls/list",
                        "phoneinc:calls?phoneNumber=+14155550177&direction=inbound&state=ended",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/calls?phone_number=%2B14155550177&direction=inbound&state=ended",
                        null,
                        "calls.list.200.json",
                        200,
                        out -> {
                            List<Call> calls = list(out, Call.class, 4);
                            assertEquals(
                                    "0196c0a1-7e2f-7a10-b3c4-d5e6f7a8b904", calls.get(0).getId());
                            assertEquals("ringing", calls.get(0).getState());
                            assertNull(calls.get(0).getAnsweredAt());
                            Call ended = calls.get(1);
                            assertEquals(CALL_ID, ended.getId());
                            assertEquals(254, ended.getDuration());
                            assertEquals(5, ended.getTranscriptionSegments().size());
                            assertEquals("outbound", calls.get(3).getDirection());
                            assertEquals("+14155550123", calls.get(3).getTo());
                        }));
        cases.add(
                new Case(
                        "calls/get",
                        "phoneinc:calls/get?id=" + CALL_ID,
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/calls/" + CALL_ID,
                        null,
                        "calls.get.200.json",
                        200,
                        out -> {
                            Call call = one(out, Call.class);
                            assertEquals(CALL_ID, call.getId());
                            assertEquals("+14155550177", call.getFrom());
                            assertEquals("inbound", call.getDirection());
                            assertEquals(
                                    OffsetDateTime.parse("2026-05-12T16:02:11Z"),
                                    call.getStartedAt());
                            assertEquals(254, call.getDuration());
                            assertEquals(
                                    "employee",
                                    call.getTranscriptionSegments().get(0).getSpeaker());
                            assertEquals(
                                    EMPLOYEE_ID,
                                    call.getTranscriptionSegments().get(0).getEmployeeId());
                            assertNull(call.getTranscriptionSegments().get(1).getEmployeeId());
                            assertEquals(
                                    "0196a8e2-5b10-7c3a-9f21-3d4e5a6b7c01", call.getMainNumberId());
                        }));
        cases.add(
                new Case(
                        "voicemails/list",
                        "phoneinc:voicemails",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/voicemails",
                        null,
                        "voicemails.list.200.json",
                        200,
                        out -> {
                            List<Voicemail> voicemails = list(out, Voicemail.class, 3);
                            assertEquals(
                                    2,
                                    out.getMessage().getHeader(PhoneIncConstants.UNLISTENED_COUNT));
                            assertEquals(
                                    Map.of("unlistened_count", 2),
                                    out.getMessage().getHeader(PhoneIncConstants.LIST_METADATA));
                            assertEquals("+14155550199", voicemails.get(0).getFrom());
                            assertNull(voicemails.get(0).getRecordingUrl());
                            assertEquals(
                                    OffsetDateTime.parse("2026-05-11T09:15:00Z"),
                                    voicemails.get(2).getListenedAt());
                        }));
        cases.add(
                new Case(
                        "voicemails/get",
                        "phoneinc:voicemails/get?id=" + VOICEMAIL_ID,
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/voicemails/" + VOICEMAIL_ID,
                        null,
                        "voicemails.get.200.json",
                        200,
                        out -> {
                            Voicemail vm = one(out, Voicemail.class);
                            assertEquals(VOICEMAIL_ID, vm.getId());
                            assertEquals("+14155550188", vm.getFrom());
                            assertNull(vm.getListenedAt());
                            assertEquals("Support", vm.getMainNumberName());
                            assertEquals("+1 415-555-0101", vm.getMainNumberFormatted());
                        }));
        cases.add(
                new Case(
                        "voicemails/update",
                        "phoneinc:voicemails/update?id=" + VOICEMAIL_ID + "&listened=true",
                        null,
                        Map.of(),
                        "PATCH",
                        "/api/v1/voicemails/" + VOICEMAIL_ID,
                        "{\"listened\":true}",
                        "voicemails.mark-listened.200.json",
                        200,
                        out -> {
                            Voicemail vm = one(out, Voicemail.class);
                            assertEquals(
                                    OffsetDateTime.parse("2026-05-12T17:05:22Z"),
                                    vm.getListenedAt());
                        }));
        cases.add(
                new Case(
                        "contacts/list",
                        "phoneinc:contacts?phoneNumber=RAW(+1 (415) 555-0123)",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/contacts?phone=%2B1%20%28415%29%20555-0123",
                        null,
                        "contacts.list.200.json",
                        200,
                        out -> {
                            List<Contact> contacts = list(out, Contact.class, 2);
                            assertEquals("Dana Whitfield", contacts.get(0).getName());
                            assertEquals("+1 415-555-0123", contacts.get(0).getPhoneFormatted());
                            assertNull(contacts.get(1).getName());
                            assertEquals("+14155550188", contacts.get(1).getPhone());
                            // a bare array has no envelope and so no metadata
                            assertNull(out.getMessage().getHeader(PhoneIncConstants.LIST_METADATA));
                        }));
        Contact newContact = new Contact();
        newContact.setName("Morgan Ellis");
        newContact.setEmail("morgan.ellis@example.com");
        newContact.setPhone("+1 (415) 555-0177");
        newContact.setCompanyName("Ellis Outdoor Supply");
        newContact.setNote("Asked about bulk pricing for 20 units.");
        cases.add(
                new Case(
                        "contacts/create",
                        "phoneinc:contacts/create",
                        newContact, // model body
                        Map.of(),
                        "POST",
                        "/api/v1/contacts",
                        requestJson("contacts.create.json"),
                        "contacts.create.201.json",
                        201,
                        out -> {
                            Contact c = one(out, Contact.class);
                            assertEquals(CONTACT_ID, c.getId());
                            assertEquals("+14155550177", c.getPhone());
                            assertEquals("+1 415-555-0177", c.getPhoneFormatted());
                            assertEquals(
                                    OffsetDateTime.parse("2026-05-13T11:22:40Z"), c.getCreatedAt());
                        }));
        cases.add(
                new Case(
                        "contacts/get",
                        "phoneinc:contacts/get",
                        null,
                        Map.of(PhoneIncConstants.ID, "0196a9f1-2d3e-7f40-a1b2-c3d4e5f60a21"),
                        "GET",
                        "/api/v1/contacts/0196a9f1-2d3e-7f40-a1b2-c3d4e5f60a21",
                        null,
                        "contacts.get.200.json",
                        200,
                        out -> {
                            Contact c = one(out, Contact.class);
                            assertEquals("Harbor Light Coffee", c.getCompanyName());
                            assertEquals(
                                    "Wholesale account. Prefers calls after 2pm.", c.getNote());
                        }));
        cases.add(
                new Case(
                        "contacts/update",
                        "phoneinc:contacts/update?id=" + CONTACT_ID,
                        requestJson("contacts.update.json"), // JSON string body
                        Map.of(),
                        "PATCH",
                        "/api/v1/contacts/" + CONTACT_ID,
                        requestJson("contacts.update.json"),
                        "contacts.update.200.json",
                        200,
                        out ->
                                assertEquals(
                                        "Asked about bulk pricing for 20 units. Quote sent 2026-05-13.",
                                        one(out, Contact.class).getNote())));
        cases.add(
                new Case(
                        "contacts/delete",
                        "phoneinc:contacts/delete?id=" + CONTACT_ID,
                        "ignored body",
                        Map.of(),
                        "DELETE",
                        "/api/v1/contacts/" + CONTACT_ID,
                        null,
                        null,
                        204,
                        OperationsTest::deleted));
        cases.add(
                new Case(
                        "mainNumbers/list",
                        "phoneinc:mainNumbers/list",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/main_numbers",
                        null,
                        "main-numbers.list.200.json",
                        200,
                        out -> {
                            List<MainNumber> numbers = list(out, MainNumber.class, 2);
                            MainNumber sales = numbers.get(0);
                            assertEquals("Sales", sales.getName());
                            assertEquals("transfer", sales.getIncomingCallConfig().getType());
                            assertEquals(
                                    List.of(EMPLOYEE_ID, "0196a8e2-6c21-7d4b-8e32-4e5f6a7b8c12"),
                                    sales.getIncomingCallConfig()
                                            .getAdditionalProperties()
                                            .get("employee_ids"));
                            assertEquals(25, sales.getNoAnswerTimeoutSecs());
                            assertNull(numbers.get(1).getNoAnswerConfig());
                            assertEquals(Boolean.FALSE, numbers.get(1).getRecordingEnabled());
                        }));
        cases.add(
                new Case(
                        "mainNumbers/get",
                        "phoneinc:mainNumbers/get?id=0196a8e2-5b10-7c3a-9f21-3d4e5a6b7c01",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/main_numbers/0196a8e2-5b10-7c3a-9f21-3d4e5a6b7c01",
                        null,
                        "main-numbers.get.200.json",
                        200,
                        out -> {
                            MainNumber n = one(out, MainNumber.class);
                            assertEquals("+14155550100", n.getNumber());
                            assertEquals("Pacific Time (US & Canada)", n.getTimezone());
                            assertEquals("voicemail", n.getOutsideOpeningHoursConfig().getType());
                        }));
        cases.add(
                new Case(
                        "mainNumbers/update",
                        "phoneinc:mainNumbers/update?id=" + MAIN_NUMBER_ID,
                        readMap(requestJson("main-numbers.update.json")), // Map body
                        Map.of(),
                        "PATCH",
                        "/api/v1/main_numbers/" + MAIN_NUMBER_ID,
                        requestJson("main-numbers.update.json"),
                        "main-numbers.update.200.json",
                        200,
                        out -> {
                            MainNumber n = one(out, MainNumber.class);
                            assertEquals(30, n.getNoAnswerTimeoutSecs());
                            assertEquals(Boolean.TRUE, n.getRecordingEnabled());
                        }));
        cases.add(
                new Case(
                        "employees/list",
                        "phoneinc:employees",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/employees",
                        null,
                        "employees.list.200.json",
                        200,
                        out -> {
                            List<Employee> employees = list(out, Employee.class, 2);
                            assertEquals("Alex Wong", employees.get(0).getName());
                            assertEquals(Boolean.FALSE, employees.get(0).getInvitationPending());
                            assertNull(employees.get(1).getPhone());
                            assertEquals(Boolean.TRUE, employees.get(1).getInvitationPending());
                        }));
        cases.add(
                new Case(
                        "employees/create",
                        "phoneinc:employees/create",
                        readMap(requestJson("employees.create.json")), // Map body
                        Map.of(),
                        "POST",
                        "/api/v1/employees",
                        requestJson("employees.create.json"),
                        "employees.create.201.json",
                        201,
                        out -> {
                            Employee e = one(out, Employee.class);
                            assertEquals("0196c1d0-4a5b-7e6f-9a0b-1c2d3e4f5a13", e.getId());
                            assertEquals(Boolean.TRUE, e.getInvitationPending());
                        }));
        cases.add(
                new Case(
                        "employees/get",
                        "phoneinc:employees/get?id=" + EMPLOYEE_ID,
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/employees/" + EMPLOYEE_ID,
                        null,
                        "employees.get.200.json",
                        200,
                        out -> {
                            Employee e = one(out, Employee.class);
                            assertEquals("alex.wong@example.com", e.getEmail());
                            assertEquals("+14155550142", e.getPhone());
                        }));
        Employee phoneChange = new Employee();
        phoneChange.setId(EMPLOYEE_ID); // the id comes from the model body
        phoneChange.setPhone("+14155550144");
        cases.add(
                new Case(
                        "employees/update",
                        "phoneinc:employees/update",
                        phoneChange,
                        Map.of(),
                        "PATCH",
                        "/api/v1/employees/" + EMPLOYEE_ID,
                        requestJson("employees.update.json"),
                        "employees.update.200.json",
                        200,
                        out -> {
                            Employee e = one(out, Employee.class);
                            assertEquals("+14155550144", e.getPhone());
                            assertEquals(
                                    OffsetDateTime.parse("2026-05-13T10:30:00Z"), e.getUpdatedAt());
                        }));
        cases.add(
                new Case(
                        "employees/delete",
                        "phoneinc:employees/delete?id=" + EMPLOYEE_ID,
                        null,
                        Map.of(),
                        "DELETE",
                        "/api/v1/employees/" + EMPLOYEE_ID,
                        null,
                        null,
                        204,
                        OperationsTest::deleted));
        cases.add(
                new Case(
                        "callerContext/get",
                        "phoneinc:callerContext?phoneNumber=%2B14155550177",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/caller_context?phone=%2B14155550177",
                        null,
                        "caller-context.get.200.json",
                        200,
                        out -> {
                            CallerContext cc = one(out, CallerContext.class);
                            assertEquals(
                                    OffsetDateTime.parse("2026-05-12T16:02:12Z"),
                                    cc.getEnrichedAt());
                            assertEquals(1, cc.getContexts().size());
                            ProviderContext shopify = cc.getContexts().get(0);
                            assertEquals("shopify", shopify.getProvider());
                            assertEquals("ellis-outdoor.myshopify.com", shopify.getStore());
                            assertEquals("Morgan Ellis", shopify.getCustomer().getName());
                            assertEquals("+14155550177", shopify.getCustomer().getPhone());
                            List<ContextOrder> orders = shopify.getOrders();
                            assertEquals(2, orders.size());
                            assertEquals("#1042", orders.get(0).getName());
                            assertEquals("148.50", orders.get(0).getTotalPrice());
                            assertNull(orders.get(1).getFulfillmentStatus());
                        }));
        cases.add(
                new Case(
                        "webhooks/list",
                        "phoneinc:webhooks",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/webhooks",
                        null,
                        "webhooks.list.200.json",
                        200,
                        out -> {
                            List<Webhook> hooks = list(out, Webhook.class, 2);
                            assertEquals("CRM sync", hooks.get(0).getName());
                            assertEquals(
                                    List.of(
                                            "call.ended",
                                            "call.transcription_done",
                                            "voicemail.new"),
                                    hooks.get(0).getEvents());
                            assertEquals(Boolean.FALSE, hooks.get(1).getActive());
                        }));
        cases.add(
                new Case(
                        "webhooks/create",
                        "phoneinc:webhooks/create",
                        requestJson("webhooks.create.json"), // JSON string body
                        Map.of(),
                        "POST",
                        "/api/v1/webhooks",
                        requestJson("webhooks.create.json"),
                        "webhooks.create.201.json",
                        201,
                        out -> {
                            Webhook w = one(out, Webhook.class);
                            assertEquals("0196c1f2-0a1b-7c2d-9e3f-4a5b6c7d8e03", w.getId());
                            assertEquals(10, w.getEvents().size());
                            assertEquals(Boolean.TRUE, w.getActive());
                        }));
        cases.add(
                new Case(
                        "webhooks/get",
                        "phoneinc:webhooks/get?id=0196b7a3-8c9d-7e0f-a1b2-c3d4e5f6a701",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/webhooks/0196b7a3-8c9d-7e0f-a1b2-c3d4e5f6a701",
                        null,
                        "webhooks.get.200.json",
                        200,
                        out -> {
                            Webhook w = one(out, Webhook.class);
                            assertEquals("CRM sync", w.getName());
                            assertEquals(
                                    "https://hooks.example.com/phoneinc/8f3c2a9d4b7e41f0",
                                    w.getUrl());
                        }));
        Webhook resume = new Webhook();
        resume.setActive(true);
        cases.add(
                new Case(
                        "webhooks/update",
                        "phoneinc:webhooks/update?id=" + WEBHOOK_ID,
                        resume,
                        Map.of(),
                        "PATCH",
                        "/api/v1/webhooks/" + WEBHOOK_ID,
                        requestJson("webhooks.update.json"),
                        "webhooks.update.200.json",
                        200,
                        out -> {
                            Webhook w = one(out, Webhook.class);
                            assertEquals(Boolean.TRUE, w.getActive());
                            assertEquals(
                                    OffsetDateTime.parse("2026-05-13T12:10:41Z"), w.getUpdatedAt());
                        }));
        cases.add(
                new Case(
                        "webhooks/delete",
                        "phoneinc:webhooks/delete?id=" + WEBHOOK_ID,
                        null,
                        Map.of(),
                        "DELETE",
                        "/api/v1/webhooks/" + WEBHOOK_ID,
                        null,
                        null,
                        204,
                        OperationsTest::deleted));
        cases.add(
                new Case(
                        "request/send",
                        "phoneinc:request?method=GET&path=/calls?state=ended",
                        null,
                        Map.of(),
                        "GET",
                        "/api/v1/calls?state=ended",
                        null,
                        "calls.list.200.json",
                        200,
                        out ->
                                assertEquals(
                                        response("calls.list.200.json"),
                                        out.getMessage().getBody())));
        return cases.stream().map(c -> Arguments.of(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void operation(Case c) {
        String stubBody = c.response() == null ? null : response(c.response());
        wireMock.stubFor(
                request(c.method(), urlEqualTo(c.url()))
                        .willReturn(
                                stubBody == null
                                        ? aResponse().withStatus(c.status())
                                        : aResponse()
                                                .withStatus(c.status())
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(stubBody)));

        Exchange out =
                template.request(
                        c.uri(),
                        e -> {
                            e.getMessage().setBody(c.body());
                            e.getMessage().getHeaders().putAll(c.headers());
                        });

        assertNull(out.getException(), () -> "unexpected failure: " + out.getException());
        assertEquals(c.status(), out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        RequestPatternBuilder sent =
                requestedFor(c.method(), urlEqualTo(c.url()))
                        .withHeader("X-Api-Key", equalTo(API_KEY))
                        .withHeader("Accept", equalTo("application/json"));
        if (c.requestJson() != null) {
            sent.withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                    .withRequestBody(equalToJson(c.requestJson()));
        }
        wireMock.verify(1, sent);
        wireMock.verify(1, anyRequestedFor(anyUrl()));
        if (c.requestJson() == null) {
            assertEquals(
                    0,
                    wireMock.getAllServeEvents().get(0).getRequest().getBody().length,
                    "no body expected for " + c.operation());
        }
        c.check().accept(out);
        COVERED.add(c.operation());
    }

    @AfterAll
    static void everyOperationCovered() {
        if (COVERED.isEmpty()) {
            return; // a single other test was selected
        }
        Set<String> all =
                Stream.of(PhoneIncOperation.values())
                        .filter(op -> !op.isOAuth()) // OAuthTest covers the OAuth endpoints
                        // events is received, not called: the webhook tests cover it
                        .filter(op -> op != PhoneIncOperation.EVENTS)
                        .map(PhoneIncOperation::uriName)
                        .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(25, all.size());
        assertEquals(all, COVERED, "operations without a case");
    }

    // ---------------------------------------------------------------- specific behaviours

    @Test
    void listResultsSplitInARoute() throws Exception {
        wireMock.stubFor(
                request("GET", urlEqualTo("/api/v1/contacts"))
                        .willReturn(okJson(response("contacts.list.200.json"))));
        wireMock.stubFor(
                request("GET", urlEqualTo("/api/v1/employees"))
                        .willReturn(okJson(response("employees.list.200.json"))));
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:contacts")
                                .to("phoneinc:contacts")
                                .split(body())
                                .to("mock:contact");
                        from("direct:employees")
                                .to("phoneinc:employees")
                                .split(body())
                                .to("mock:employee");
                    }
                });
        MockEndpoint contacts = getMockEndpoint("mock:contact");
        contacts.expectedMessageCount(2);
        MockEndpoint employees = getMockEndpoint("mock:employee");
        employees.expectedMessageCount(2);

        template.sendBody("direct:contacts", null);
        template.sendBody("direct:employees", null);

        MockEndpoint.assertIsSatisfied(context);
        assertEquals(
                "Dana Whitfield",
                contacts.getExchanges().get(0).getMessage().getBody(Contact.class).getName());
        assertEquals(
                "+14155550188",
                contacts.getExchanges().get(1).getMessage().getBody(Contact.class).getPhone());
        assertEquals(
                "Jamie Chen",
                employees.getExchanges().get(1).getMessage().getBody(Employee.class).getName());
    }

    @Test
    void headersOverrideEndpointOptions() {
        wireMock.stubFor(
                request("GET", urlEqualTo("/api/v1/calls/from-header"))
                        .willReturn(okJson(response("calls.get.200.json"))));
        wireMock.stubFor(
                request(
                                "GET",
                                urlEqualTo(
                                        "/api/v1/calls?phone_number=%2B14155550188&state=ringing"))
                        .willReturn(okJson(response("calls.list.no-match.200.json"))));

        Exchange one =
                template.request(
                        "phoneinc:calls/get?id=from-option",
                        e -> e.getMessage().setHeader(PhoneIncConstants.ID, "from-header"));
        Exchange list =
                template.request(
                        "phoneinc:calls?phoneNumber=+14155550101&state=ended",
                        e -> {
                            e.getMessage()
                                    .setHeader(PhoneIncConstants.PHONE_NUMBER, "+14155550188");
                            e.getMessage().setHeader(PhoneIncConstants.STATE, "ringing");
                        });

        assertNull(one.getException());
        assertEquals(CALL_ID, one.getMessage().getBody(Call.class).getId());
        assertNull(list.getException());
        assertEquals(List.of(), list.getMessage().getBody());
        wireMock.verify(1, requestedFor("GET", urlEqualTo("/api/v1/calls/from-header")));
        wireMock.verify(
                1,
                requestedFor(
                        "GET",
                        urlEqualTo("/api/v1/calls?phone_number=%2B14155550188&state=ringing")));
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void idOptionBeatsModelBodyAndHeaderBeatsBoth() {
        wireMock.stubFor(
                request("PATCH", urlEqualTo("/api/v1/contacts/header-id"))
                        .willReturn(okJson(response("contacts.update.200.json"))));
        wireMock.stubFor(
                request("PATCH", urlEqualTo("/api/v1/contacts/option-id"))
                        .willReturn(okJson(response("contacts.update.200.json"))));
        Contact fetched = new Contact();
        fetched.setId("model-id");
        fetched.setNote("n");
        fetched.setPhoneFormatted("+1 415-555-0177"); // read-only: not sent back
        fetched.setCreatedAt(OffsetDateTime.parse("2026-05-13T11:22:40Z"));

        Exchange byOption = send("phoneinc:contacts/update?id=option-id", fetched);
        Exchange byHeader =
                template.request(
                        "phoneinc:contacts/update?id=option-id",
                        e -> {
                            e.getMessage().setBody(fetched);
                            e.getMessage().setHeader(PhoneIncConstants.ID, "header-id");
                        });

        assertNull(byOption.getException());
        assertNull(byHeader.getException());
        wireMock.verify(
                1,
                requestedFor("PATCH", urlEqualTo("/api/v1/contacts/option-id"))
                        .withRequestBody(equalToJson("{\"note\":\"n\"}")));
        wireMock.verify(
                1,
                requestedFor("PATCH", urlEqualTo("/api/v1/contacts/header-id"))
                        .withRequestBody(equalToJson("{\"note\":\"n\"}")));
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void updateTakesTheIdOfAJsonOrMapBodyAndDoesNotSendIt() {
        wireMock.stubFor(
                request("PATCH", urlEqualTo("/api/v1/contacts/json-id"))
                        .willReturn(okJson(response("contacts.update.200.json"))));
        wireMock.stubFor(
                request("PATCH", urlEqualTo("/api/v1/contacts/map-id"))
                        .willReturn(okJson(response("contacts.update.200.json"))));
        wireMock.stubFor(
                request("PATCH", urlEqualTo("/api/v1/contacts/header-id"))
                        .willReturn(okJson(response("contacts.update.200.json"))));

        Exchange json = send("phoneinc:contacts/update", "{\"id\":\"json-id\",\"note\":\"n\"}");
        Map<String, Object> map = new java.util.HashMap<>();
        map.put("id", "map-id");
        map.put("note", "n");
        Exchange fromMap = send("phoneinc:contacts/update", map);
        Exchange byHeader =
                template.request(
                        "phoneinc:contacts/update",
                        e -> {
                            e.getMessage().setBody("{\"id\":\"json-id\",\"note\":\"n\"}");
                            e.getMessage().setHeader(PhoneIncConstants.ID, "header-id");
                        });

        assertNull(json.getException());
        assertNull(fromMap.getException());
        assertNull(byHeader.getException());
        for (String id : List.of("json-id", "map-id", "header-id")) {
            wireMock.verify(
                    1,
                    requestedFor("PATCH", urlEqualTo("/api/v1/contacts/" + id))
                            .withRequestBody(equalToJson("{\"note\":\"n\"}")));
        }
        wireMock.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void voicemailListenedHeaderAndModelBody() {
        wireMock.stubFor(
                request("PATCH", urlEqualTo("/api/v1/voicemails/" + VOICEMAIL_ID))
                        .willReturn(okJson(response("voicemails.get.200.json"))));

        Exchange byHeader =
                template.request(
                        "phoneinc:voicemails/update?listened=true&id=" + VOICEMAIL_ID,
                        e -> e.getMessage().setHeader(PhoneIncConstants.LISTENED, "false"));
        Exchange byModel =
                send(
                        "phoneinc:voicemails/update?listened=false&id=" + VOICEMAIL_ID,
                        VoicemailUpdate.listened(true));

        assertNull(byHeader.getException());
        assertNull(byModel.getException());
        assertNull(byHeader.getMessage().getBody(Voicemail.class).getListenedAt());
        wireMock.verify(
                1,
                requestedFor("PATCH", urlEqualTo("/api/v1/voicemails/" + VOICEMAIL_ID))
                        .withRequestBody(
                                equalToJson(requestJson("voicemails.mark-unlistened.json"))));
        wireMock.verify(
                1,
                requestedFor("PATCH", urlEqualTo("/api/v1/voicemails/" + VOICEMAIL_ID))
                        .withRequestBody(
                                equalToJson(requestJson("voicemails.mark-listened.json"))));
    }

    /** The documented triage idiom: split the list, mark each fetched voicemail listened. */
    @Test
    void splitVoicemailsAndMarkEachListened() throws Exception {
        wireMock.stubFor(
                get(urlEqualTo("/api/v1/voicemails"))
                        .willReturn(okJson(response("voicemails.list.200.json"))));
        wireMock.stubFor(
                request("PATCH", urlPathMatching("/api/v1/voicemails/.*"))
                        .willReturn(okJson(response("voicemails.get.200.json"))));
        context.addRoutes(
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:triage")
                                .to("phoneinc:voicemails")
                                .split(body())
                                .to("phoneinc:voicemails/update?listened=true");
                    }
                });

        Exchange out = template.request("direct:triage", e -> {});

        assertNull(out.getException());
        List<?> listed =
                PhoneIncJson.mapper()
                        .readTree(response("voicemails.list.200.json"))
                        .get("voicemails")
                        .findValuesAsText("id");
        assertFalse(listed.isEmpty());
        for (Object id : listed) {
            wireMock.verify(
                    1,
                    requestedFor("PATCH", urlEqualTo("/api/v1/voicemails/" + id))
                            .withRequestBody(equalToJson("{\"listened\":true}")));
        }
    }

    @Test
    void rawRequestPostWithBodyReturnsJsonText() {
        String created = response("contacts.create.201.json");
        wireMock.stubFor(
                request("POST", urlEqualTo("/api/v1/contacts"))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(created)));
        wireMock.stubFor(
                request("PUT", urlEqualTo("/api/v1/webhooks/w1"))
                        .willReturn(okJson("{\"id\":\"w1\"}")));

        Exchange post =
                send(
                        "phoneinc:request?method=POST&path=/contacts",
                        readMap(requestJson("contacts.create.json")));
        Exchange put =
                template.request(
                        "phoneinc:request",
                        e -> {
                            e.getMessage().setHeader(PhoneIncConstants.HTTP_METHOD, "put");
                            e.getMessage().setHeader(PhoneIncConstants.PATH, "/webhooks/w1");
                            e.getMessage().setBody("[{\"active\":false}]");
                        });

        assertNull(post.getException());
        assertEquals(created, post.getMessage().getBody());
        assertEquals(201, post.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertNull(put.getException());
        assertEquals("{\"id\":\"w1\"}", put.getMessage().getBody());
        wireMock.verify(
                1,
                requestedFor("POST", urlEqualTo("/api/v1/contacts"))
                        .withHeader("X-Api-Key", equalTo(API_KEY))
                        .withRequestBody(equalToJson(requestJson("contacts.create.json"))));
        wireMock.verify(
                1,
                requestedFor("PUT", urlEqualTo("/api/v1/webhooks/w1"))
                        .withRequestBody(equalToJson("[{\"active\":false}]")));
    }

    @Test
    void idIsPercentEncodedIntoOnePathSegment() {
        wireMock.stubFor(
                request("GET", urlEqualTo("/api/v1/calls/a%2Fb%20c%3F"))
                        .willReturn(okJson(response("calls.get.200.json"))));
        wireMock.stubFor(
                request("GET", urlEqualTo("/api/v1/calls/%2E%2E"))
                        .willReturn(okJson(response("calls.get.200.json"))));

        Exchange slash =
                template.request(
                        "phoneinc:calls/get",
                        e -> e.getMessage().setHeader(PhoneIncConstants.ID, "a/b c?"));
        Exchange dots =
                template.request(
                        "phoneinc:calls/get",
                        e -> e.getMessage().setHeader(PhoneIncConstants.ID, ".."));

        assertNull(slash.getException());
        assertNull(dots.getException());
        wireMock.verify(1, requestedFor("GET", urlEqualTo("/api/v1/calls/a%2Fb%20c%3F")));
        wireMock.verify(1, requestedFor("GET", urlEqualTo("/api/v1/calls/%2E%2E")));
    }

    // ---------------------------------------------------------------- helpers

    private static void deleted(Exchange out) {
        assertNull(out.getMessage().getBody());
        assertEquals(204, out.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
    }

    private static <T> T one(Exchange out, Class<T> type) {
        return assertInstanceOf(type, out.getMessage().getBody());
    }

    private static <T> List<T> list(Exchange out, Class<T> type, int size) {
        List<?> items = assertInstanceOf(List.class, out.getMessage().getBody());
        assertEquals(size, items.size());
        List<T> typed = new ArrayList<>();
        for (Object item : items) {
            typed.add(assertInstanceOf(type, item));
        }
        assertFalse(typed.isEmpty());
        assertTrue(typed.stream().allMatch(type::isInstance));
        return typed;
    }

    private static String response(String name) {
        return resource("/examples/responses/" + name);
    }

    private static String requestJson(String name) {
        return resource("/examples/requests/" + name);
    }

    private static Map<String, Object> readMap(String json) {
        try {
            Map<String, Object> map =
                    PhoneIncJson.mapper()
                            .readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
            return new HashMap<>(map);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
