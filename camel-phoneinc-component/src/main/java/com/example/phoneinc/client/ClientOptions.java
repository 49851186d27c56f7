package com.example.phoneinc.client;

import com.example.phoneinc.client.auth.CredentialOptions;
import com.example.phoneinc.client.http.HttpClientFactory;
import java.time.Clock;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

/**
 * Everything one {@link PhoneIncClient} is made from, as configured (checked when the client is
 * created).
 *
 * @param owner what the client serves, for messages (an endpoint URI without secrets)
 * @param httpClient a user-supplied async client, or null for a shared one built from {@code http}
 */
public record ClientOptions(
        String owner,
        String baseUrl,
        String oauthBaseUrl,
        boolean allowInsecureHttp,
        CredentialOptions credentials,
        HttpClientFactory.Settings http,
        CloseableHttpAsyncClient httpClient,
        int maxResponseSize,
        long maxRetryAfter,
        long invalidKeyBlockTime,
        long refreshThreshold,
        String defaultRegion,
        Clock clock) {

    /** Never prints a credential. */
    @Override
    public String toString() {
        return "ClientOptions[" + owner + ", baseUrl=" + baseUrl + "]";
    }
}
