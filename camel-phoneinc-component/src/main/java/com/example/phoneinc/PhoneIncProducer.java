package com.example.phoneinc;

import com.example.phoneinc.api.PhoneIncAuthenticationException;
import com.example.phoneinc.api.PhoneIncException;
import com.example.phoneinc.api.PhoneIncInvalidInputException;
import com.example.phoneinc.api.PhoneIncRateLimitException;
import com.example.phoneinc.api.PhoneIncRequestInfo;
import com.example.phoneinc.internal.CredentialGuard;
import com.example.phoneinc.internal.ErrorMapper;
import com.example.phoneinc.internal.HttpCall;
import com.example.phoneinc.internal.HttpReply;
import com.example.phoneinc.internal.HttpTransport;
import com.example.phoneinc.internal.PhoneNumbers;
import com.example.phoneinc.internal.RequestFactory;
import com.example.phoneinc.internal.ResponseReader;
import com.example.phoneinc.internal.TransportListener;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one exchange to Phone.inc without holding the caller's thread. The work is split into small
 * parts: {@link RequestFactory} builds and checks the request, {@link CredentialGuard} may fail it
 * locally, {@link HttpTransport} sends it, and {@link ResponseReader} or {@link ErrorMapper} turn
 * the answer into a body or a typed exception.
 */
