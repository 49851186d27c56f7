package com.example.phoneinc.example;

import com.example.phoneinc.PhoneIncComponent;
import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncValidationException;
import com.example.phoneinc.api.model.PhoneIncObject;
import com.example.phoneinc.api.model.Voicemail;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

/**
 * The end of the dead-letter channel: writes the original message body of a failed exchange and a
 * JSON description of why it failed into the dead-letter directory, as {@code <name>.json} (or
 * {@code .txt}/{@code .bin} for a text or binary body) and {@code <name>.error.json}. The
 * description never contains the API key.
 */
@ApplicationScoped
public class DeadLetterWriter {

    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    @Inject ExampleConfig config;

    @Inject ObjectMapper mapper;

    @Inject CamelContext camelContext;

    Clock clock = Clock.systemUTC();

    /** Writes the two files; the description file is written last and marks the entry complete. */
    public void write(Exchange exchange) throws IOException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        Object body = exchange.getMessage().getBody();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String subject = subject(exchange, body);
        String name =
                STAMP.format(now)
                        + "-"
                        + safe(routeId(exchange))
                        + "-"
                        + safe(subject != null ? subject : exchange.getExchangeId());
        Path dir = config.triage().deadLetterDir();

        String bodyFile;
        byte[] bodyBytes;
        if (body == null) {
            bodyFile = name + ".json";
            bodyBytes = "null\n".getBytes(StandardCharsets.UTF_8);
        } else if (body instanceof byte[] bytes) {
            bodyFile = name + ".bin";
            bodyBytes = bytes;
        } else if (body instanceof String text) {
            bodyFile = name + ".txt";
            bodyBytes = text.getBytes(StandardCharsets.UTF_8);
        } else if (body instanceof PhoneIncObject || body instanceof Map || body instanceof List) {
            bodyFile = name + ".json";
            bodyBytes = mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(body);
        } else {
            String text = exchange.getContext().getTypeConverter().tryConvertTo(String.class, body);
            bodyFile = name + ".txt";
            bodyBytes = String.valueOf(text).getBytes(StandardCharsets.UTF_8);
        }
        AtomicFiles.write(dir.resolve(bodyFile), bodyBytes);

        Map<String, Object> error = describe(exchange, failure, now);
        error.put("body_file", bodyFile);
        Path errorFile = dir.resolve(name + ".error.json");
        AtomicFiles.write(
                errorFile,
                mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(error));
        LOG.warnf(
                "Dead letter: %s failed with %s; original message in %s",
                subject != null ? subject : "exchange " + exchange.getExchangeId(),
                failure == null ? "an unknown error" : failure.getClass().getSimpleName(),
                errorFile);
    }

    /**
     * The JSON description of a failure. {@code retryable: true} means the retries ran out (the
     * redelivery count itself is not kept: the dead-letter channel gets the original message,
     * without the headers Camel counts redeliveries in).
     */
    Map<String, Object> describe(Exchange exchange, Throwable failure, OffsetDateTime now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("exception", failure == null ? null : failure.getClass().getName());
        d.put("message", failure == null ? null : scrub(failure.getMessage()));
        if (failure instanceof PhoneIncException pe) {
            d.put("status", pe.getStatusCode());
            d.put("error", scrub(pe.getErrorMessage()));
            d.put("method", pe.getMethod());
            d.put("path", pe.getPath());
            d.put("request_sent", pe.isRequestSent());
            d.put("retryable", pe.isRetryable());
            if (failure instanceof PhoneIncValidationException ve) {
                d.put("field_errors", ve.getErrors());
            }
            if (failure instanceof PhoneIncInvalidInputException ie) {
                d.put("field", ie.getField());
            }
        } else {
            d.put("retryable", false);
        }
        if (failure != null && failure.getCause() != null) {
            d.put("cause", failure.getCause().getClass().getName());
        }
        d.put("route_id", routeId(exchange));
        d.put("exchange_id", exchange.getExchangeId());
        Object body = exchange.getMessage().getBody();
        d.put(
                "voicemail_id",
                body instanceof Voicemail vm
                        ? vm.getId()
                        : exchange.getMessage().getHeader(PhoneIncConstants.ID));
        d.put("failed_at", now.toString());
        return d;
    }

    private static String routeId(Exchange exchange) {
        String id = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
        return id != null ? id : String.valueOf(exchange.getFromRouteId());
    }

    /** What failed, for the file name: the voicemail id when the body is a voicemail. */
    private static String subject(Exchange exchange, Object body) {
        if (body instanceof Voicemail vm && vm.getId() != null) {
            return "voicemail-" + vm.getId();
        }
        String id = exchange.getMessage().getHeader(PhoneIncConstants.ID, String.class);
        return id != null ? "id-" + id : null;
    }

    private static String safe(String s) {
        String out = UNSAFE.matcher(s).replaceAll("_");
        return out.length() > 100 ? out.substring(0, 100) : out;
    }

    /** Removes the API key from a text, in case an unexpected exception quoted it. */
    private String scrub(String text) {
        String key =
                camelContext
                        .getComponent("phoneinc", PhoneIncComponent.class)
                        .getConfiguration()
                        .getApiKey();
        if (text == null || key == null || key.isBlank()) {
            return text;
        }
        return text.replace(key.strip(), "xxxxxx");
    }

    /** For tests: the entries currently in the dead-letter directory. */
    List<Path> files() throws IOException {
        Path dir = config.triage().deadLetterDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
