package com.example.phoneinc.client.http;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Sends one request with Apache HttpClient 5's classic (blocking) client on the calling thread:
 * {@link #send} returns after the listener has heard the outcome, on this same thread. For callers
 * that wait anyway this saves the two thread hand-offs of the async client.
 *
 * <p>Every call ends by its deadline through two independent mechanisms: HttpClient's own timeouts
 * (connect, pool lease, socket read) and the component's {@link DeadlineSweeper}, which cancels the
 * request (closing its connection, so a blocked read returns) at the deadline.
 */
public final class ClassicHttpTransport extends SharedClientTransport<CloseableHttpClient> {

    /**
     * @param clients gives the (shared) client on first use, so that endpoints that never send this
     *     way never create one
     * @param deadlineMillis the longest one request may take before the sweeper cancels it
     */
    public ClassicHttpTransport(
            Supplier<CloseableHttpClient> clients,
            DeadlineSweeper sweeper,
            long deadlineMillis,
            int maxResponseSize) {
        super(clients, sweeper, deadlineMillis, maxResponseSize);
    }

    @Override
    public void send(
            PreparedRequest call,
            Credential credential,
            long deadlineNanos,
            TransportListener listener) {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
        addHeaders(request, credential);
        if (call.body() != null) {
            request.setEntity(new ByteArrayEntity(call.body(), contentType(call)));
        }
        Deadline deadline = new Deadline(request, deadlineNanos);
        HttpReply reply;
        try {
            CloseableHttpClient http = client();
            sweeper.watch(deadline);
            reply = execute(http, request);
        } catch (IOException | RuntimeException e) {
            if (deadline.finish()) {
                listener.onFailure(
                        SendErrors.reported(e, deadlineMillis), !SendErrors.certainlyNotSent(e));
            } else {
                listener.onFailure(SendErrors.deadlinePassed(deadlineMillis), true);
            }
            return;
        }
        if (deadline.finish()) {
            listener.onReply(reply);
        } else {
            // the sweeper cancelled it as the answer came in: the deadline decides, as in async
            listener.onFailure(SendErrors.deadlinePassed(deadlineMillis), true);
        }
    }

    private HttpReply execute(CloseableHttpClient http, HttpUriRequestBase request)
            throws IOException {
        ClassicHttpResponse response = http.executeOpen(null, request, null);
        try {
            Map<String, String> headers = BoundedBody.headers(response.getHeaders());
            BoundedBody body = new BoundedBody(response.getCode(), headers, maxResponseSize);
            HttpEntity entity = response.getEntity();
            if (entity != null && !body.readFrom(entity.getContent())) {
                // the rest of an error body is not worth reading: drop the connection instead of
                // draining it (closing the response would read to the end)
                request.cancel();
            }
            return body.reply();
        } catch (ResponseTooLargeException e) {
            request.cancel(); // do not drain a body known to be too large either
            throw e;
        } finally {
            try {
                // releases the connection after a complete read, or discards a cancelled one
                response.close();
            } catch (IOException e) {
                // what was read stands; the pool does not keep a connection that failed to close
            }
        }
    }

    /** The sweeper's view of a blocking call: at the deadline, cancel it (the caller reports). */
    private static final class Deadline extends DeadlineSweeper.Watched {
        private final HttpUriRequestBase request;

        Deadline(HttpUriRequestBase request, long deadlineNanos) {
            super(deadlineNanos);
            this.request = request;
        }

        /** True when the call ended before the deadline; false when the sweeper got there first. */
        boolean finish() {
            return end();
        }

        @Override
        protected void expire() {
            if (end()) {
                request.cancel(); // closes the connection: the blocked read on the caller returns
            }
        }
    }
}
