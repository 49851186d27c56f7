package com.example.phoneinc.client.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
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
                    // a closed client refuses the lease before anything is written
                    || t instanceof IllegalStateException
                            && String.valueOf(t.getMessage()).contains("shut down")) {
                return true;
            }
        }
        return false;
    }

    /** The failure of a call the component's own deadline ended. */
    static TimeoutException deadlinePassed(long requestTimeoutMillis) {
        return new TimeoutException(
                "no complete answer within " + requestTimeoutMillis + " ms (requestTimeout)");
    }
}
