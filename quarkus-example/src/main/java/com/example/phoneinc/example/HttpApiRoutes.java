package com.example.phoneinc.example;

import com.example.phoneinc.PhoneIncConstants;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncNotFoundException;
import com.example.phoneinc.api.PhoneIncRetryableException;
import com.example.phoneinc.api.PhoneIncValidationException;
import com.example.phoneinc.api.model.CallerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HTTP API on Quarkus' HTTP server (platform-http).
 *
 * <ul>
 *   <li>{@code GET /callers/{phoneNumber}}: recent calls of the number plus its caller context. A
 *       number that is not E.164 answers 400 with the component's message; Phone.inc's 404 and 422
 *       answer 404 and 422; retryable failures are retried a few times, then answer 503; other
 *       Phone.inc failures answer 502. Error bodies are {@code {"error": "..."}}.
 *   <li>{@code POST /triage}: runs one triage now and answers its counters.
 * </ul>
 */
@ApplicationScoped
public class HttpApiRoutes extends RouteBuilder {

    static final String CALLS = "phoneincCalls";
    static final String JSON = "application/json";

    @Inject ExampleConfig config;

    @Inject ObjectMapper mapper;

    @Override
    public void configure() {
        // the exception clauses apply to the routes of this builder only
        onException(PhoneIncInvalidInputException.class)
                .handled(true)
                .process(e -> error(e, 400, null));
        onException(PhoneIncNotFoundException.class)
                .handled(true)
                .process(e -> error(e, 404, null));
        onException(PhoneIncValidationException.class)
                .handled(true)
                .process(
                        e ->
                                error(
                                        e,
                                        422,
                                        caught(e, PhoneIncValidationException.class).getErrors()));
        onException(PhoneIncRetryableException.class)
                .onWhen(e -> caught(e, PhoneIncException.class).isRetryable())
                .maximumRedeliveries(config.http().maximumRedeliveries())
                .redeliveryDelay(config.http().redeliveryDelay().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true)
                .process(e -> error(e, 503, null));
        onException(PhoneIncException.class).handled(true).process(e -> error(e, 502, null));
        onException(Exception.class).handled(true).process(this::internalError);

        from("platform-http:/callers/{phoneNumber}?httpMethodRestrict=GET")
                .routeId("http-callers")
                .process(
                        e -> {
                            String number = e.getMessage().getHeader("phoneNumber", String.class);
                            e.getMessage().getHeaders().clear();
                            e.getMessage().setHeader(PhoneIncConstants.PHONE_NUMBER, number);
                            e.getMessage().setBody(null);
                        })
                .to("phoneinc:calls")
                .process(e -> e.setProperty(CALLS, e.getMessage().getBody(List.class)))
                .to("phoneinc:callerContext")
                .process(this::callerAnswer);

        from("platform-http:/triage?httpMethodRestrict=POST")
                .routeId("http-triage")
                .process(
                        e -> {
                            e.getMessage().getHeaders().clear();
                            e.getMessage().setBody(null);
                        })
                .to(TriageRoutes.TRIAGE)
                .process(
                        e -> {
                            Object summary = e.getMessage().getBody();
                            e.getMessage().getHeaders().clear();
                            if (summary instanceof Map) {
                                json(e, 200, summary);
                            } else {
                                // the run itself failed and was dead-lettered
                                json(
                                        e,
                                        502,
                                        Map.of(
                                                "error",
                                                "The triage run failed; see the dead-letter"
                                                        + " directory"));
                            }
                        });
    }

    private void callerAnswer(Exchange e) throws Exception {
        List<?> calls = e.getProperty(CALLS, List.class);
        int limit = Math.max(0, config.http().recentCalls());
        List<?> recent =
                calls == null ? List.of() : calls.subList(0, Math.min(limit, calls.size()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("phone_number", e.getMessage().getHeader(PhoneIncConstants.PHONE_NUMBER));
        answer.put("recent_calls", recent);
        answer.put("caller_context", e.getMessage().getBody(CallerContext.class));
        json(e, 200, answer);
    }

    private void error(Exchange e, int status, Object fieldErrors) throws Exception {
        PhoneIncException failure = caught(e, PhoneIncException.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", failure == null ? "Unexpected error" : failure.getMessage());
        if (fieldErrors != null) {
            body.put("errors", fieldErrors);
        }
        if (failure != null && failure.getStatusCode() > 0) {
            body.put("phoneinc_status", failure.getStatusCode());
        }
        e.getMessage().getHeaders().clear();
        if (status == 503 && failure != null && failure.getRetryAfter().isPresent()) {
            e.getMessage()
                    .setHeader(
                            "Retry-After", Math.max(1, failure.getRetryAfter().get().toSeconds()));
        }
        json(e, status, body);
    }

    private void internalError(Exchange e) throws Exception {
        Throwable t = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        log.error("Request failed", t);
        e.getMessage().getHeaders().clear();
        json(e, 500, Map.of("error", "Internal error"));
    }

    private void json(Exchange e, int status, Object body) throws Exception {
        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, JSON);
        e.getMessage().setBody(mapper.writeValueAsString(body));
    }

    private static <T extends Throwable> T caught(Exchange e, Class<T> type) {
        Throwable t = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (t == null) {
            t = e.getException();
        }
        return type.isInstance(t) ? type.cast(t) : null;
    }
}
