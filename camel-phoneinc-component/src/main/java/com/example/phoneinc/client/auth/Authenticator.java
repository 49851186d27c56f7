package com.example.phoneinc.client.auth;

import com.example.phoneinc.api.PhoneIncAuthenticationException.Reason;
import com.example.phoneinc.client.http.Credential;
import java.util.concurrent.CompletableFuture;

/**
 * Puts the credential on each request: a fixed API key, or an OAuth access token that may need a
 * refresh first. Chosen once per client by {@link AuthenticationType}.
 */
public interface Authenticator {

    /** No credential: the OAuth endpoints themselves (token exchange, revocation). */
    Authenticator NONE = new Fixed(CompletableFuture.completedFuture(null), null, null);

    /** The credential to send now; may complete later (after a refresh) or fail. */
    CompletableFuture<Credential> credential();

    /**
     * Phone.inc answered 401 to {@code refused}. Returns the credential to replay the request with
     * once, or null when a 401 is final (API keys).
     */
    CompletableFuture<Credential> afterUnauthorized(Credential refused, Reason reason);

    /**
     * Fingerprint for the invalid-key guard; null when the guard's per-key block does not apply
     * (anything but an API key).
     */
    String guardKey();

    /** Text to redact from answers should the server echo it; null if none. */
    String secret();

    /** An API key: never refreshed, a 401 is final. */
    static Authenticator apiKey(String key) {
        return new Fixed(
                CompletableFuture.completedFuture(Credential.apiKey(key)),
                Sha256.fingerprint(key),
                key);
    }

    /** OAuth bearer tokens managed by {@code tokens}; a 401 refreshes and replays once. */
    static Authenticator oauth(OAuthTokenManager tokens) {
        return new Authenticator() {
            @Override
            public CompletableFuture<Credential> credential() {
                return tokens.accessToken().thenApply(Credential::bearer);
            }

            @Override
            public CompletableFuture<Credential> afterUnauthorized(
                    Credential refused, Reason reason) {
                return tokens.onUnauthorized(refused.token(), reason).thenApply(Credential::bearer);
            }

            @Override
            public String guardKey() {
                return null;
            }

            @Override
            public String secret() {
                return null;
            }

            @Override
            public String toString() {
                return "Authenticator.OAuth";
            }
        };
    }

    /** A credential that never changes. */
    record Fixed(CompletableFuture<Credential> credential, String guardKey, String secret)
            implements Authenticator {

        @Override
        public CompletableFuture<Credential> afterUnauthorized(Credential refused, Reason reason) {
            return null;
        }

        /** Never prints the credential. */
        @Override
        public String toString() {
            return "Authenticator.Fixed";
        }
    }
}
