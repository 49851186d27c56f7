package com.example.phoneinc;

import java.lang.reflect.Method;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds option names to the context's additional sensitive keywords, the ones Camel masks in its
 * startup summary and dumps besides its built-in list. Reached by reflection: the accessors are
 * Camel 4.17's ({@code ExtendedCamelContext.get/setAdditionalSensitiveKeywords}) and the bundle
 * also runs on Karaf's Camel 4.14, which has none; there the keywords cannot be added, and a DEBUG
 * line says so.
 */
final class SensitiveKeywords {

    private static final Logger LOG = LoggerFactory.getLogger(SensitiveKeywords.class);

    private SensitiveKeywords() {}

    /** Appends {@code keywords} (comma separated) unless the context already has them. */
    static void add(CamelContext context, String keywords) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        try {
            Method get = ExtendedCamelContext.class.getMethod("getAdditionalSensitiveKeywords");
            Method set =
                    ExtendedCamelContext.class.getMethod(
                            "setAdditionalSensitiveKeywords", String.class);
            String current = (String) get.invoke(extension);
            if (current != null
                    && current.toLowerCase(Locale.ENGLISH)
                            .contains(keywords.toLowerCase(Locale.ENGLISH))) {
                return;
            }
            set.invoke(
                    extension,
                    current == null || current.isBlank() ? keywords : current + "," + keywords);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug(
                    "This Camel version cannot mask {} in its startup summary: {}",
                    keywords,
                    e.toString());
        }
    }
}
