package com.example.phoneinc.client.http;

/** Receives the outcome of one {@link Transport#send}; exactly one method is called, once. */
public interface TransportListener {

    void onReply(HttpReply reply);

    /**
     * The call failed without an HTTP answer.
     *
     * @param possiblySent false only when the request certainly never left this JVM (connect
     *     failure, no free connection in time): then even a POST may be repeated safely
     */
    void onFailure(Exception error, boolean possiblySent);
}
