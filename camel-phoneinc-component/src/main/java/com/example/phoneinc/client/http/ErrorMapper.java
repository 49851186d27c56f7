package com.example.phoneinc.client.http;

import com.example.phoneinc.api.PhoneIncAmbiguousResultException;
import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncAuthenticationException.Reason;
import com.example.phoneinc.api.PhoneIncBadRequestException;
import com.example.phoneinc.api.PhoneIncClientException;
import com.example.phoneinc.api.PhoneIncConnectionException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncForbiddenException;
import com.example.phoneinc.api.PhoneIncNotFoundException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.api.PhoneIncServerException;
import com.example.phoneinc.api.PhoneIncValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed call into the exception whose class tells a route what to do. The one place that
 * knows Phone.inc's Errors page.
 */
public final class ErrorMapper {

    private static final Pattern CHALLENGE_PARAM =
            Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]+))");

    /** Longest {@code error} text kept from a body; exception messages stay loggable. */
    static final int MAX_ERROR_CHARS = 1000;

    /** Longest list of field errors quoted in a 422's message (getErrors() has them all). */
    static final int MAX_VALIDATION_SUMMARY_CHARS = 2000;

    /** What an echoed credential is replaced with. */
    static final String REDACTED = "[redacted]";

    private final Clock clock;
    private final Duration maxRetryAfter;
    private final boolean apiKey;
    private final String secret;

    /**
     * @param apiKey whether the calls carry an API key (a 401 then means the key, whatever its
     *     challenge says) rather than an OAuth token or nothing
     * @param secret the credential sent with every call: should an answer echo it (a proxy's error
     *     page, a header dump), it is replaced by {@value #REDACTED} in everything the exception
     *     keeps, so it cannot reach logs through a message, error text, header or body
     */
    public ErrorMapper(Clock clock, Duration maxRetryAfter, boolean apiKey, String secret) {
        this.clock = clock;
        this.maxRetryAfter = maxRetryAfter;
        this.apiKey = apiKey;
        // too short a value would redact ordinary text; keys are far longer
        this.secret = secret != null && secret.length() >= 8 ? secret : null;
    }

    /** Maps a non-2xx answer. */
    public PhoneIncException fromReply(PreparedRequest call, HttpReply reply) {
        ErrorBody body = redact(ErrorBody.parse(reply.body()));
        int status = reply.status();
        String error = bounded(body.error() != null ? body.error() : body.errorDescription());
        PhoneIncRequestInfo info =
                PhoneIncRequestInfo.answered(
                        call.method(),
                        call.logPath(),
                        status,
                        error,
                        redact(reply.headers()),
                        redact(reply.bodyAsString()));
        String head = describe(call) + " answered " + status;
        String detail = error != null ? ": " + error : "";
        return switch (status) {
            case 400 -> new PhoneIncBadRequestException(head + " Bad Request" + detail, info);
            case 401 -> authentication(head, detail, info, reply, body);
            case 403 ->
                    new PhoneIncForbiddenException(
                            head
                                    + " Forbidden"
                                    + detail
                                    + ". The credential is valid but may not access this"
                                    + " resource.",
                            info);
            case 404 ->
                    new PhoneIncNotFoundException(
                            head
                                    + " Not Found"
                                    + detail
                                    + ". The resource does not exist, or it belongs to another"
                                    + " company than the credential.",
                            info);
            case 422 -> validation(head, info, body);
            case 429 -> rateLimit(head + " Too Many Requests" + detail, info, reply);
            default -> {
                if (status >= 500) {
                    yield new PhoneIncServerException(
                            head + " (server error)" + detail + ". Retry with backoff.", info);
                }
                yield new PhoneIncClientException(
                        head + " (unexpected status)" + detail, info, null);
            }
        };
    }

    /** Maps an I/O failure or timeout (no HTTP answer). */
    public PhoneIncException fromFailure(
            PreparedRequest call, Exception error, boolean possiblySent) {
        String reason = errorText(error);
        if (error instanceof ResponseTooLargeException tooLarge) {
            return new PhoneIncException(
                    describe(call) + " failed: " + reason,
                    PhoneIncRequestInfo.answered(
                            call.method(), call.logPath(), tooLarge.status(), null, null, null),
                    error);
        }
        PhoneIncRequestInfo info =
                PhoneIncRequestInfo.noAnswer(call.method(), call.logPath(), possiblySent);
        if (SendErrors.untrustedServer(error)) {
            return new PhoneIncClientException(
                    describe(call)
                            + " failed: the server's TLS certificate was refused ("
                            + reason
                            + "). Check the baseUrl host and the trust store"
                            + " (sslContextParameters); retrying will not help. Not sent.",
                    info,
                    error);
        }
        if (possiblySent && !call.isIdempotent()) {
            return new PhoneIncAmbiguousResultException(
                    describe(call)
                            + " failed after the request may have reached Phone.inc ("
                            + reason
                            + "). It may or may not have taken effect: reconcile before"
                            + " repeating it.",
                    info,
                    error);
        }
        return new PhoneIncConnectionException(
                describe(call) + " failed: " + reason + (possiblySent ? "" : " (not sent)"),
                info,
                error);
    }

    /** A rate-limit answer, also used for calls failed locally while an IP block lasts. */
    public PhoneIncRateLimitException rateLimited(
            String message, PhoneIncRequestInfo info, Duration retryAfter) {
        boolean retryable = retryAfter == null || retryAfter.compareTo(maxRetryAfter) <= 0;
        String suffix =
                retryAfter == null
                        ? ""
                        : retryable
                                ? " Retry after " + retryAfter.toMillis() + " ms."
                                : " Retry-After of "
                                        + retryAfter.toSeconds()
                                        + " s exceeds maxRetryAfter ("
                                        + maxRetryAfter.toSeconds()
                                        + " s): not retried.";
        return new PhoneIncRateLimitException(message + "." + suffix, info, retryAfter, retryable);
    }

    private PhoneIncRateLimitException rateLimit(
            String message, PhoneIncRequestInfo info, HttpReply reply) {
        Duration retryAfter = RetryAfter.parse(reply.header("Retry-After"), clock).orElse(null);
        return rateLimited(message, info, retryAfter);
    }

    private static PhoneIncValidationException validation(
            String head, PhoneIncRequestInfo info, ErrorBody body) {
        StringBuilder msg = new StringBuilder(head).append(" Unprocessable Entity");
        if (!body.fieldErrors().isEmpty()) {
            msg.append(": ");
            body.fieldErrors()
                    .forEach(
                            (field, messages) ->
                                    msg.append(field)
                                            .append(' ')
                                            .append(String.join(", ", messages))
                                            .append("; "));
            msg.setLength(msg.length() - 2);
        } else if (body.error() != null) {
            msg.append(": ").append(bounded(body.error()));
        }
        int max = head.length() + MAX_VALIDATION_SUMMARY_CHARS;
        if (msg.length() > max) {
            msg.setLength(max);
            msg.append("… (see getErrors())");
        }
        return new PhoneIncValidationException(msg.toString(), info, body.fieldErrors());
    }

    private PhoneIncAuthenticationException authentication(
            String head, String detail, PhoneIncRequestInfo info, HttpReply reply, ErrorBody body) {
        String challenge = reply.header("WWW-Authenticate");
        String scheme = challenge == null ? "" : challenge.strip().toLowerCase(Locale.ROOT);
        Reason reason;
        String advice;
        if (apiKey && (challenge == null || scheme.startsWith("bearer"))) {
            // the key is all that was sent; Doorkeeper puts a Bearer challenge on every 401
            reason = Reason.INVALID_API_KEY;
            advice =
                    " Invalid API key — fix the key, do not retry: Phone.inc does not know the"
                            + " key of the apiKey option (keys never expire; create a new one at"
                            + " app.phone.inc/api_keys if needed).";
        } else if (scheme.startsWith("bearer")) {
            reason = tokenReason(challenge);
            advice = " The OAuth access token was refused (" + reason + ").";
        } else if (body.error() != null
                && body.error().toLowerCase(Locale.ROOT).contains("invalid api key")) {
            reason = Reason.INVALID_API_KEY;
            advice =
                    " Phone.inc does not know this API key: check the apiKey option (keys never"
                            + " expire; create a new one at app.phone.inc/api_keys if needed).";
        } else {
            reason = Reason.UNKNOWN;
            advice = " Check the credential.";
        }
        return new PhoneIncAuthenticationException(
                head + " Unauthorized" + detail + "." + advice, info, reason);
    }

    /** Doorkeeper always says invalid_token and varies error_description; read both. */
    static Reason tokenReason(String challenge) {
        String error = null;
        String description = "";
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "error" -> error = value.toLowerCase(Locale.ROOT);
                case "error_description" -> description = value.toLowerCase(Locale.ROOT);
                default -> {}
            }
        }
        if ("revoked_token".equals(error) || description.contains("revoked")) {
            return Reason.REVOKED_TOKEN;
        }
        if ("expired_token".equals(error) || description.contains("expired")) {
            return Reason.EXPIRED_TOKEN;
        }
        if (error == null) {
            // RFC 6750 §3.1: no error code when the request carried no credential at all
            return Reason.MISSING_CREDENTIAL;
        }
        return "invalid_token".equals(error) ? Reason.INVALID_TOKEN : Reason.UNKNOWN;
    }

    /** {@code text} with the credential, should it appear, replaced by {@value #REDACTED}. */
    public String redact(String text) {
        return secret == null || text == null || !text.contains(secret)
                ? text
                : text.replace(secret, REDACTED);
    }

    private Map<String, String> redact(Map<String, String> headers) {
        if (secret == null || headers == null) {
            return headers;
        }
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(redact(name), redact(value)));
        return out;
    }

    private ErrorBody redact(ErrorBody body) {
        if (secret == null) {
            return body;
        }
        Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
        body.fieldErrors()
                .forEach(
                        (field, messages) ->
                                fieldErrors.put(
                                        redact(field),
                                        messages.stream().map(this::redact).toList()));
        return new ErrorBody(redact(body.error()), redact(body.errorDescription()), fieldErrors);
    }

    private static String bounded(String text) {
        return text == null || text.length() <= MAX_ERROR_CHARS
                ? text
                : text.substring(0, MAX_ERROR_CHARS) + "…";
    }

    private static String describe(PreparedRequest call) {
        return "Phone.inc " + call.method() + " " + call.logPath();
    }

    private static String errorText(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
