package com.example.phoneinc.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.camel.CamelContext;

/** Versions for the User-Agent header, read once from a resource the build fills in. */
public final class Version {

    /** This component's version. */
    public static final String COMPONENT;

    /** The Camel version the component runs on. */
    public static final String CAMEL;

    static {
        Properties p = new Properties();
        try (InputStream in =
                Version.class.getResourceAsStream("/com/example/phoneinc/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall back to "unknown"
        }
        COMPONENT = p.getProperty("component", "unknown");
        String camel = CamelContext.class.getPackage().getImplementationVersion();
        CAMEL = camel != null ? camel : p.getProperty("camel", "unknown");
    }

    private Version() {}

    /** {@code camel-phoneinc/<version> Apache-Camel/<version>}. */
    public static String userAgent() {
        return "camel-phoneinc/" + COMPONENT + " Apache-Camel/" + CAMEL;
    }
}
