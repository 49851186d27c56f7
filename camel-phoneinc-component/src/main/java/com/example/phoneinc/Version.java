package com.example.phoneinc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.camel.CamelContext;

/** Versions for the User-Agent header, read once from a resource the build fills in. */
final class Version {

    static final String COMPONENT;
    static final String CAMEL;

    static {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
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
}
