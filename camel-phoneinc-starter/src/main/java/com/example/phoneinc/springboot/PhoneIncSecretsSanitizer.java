package com.example.phoneinc.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Phone.inc secrets in Actuator's {@code /configprops} and {@code /env}, also when {@code
 * management.endpoint.configprops.show-values} or {@code management.endpoint.env.show-values} is
 * {@code always}: Spring Boot then shows every value except what a {@link SanitizingFunction}
 * masks.
 *
 * <p>The secrets are the options the component's catalog marks {@code secret} (API key, tokens,
 * OAuth client id, webhook secret, proxy credentials), read from the catalog JSON in the component
 * jar, so a new secret option is masked without a change here. A key is masked when it names
 * Phone.inc and ends with one of them, whatever its spelling: {@code
 * camel.component.phoneinc.api-key}, {@code camel.component.phoneinc.apiKey}, {@code
 * camel.kamelet.phoneinc-voicemail-source.apiKey}, or an environment variable such as {@code
 * PHONEINC_API_KEY} or {@code CAMEL_COMPONENT_PHONEINC_WEBHOOK_SECRET}.
 */
public final class PhoneIncSecretsSanitizer implements SanitizingFunction {

    static final String CATALOG = "META-INF/com/example/phoneinc/phoneinc.json";

    private final Set<String> secrets;

    private PhoneIncSecretsSanitizer(Set<String> secrets) {
        this.secrets = Set.copyOf(secrets);
    }

    /**
     * The secret options of the component's catalog JSON.
     *
     * @throws IllegalStateException when the catalog is not on the class path or has no secret
     *     option: an application that cannot mask its secrets should not start showing them
     */
    public static PhoneIncSecretsSanitizer fromCatalog() {
        ClassLoader loader = PhoneIncSecretsSanitizer.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the class path");
            }
            Set<String> names = new TreeSet<>();
            JsonNode options = new ObjectMapper().readTree(in).path("componentProperties");
            options.fields()
                    .forEachRemaining(
                            e -> {
                                if (e.getValue().path("secret").asBoolean(false)) {
                                    names.add(normalise(e.getKey()));
                                }
                            });
            if (names.isEmpty()) {
                throw new IllegalStateException(CATALOG + " names no secret option");
            }
            return new PhoneIncSecretsSanitizer(names);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + CATALOG, e);
        }
    }

    /** The normalised names masked: lower case, without separators. */
    Set<String> secrets() {
        return secrets;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey();
        if (key == null || data.getValue() == null) {
            return data;
        }
        String name = normalise(key);
        if (name.contains("phoneinc") && secrets.stream().anyMatch(name::endsWith)) {
            return data.withValue(SanitizableData.SANITIZED_VALUE);
        }
        return data;
    }

    /** {@code camel.component.phoneinc.api-key}, {@code ...apiKey}, {@code ..._API_KEY} alike. */
    private static String normalise(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
