package com.example.phoneinc.client;

import com.example.phoneinc.auth.InMemoryTokenStore;
import com.example.phoneinc.auth.PhoneIncTokenStore;
import com.example.phoneinc.auth.PhoneIncTokens;
import com.example.phoneinc.client.auth.AuthenticationType;
import com.example.phoneinc.client.auth.Authenticator;
import com.example.phoneinc.client.auth.CredentialOptions;
import com.example.phoneinc.client.auth.InvalidKeyGuard;
import com.example.phoneinc.client.auth.OAuthTokenManager;
import com.example.phoneinc.client.auth.Sha256;
import com.example.phoneinc.client.auth.TokenEndpoint;
import com.example.phoneinc.client.http.AsyncHttpTransport;
import com.example.phoneinc.client.http.BaseUrls;
import com.example.phoneinc.client.http.ClassicHttpTransport;
import com.example.phoneinc.client.http.DeadlineSweeper;
import com.example.phoneinc.client.http.ErrorMapper;
import com.example.phoneinc.client.http.HttpClientFactory;
import com.example.phoneinc.client.http.Transport;
import com.example.phoneinc.client.http.Version;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * What the clients of one component share: HTTP clients (per distinct transport setting one async
 * and one classic client, each with its own connection pool under the same policy, each made on
 * first use), the sweeper that ends hung calls, the invalid-key guard (a 429 blocks the host for
 * every endpoint) and the OAuth token managers (one refresh in flight per credential). {@link
 * #create} makes a client; {@link #close} releases everything.
 */
public final class ClientResources implements AutoCloseable {

    private final Supplier<ScheduledExecutorService> timer;
    private final Map<HttpClientFactory.Settings, CloseableHttpAsyncClient> asyncClients =
            new HashMap<>();
    private final Map<HttpClientFactory.Settings, CloseableHttpClient> classicClients =
            new HashMap<>();

    /** Keyed by the token store itself, or by base URL + fingerprint of the configured tokens. */
    private final Map<Object, OAuthTokenManager> tokenManagers = new HashMap<>();

    private DeadlineSweeper sweeper;
    private InvalidKeyGuard guard;

    /** Set by {@link #close}: a late send of a stopped endpoint must not start a new client. */
    private boolean closed;

    /**
     * @param timer makes the single scheduled thread that ends hung calls, on first use
     */
    public ClientResources(Supplier<ScheduledExecutorService> timer) {
        this.timer = timer;
    }

    /**
     * A client for these options.
     *
     * @param oauthOperations for the {@code oauth/*} operations: the REST base URL and credential
     *     are then not needed, only the OAuth base URL and (optionally) the credential's tokens
     * @throws IllegalArgumentException naming the option that is missing or wrong
     */
    public synchronized PhoneIncClient create(ClientOptions o, boolean oauthOperations)
            throws IOException {
        closed = false; // a restarted component makes its clients anew
        CredentialOptions credentials = o.credentials();
        URI oauthBase = BaseUrls.check("oauthBaseUrl", o.oauthBaseUrl(), o.allowInsecureHttp());
        Transport transport = transport(o);
        // a user-supplied async client is used for every call: blocking calls then wait on it
        Transport classic = o.httpClient() != null ? null : classicTransport(o);
        TokenEndpoint tokens =
                new TokenEndpoint(
                        oauthBase,
                        transport,
                        new ErrorMapper(
                                o.clock(), Duration.ofMillis(o.maxRetryAfter()), false, null),
                        o.clock());
        Authenticator authenticator;
        OAuthTokenManager manager = null;
        URI base;
        if (oauthOperations) {
            base = oauthBase;
            authenticator = Authenticator.NONE;
            manager = credentials.hasOAuth() ? tokenManager(o, oauthBase, tokens) : null;
        } else {
            base = BaseUrls.check("baseUrl", o.baseUrl(), o.allowInsecureHttp());
            if (AuthenticationType.choose(credentials) == AuthenticationType.API_KEY) {
                authenticator = Authenticator.apiKey(credentials.apiKey().strip());
            } else {
                manager = tokenManager(o, oauthBase, tokens);
                authenticator = Authenticator.oauth(manager);
            }
        }
        PhoneNumbers phoneNumbers;
        try {
            phoneNumbers = new PhoneNumbers(o.defaultRegion());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid option: " + e.getMessage(), e);
        }
        return new PhoneIncClient(
                new RequestFactory(o.baseUrl() == null ? "" : o.baseUrl(), phoneNumbers),
                authenticator,
                guard(),
                transport,
                classic,
                new ErrorMapper(
                        o.clock(),
                        Duration.ofMillis(o.maxRetryAfter()),
                        authenticator.guardKey() != null,
                        authenticator.secret()),
                BaseUrls.hostKey(base),
                Duration.ofMillis(Math.max(0, o.invalidKeyBlockTime())),
                tokens,
                manager,
                credentials.clientIdStripped());
    }

    /**
     * The async transport for these options' connection settings (also what the token endpoint
     * uses); its client is made on first send.
     */
    public synchronized Transport transport(ClientOptions o) {
        CloseableHttpAsyncClient custom = o.httpClient();
        HttpClientFactory.Settings settings = o.http();
        return new AsyncHttpTransport(
                custom != null ? () -> custom : () -> asyncClient(settings),
                sweeper(),
                settings.requestTimeout(),
                o.maxResponseSize());
    }

    /** The classic transport for these options' connection settings; client made on first send. */
    private synchronized Transport classicTransport(ClientOptions o) {
        HttpClientFactory.Settings settings = o.http();
        return new ClassicHttpTransport(
                () -> classicClient(settings),
                sweeper(),
                settings.requestTimeout(),
                o.maxResponseSize());
    }

    private synchronized CloseableHttpAsyncClient asyncClient(HttpClientFactory.Settings s) {
        if (closed) {
            throw new IllegalStateException("Phone.inc HTTP clients shut down");
        }
        return asyncClients.computeIfAbsent(
                s, k -> HttpClientFactory.createAsync(k, Version.userAgent()));
    }

    private synchronized CloseableHttpClient classicClient(HttpClientFactory.Settings s) {
        if (closed) {
            throw new IllegalStateException("Phone.inc HTTP clients shut down");
        }
        return classicClients.computeIfAbsent(
                s, k -> HttpClientFactory.createClassic(k, Version.userAgent()));
    }

    /**
     * The token manager of one OAuth credential, shared by every client that uses it so there is
     * only ever one refresh in flight. A credential is its token store, or else its OAuth base URL,
     * client id and configured tokens.
     */
    private OAuthTokenManager tokenManager(ClientOptions o, URI oauthBase, TokenEndpoint endpoint)
            throws IOException {
        CredentialOptions c = o.credentials();
        PhoneIncTokens configured = c.configuredTokens();
        PhoneIncTokenStore store = c.tokenStore();
        Object key =
                store != null
                        ? store
                        : oauthBase
                                + " "
                                + Sha256.fingerprint(
                                        c.clientId()
                                                + " "
                                                + (configured == null
                                                        ? ""
                                                        : configured.accessToken()
                                                                + " "
                                                                + configured.refreshToken()));
        OAuthTokenManager manager = tokenManagers.get(key);
        if (manager == null) {
            manager =
                    new OAuthTokenManager(
                            store != null ? store : new InMemoryTokenStore(),
                            configured,
                            c.clientIdStripped(),
                            Duration.ofMillis(o.refreshThreshold()),
                            o.clock(),
                            endpoint);
            tokenManagers.put(key, manager);
        }
        return manager;
    }

    private synchronized DeadlineSweeper sweeper() {
        if (sweeper == null) {
            sweeper = new DeadlineSweeper(timer.get());
        }
        return sweeper;
    }

    private synchronized InvalidKeyGuard guard() {
        if (guard == null) {
            DeadlineSweeper deadlines = sweeper();
            guard = new InvalidKeyGuard(System::nanoTime, deadlines::watch);
        }
        return guard;
    }

    /** Closes the shared HTTP clients (not user-supplied ones) and forgets the token managers. */
    @Override
    public synchronized void close() {
        asyncClients.values().forEach(c -> c.close(CloseMode.GRACEFUL));
        asyncClients.clear();
        classicClients.values().forEach(c -> c.close(CloseMode.GRACEFUL));
        classicClients.clear();
        tokenManagers.clear();
        sweeper = null;
        guard = null;
        closed = true;
    }
}
