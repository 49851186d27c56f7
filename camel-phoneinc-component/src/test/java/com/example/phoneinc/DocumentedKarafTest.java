package com.example.phoneinc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ch.qos.logback.classic.Level;
import com.example.phoneinc.docs.DocBlocks;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.camel.Component;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The Blueprint file and configuration of docs/karaf.adoc, run as far as plain Camel can: the
 * {@code cm:property-placeholder} defaults and the printed {@code etc/com.example.phoneinc.cfg}
 * resolve the {@code $[...]} values, the {@code <bean>} is built as Blueprint builds it (class
 * instantiated, each {@code <property>} set through its setter) and becomes the {@code phoneinc}
 * component, and the {@code <camelContext>}'s routes are loaded by Camel's XML DSL and run against
 * WireMock. Aries Blueprint itself (and Karaf) is not run here.
 */
class DocumentedKarafTest extends WireMockTestSupport {

    private static final String BLUEPRINT_CAMEL = "http://camel.apache.org/schema/blueprint";
    private static final String VOICEMAILS =
            "{\"unlistened_count\":1,\"voicemails\":[{\"id\":\"vm1\",\"from\":\"+14155550177\","
                    + "\"transcription\":\"Please call me back\",\"listened_at\":null},"
                    + "{\"id\":\"vm2\",\"from\":\"+14155550188\",\"transcription\":\"old\","
                    + "\"listened_at\":\"2025-01-01T10:00:00Z\"}]}";

    @Test
    void blueprintRouteLogsTheNewVoicemails() throws Exception {
        assumeFalse(
                "xml".equals(System.getProperty("phoneinc.test.unserved-dsl")),
                "camel-xml-io-dsl is not served at this Camel version");
        Document blueprint = parse(DocBlocks.text("karaf-blueprint"));

        // configuration admin: the printed .cfg, the base URL pointed at WireMock, over the
        // defaults
        Properties config = new Properties();
        NodeList defaults = blueprint.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < defaults.getLength(); i++) {
            Element p = (Element) defaults.item(i);
            if (p.getParentNode().getLocalName().equals("default-properties")) {
                config.setProperty(p.getAttribute("name"), p.getAttribute("value"));
            }
        }
        assertEquals("https://app.phone.inc/api/v1", config.getProperty("phoneinc.base-url"));
        assertEquals(
                PhoneIncConfiguration.DEFAULT_BASE_URL, config.getProperty("phoneinc.base-url"));
        config.load(
                new StringReader(
                        DocBlocks.text("karaf-config").replace("phk_YourCompanyApiKey", API_KEY)));
        config.setProperty("phoneinc.base-url", baseUrl());

        // the <bean>, as Blueprint builds it
        Element bean = (Element) blueprint.getElementsByTagNameNS("*", "bean").item(0);
        assertEquals("phoneinc", bean.getAttribute("id"), "the bean names the URI scheme");
        Object component = Class.forName(bean.getAttribute("class")).getConstructor().newInstance();
        Map<String, Object> properties = new HashMap<>();
        NodeList beanProperties = bean.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < beanProperties.getLength(); i++) {
            Element p = (Element) beanProperties.item(i);
            properties.put(p.getAttribute("name"), placeholders(p.getAttribute("value"), config));
        }
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            String setter =
                    "set" + Character.toUpperCase(p.getKey().charAt(0)) + p.getKey().substring(1);
            component.getClass().getMethod(setter, String.class).invoke(component, p.getValue());
        }
        assertEquals(API_KEY, ((PhoneIncComponent) component).getConfiguration().getApiKey());
        context.removeComponent("phoneinc");
        context.addComponent("phoneinc", (Component) component);

        // the <camelContext>'s routes, through Camel's XML DSL
        Element camelContext =
                (Element) blueprint.getElementsByTagNameNS(BLUEPRINT_CAMEL, "camelContext").item(0);
        assertEquals("phoneinc-triage", camelContext.getAttribute("id"));
        String routes =
                "<routes xmlns=\"http://camel.apache.org/schema/xml-io\">"
                        + inner(camelContext)
                                .replace(BLUEPRINT_CAMEL, "http://camel.apache.org/schema/xml-io")
                        + "</routes>";
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/voicemails")).willReturn(okJson(VOICEMAILS)));
        try (LogCapture log = LogCapture.start(Level.INFO, "ROOT")) {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.fromString("phoneinc-triage.xml", routes));
            log.await(l -> l.text().contains("New voicemail from"), 10_000);
            assertTrue(
                    log.lines().stream()
                            .anyMatch(
                                    l ->
                                            l.text()
                                                    .equals(
                                                            "New voicemail from +14155550177:"
                                                                    + " Please call me back")),
                    log.lines().toString());
            assertEquals(
                    1,
                    log.lines().stream()
                            .filter(l -> l.text().contains("New voicemail from"))
                            .count(),
                    "the listened one is filtered out");
        }
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/voicemails")));
    }

    /** Blueprint's cm:property-placeholder with the printed $[ ] delimiters. */
    private static String placeholders(String value, Properties config) {
        Matcher m = Pattern.compile("\\$\\[([^]]+)]").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = config.getProperty(m.group(1));
            assertTrue(v != null, "no configuration for " + m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String inner(Element e) throws Exception {
        StringWriter out = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        for (int i = 0; i < e.getChildNodes().getLength(); i++) {
            transformer.transform(new DOMSource(e.getChildNodes().item(i)), new StreamResult(out));
        }
        return out.toString();
    }
}
