package com.example.phoneinc;

import com.example.phoneinc.internal.CredentialGuard;
import com.example.phoneinc.internal.HttpClientFactory;
import com.example.phoneinc.internal.PhoneIncOperation;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The {@code phoneinc:} component. Holds the defaults every endpoint starts from and what endpoints
 * share: HTTP clients (one connection pool per distinct transport setting), the timer that ends
 * hung calls, and the invalid-key guard.
 */
@Component("phoneinc")
public class PhoneIncComponent extends DefaultComponent {

    @Metadata(description = "Default options of every phoneinc endpoint.")
    private PhoneIncConfiguration configuration = new PhoneIncConfiguration();

    private final Map<HttpClientFactory.Settings, CloseableHttpAsyncClient> clients =
            new HashMap<>();
    private final Map<Long, CredentialGuard> guards = new HashMap<>();
    private ScheduledExecutorService timer;

    public PhoneIncComponent() {}

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        String resource = remaining;
        String action = null;
        int slash = remaining.indexOf('/');
        if (slash >= 0) {
            resource = remaining.substring(0, slash);
            action = remaining.substring(slash + 1);
        }
        if (PhoneIncOperation.forResource(resource).isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown Phone.inc resource '"
                            + resource
                            + "' in "
                            + "phoneinc:"
                            + remaining
                            + "; use one of "
                            + PhoneIncOperation.RESOURCES.replace(",", ", "));
        }
        String finalResource = resource;
        PhoneIncOperation operation =
                PhoneIncOperation.find(resource, action)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "Unknown action in phoneinc:"
                                                        + remaining
                                                        + "; "
                                                        + finalResource
                                                        + " supports "
                                                        + String.join(
                                                                ", ",
                                                                PhoneIncOperation.forResource(
                                                                                finalResource)
                                                                        .stream()
                                                                        .map(
                                                                                PhoneIncOperation
                                                                                        ::action)
                                                                        .toList())));
        PhoneIncEndpoint endpoint =
                new PhoneIncEndpoint(uri, this, configuration.copy(), operation);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The shared client for these transport settings, created on first use. */
    synchronized CloseableHttpAsyncClient httpClient(PhoneIncConfiguration config) {
        HttpClientFactory.Settings settings =
                HttpClientFactory.Settings.of(config, getCamelContext());
        return clients.computeIfAbsent(
                settings, s -> HttpClientFactory.create(s, userAgent(), getCamelContext()));
    }

    synchronized CredentialGuard guard(long blockTimeMillis) {
        return guards.computeIfAbsent(
                blockTimeMillis, t -> new CredentialGuard(Duration.ofMillis(t), System::nanoTime));
    }

    synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer =
                    getCamelContext()
                            .getExecutorServiceManager()
                            .newSingleThreadScheduledExecutor(this, "PhoneIncCallTimeout");
        }
        return timer;
    }

    static String userAgent() {
        return "camel-phoneinc/" + Version.COMPONENT + " Apache-Camel/" + Version.CAMEL;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        clients.values().forEach(c -> c.close(CloseMode.GRACEFUL));
        clients.clear();
        guards.clear();
        if (timer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(timer);
            timer = null;
        }
        super.doStop();
    }

    public PhoneIncConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options of every phoneinc endpoint. */
    public void setConfiguration(PhoneIncConfiguration configuration) {
        this.configuration = configuration;
    }
}