public class PhoneIncProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneIncProducer.class);

    private final PhoneIncEndpoint endpoint;
    private RequestFactory requests;
    private ResponseReader responses;
    private ErrorMapper errors;
    private HttpTransport transport;
    private CredentialGuard guard;
    private String host;
    private String keyFingerprint;
    private boolean throwExceptionOnFailure;

    public PhoneIncProducer(PhoneIncEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    /** Checks the configuration and wires the parts; runs at route start or at first use. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        PhoneIncConfiguration config = endpoint.getConfiguration();
        String apiKey = config.getApiKey() == null ? "" : config.getApiKey().strip();
        if (apiKey.isEmpty()) {
            throw new IllegalArgumentException(
                    "No Phone.inc credential for "
                            + endpoint
                            + ": set the apiKey option on the endpoint or on the component"
                            + " (camel.component.phoneinc.api-key)");
        }
        if (!apiKey.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            // never quote the key: this message ends up in logs
            throw new IllegalArgumentException(
                    "The Phone.inc apiKey of "
                            + endpoint
                            + " contains spaces, line breaks or other characters an API key never"
                            + " has: check how it was copied");
        }
        URI base = checkBaseUrl(config);
        PhoneNumbers phoneNumbers;
        try {
            phoneNumbers = new PhoneNumbers(config.getDefaultRegion());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid option: " + e.getMessage(), e);
        }
        PhoneIncComponent component = endpoint.getComponent();
        requests =
                new RequestFactory(
                        endpoint.getOperation(),
                        config.getBaseUrl(),
                        endpoint.callOptions(),
                        phoneNumbers);
        responses = new ResponseReader(endpoint.getOperation(), endpoint.isRawJson());
        errors =
                new ErrorMapper(
                        Clock.systemUTC(), Duration.ofMillis(config.getMaxRetryAfter()), apiKey);
        transport =
                new HttpTransport(
                        config.getHttpClient() != null
                                ? config.getHttpClient()
                                : component.httpClient(config),
                        component.timer(),
                        config.getRequestTimeout(),
                        config.getMaxResponseSize(),
                        "X-Api-Key",
                        apiKey);
        guard = component.guard(config.getInvalidKeyBlockTime());
        host = base.getHost() + ":" + base.getPort();
        keyFingerprint = fingerprint(apiKey);
        throwExceptionOnFailure = config.isThrowExceptionOnFailure();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message message = exchange.getMessage();
        // a delay left by an earlier failure would override every delay Camel computes next
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        HttpCall call;
        try {
            call = requests.create(message);
        } catch (PhoneIncInvalidInputException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        Outcome outcome = new Outcome(exchange, call, callback, System.nanoTime());
        guard.admit(
                host,
                keyFingerprint,
                () -> transport.send(call, outcome),
                rejection -> outcome.rejected(rejection));
        return false;
    }

    /** Completes the exchange from whatever happened to its call; runs on an I/O thread. */
    private final class Outcome implements TransportListener {
        private final Exchange exchange;
        private final HttpCall call;
        private final AsyncCallback callback;
        private final long started;

        Outcome(Exchange exchange, HttpCall call, AsyncCallback callback, long started) {
            this.exchange = exchange;
            this.call = call;
            this.callback = callback;
            this.started = started;
        }

        @Override
        public void onReply(HttpReply reply) {
            try {
                log(reply.status());
                if (LOG.isTraceEnabled()) {
                    LOG.trace(
                            "Phone.inc {} {} body: {}",
                            call.method(),
                            call.logPath(),
                            reply.bodyAsString());
                }
                Message message = exchange.getMessage();
                message.setHeader(PhoneIncConstants.RESPONSE_CODE, reply.status());
                if (reply.isSuccess()) {
                    guard.onAnswer(host, keyFingerprint, reply.status(), null);
                    responses.apply(call, reply, message);
                    return;
                }
                PhoneIncException failure = errors.fromReply(call, reply);
                guard.onAnswer(
                        host, keyFingerprint, reply.status(), failure.getRetryAfter().orElse(null));
                if (throwExceptionOnFailure) {
                    fail(failure);
                } else {
                    message.setBody(reply.bodyAsString());
                }
            } catch (PhoneIncException e) {
                exchange.setException(e);
            } catch (RuntimeException | Error e) {
                // whatever went wrong, the exchange must not complete as if it had succeeded
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }

        @Override
        public void onFailure(Exception error, boolean possiblySent) {
            try {
                log(0);
                guard.onAnswer(host, keyFingerprint, 0, null);
                exchange.setException(errors.fromFailure(call, error, possiblySent));
            } catch (RuntimeException | Error e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }

        void rejected(CredentialGuard.Rejection rejection) {
            try {
                PhoneIncRequestInfo info =
                        PhoneIncRequestInfo.notSent(call.method(), call.logPath());
                String head = "Phone.inc " + call.method() + " " + call.logPath() + " not sent: ";
                long ms = rejection.remaining().toMillis();
                if (rejection.ipBlocked()) {
                    fail(
                            errors.rateLimited(
                                    head
                                            + "Phone.inc answered 429 (too many failed API key"
                                            + " attempts from this IP); calls wait until its"
                                            + " Retry-After has passed, "
                                            + ms
                                            + " ms from now",
                                    info,
                                    rejection.remaining()));
                } else {
                    fail(
                            new PhoneIncAuthenticationException(
                                    head
                                            + "Phone.inc rejected this API key (401), so calls with"
                                            + " it fail locally for another "
                                            + ms
                                            + " ms (invalidKeyBlockTime) to keep Phone.inc from"
                                            + " blocking this IP. Fix the apiKey option.",
                                    info,
                                    PhoneIncAuthenticationException.Reason.INVALID_API_KEY));
                }
            } catch (RuntimeException | Error e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }

        private void fail(PhoneIncException failure) {
            if (failure instanceof PhoneIncRateLimitException rateLimit
                    && rateLimit.isRetryable()
                    && rateLimit.getRetryAfter().isPresent()) {
                exchange.getMessage()
                        .setHeader(
                                Exchange.REDELIVERY_DELAY,
                                rateLimit.getRetryAfter().get().toMillis());
            }
            exchange.setException(failure);
        }

        private void log(int status) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "Phone.inc {} {} -> {} in {} ms",
                        call.method(),
                        call.logPath(),
                        status == 0 ? "no answer" : status,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private static URI checkBaseUrl(PhoneIncConfiguration config) {
        String baseUrl = config.getBaseUrl();
        URI uri;
        try {
            uri = URI.create(baseUrl == null ? "" : baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid baseUrl option: not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(
                    "Invalid baseUrl option '" + baseUrl + "': expected https://host/path");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null) {
            throw new IllegalArgumentException(
                    "Invalid baseUrl option: no user info or query string allowed (credentials go"
                            + " in apiKey)");
        }
        if (scheme.equals("http") && !config.isAllowInsecureHttp() && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(
                    "Refusing plain http:// baseUrl for host "
                            + uri.getHost()
                            + ": the API key would travel in clear text. Use https://, or set"
                            + " allowInsecureHttp=true if this is intended");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // literal addresses only: no DNS lookup decides whether a key goes out in clear text
            String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return false;
            }
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String fingerprint(String apiKey) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
