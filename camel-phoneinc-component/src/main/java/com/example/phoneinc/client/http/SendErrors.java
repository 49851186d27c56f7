package com.example.phoneinc.client.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.RequestNotExecutedException;

/** How both transports tell what a failure without an answer means. */
final class SendErrors {

    private SendErrors() {}

    /** True when the failure happened before the request could reach the server. */
    static boolean certainlyNotSent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof ConnectionRequestTimeoutException
                    || t instanceof RequestNotExecutedException
                    // TLS ends before the request is written: no byte of it went out
                    || t instanceof SSLHandshakeException
                    || t instanceof SSLPeerUnverifiedException
                    // a closed client refuses the lease before anything is written
                    || t instanceof IllegalStateException
                            && String.valueOf(t.getMessage()).contains("shut down")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the server's certificate was refused: not trusted, or not for the base URL's host.
     * That fails the same way on every attempt until the trust store or the URL is fixed, unlike a
     * handshake the server cut short.
     */
    static boolean untrustedServer(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLPeerUnverifiedException) {
                return true;
            }
            if (t instanceof SSLHandshakeException) {
                for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
                    if (c instanceof GeneralSecurityException) {
                        return true; // CertificateException, CertPathValidatorException, ...
                    }
                }
            }
        }
        return false;
    }

    /**
     * The error to report for {@code error}: a socket read timeout is HttpClient ending the call at
     * {@code requestTimeout} (its socket timeout), before the component's sweeper does; it is
     * reported as that deadline, as the sweeper would (the I/O error as its cause).
     */
    static Exception reported(Exception error, long requestTimeoutMillis) {
        if (error instanceof SocketTimeoutException) {
            TimeoutException deadline = deadlinePassed(requestTimeoutMillis);
            deadline.initCause(error);
            return deadline;
        }
        return error;
    }

    /** The failure of a call the component's own deadline ended. */
    static TimeoutException deadlinePassed(long requestTimeoutMillis) {
        return new TimeoutException(
                "no complete answer within " + requestTimeoutMillis + " ms (requestTimeout)");
    }
}
