package com.example.phoneinc.auth;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the component keeps the OAuth token set between refreshes and restarts. Phone.inc may
 * rotate the refresh token on every refresh; the component saves each new set before it uses it, so
 * a crash never leaves only a spent refresh token behind.
 *
 * <p>Implementations must be thread-safe. For a cluster, back it with shared storage that offers an
 * atomic write (a database row, a Kubernetes Secret with resourceVersion checks) and make only one
 * node refresh at a time; two nodes refreshing the same rotating refresh token will lock one out.
 */
public interface PhoneIncTokenStore {

    /** The last saved token set, if any. */
    Optional<PhoneIncTokens> load() throws IOException;

    /** Replaces the stored token set. */
    void save(PhoneIncTokens tokens) throws IOException;
}
