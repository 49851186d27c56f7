package com.example.phoneinc.internal;

import com.example.phoneinc.api.PhoneIncAuthenticationException.Reason;
import java.util.concurrent.CompletableFuture;

/**
 * Supplies the credential of each request: a fixed API key, or an OAuth access token that may need
 * a refresh first. Chosen once per endpoint by {@code PhoneIncAuthentication}.
 */
public interface Authenticator {

    /** The credential to send now; may complete later (after a refresh) or fail. */
    CompletableFuture<Credential> credential();

    /**
     * Phone.inc answered 401 to {@code refused}. Returns the credential to replay the request with
     * once, or null when a 401 is final (API keys).
     */
    CompletableFuture<Credential> afterUnauthorized(Credential refused, Reason reason);

    /**
     * Fingerprint for the invalid-key guard; null when the guard's per-key block does not apply.
     */
    String guardKey();

    /** Text to redact from error answers should the server echo it; null if none. */
    String secret();

    /** An API key: never refreshed, a 401 is final. */
    static Authenticator apiKey(String key, String fingerprint) {
        CompletableFuture<Credential> credential =
                CompletableFuture.completedFuture(Credential.apiKey(key));
        return new Authenticator() {
            @Override
            public CompletableFuture<Credential> credential() {
                return credential;
            }

            @Override
            public CompletableFuture<Credential> afterUnauthorized(
                    Credential refused, Reason reason) {
                return null;
            }

            @Override
            public String guardKey() {
                return fingerprint;
            }

            @Override
            public String secret() {
                return key;
            }
        };
    }

    /** OAuth bearer tokens managed by {@code tokens}. */
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
        };
    }

    /** No credential: the OAuth endpoints themselves (token exchange, revocation). */
    Authenticator NONE =
            new Authenticator() {
                private final CompletableFuture<Credential> none =
                        CompletableFuture.completedFuture(null);

                @Override
                public CompletableFuture<Credential> credential() {
                    return none;
                }

                @Override
                public CompletableFuture<Credential> afterUnauthorized(
                        Credential refused, Reason reason) {
                    return null;
                }

                @Override
                public String guardKey() {
                    return null;
                }

                @Override
                public String secret() {
                    return null;
                }
            };
}
