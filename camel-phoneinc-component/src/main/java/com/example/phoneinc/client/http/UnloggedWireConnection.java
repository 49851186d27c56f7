package com.example.phoneinc.client.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.NoResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection of the classic client, as HttpClient's own (package-private) one, but never
 * writing HttpClient's wire log: that one dumps the raw bytes, API key included, whenever {@code
 * org.apache.hc.client5.http.wire} is at DEBUG. The header log ({@code
 * org.apache.hc.client5.http.headers}) is kept, and shows credential headers masked ({@link
 * HttpClientFactory.MaskedHeader}), as with the async client.
 */
final class UnloggedWireConnection extends DefaultBHttpClientConnection
        implements ManagedHttpClientConnection {

    private static final Logger HEADER_LOG =
            LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
    private static final AtomicLong COUNTER = new AtomicLong();

    /** What the classic client's connection manager makes its connections with. */
    static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY =
            socket -> {
                UnloggedWireConnection connection =
                        new UnloggedWireConnection("phoneinc-classic-" + COUNTER.incrementAndGet());
                if (socket != null) {
                    connection.bind(socket);
                }
                return connection;
            };

    private final String id;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Timeout socketTimeout;

    private UnloggedWireConnection(String id) {
        // the defaults HttpClient's ManagedHttpClientConnectionFactory uses
        super(
                Http1Config.DEFAULT,
                null,
                null,
                DefaultContentLengthStrategy.INSTANCE,
                DefaultContentLengthStrategy.INSTANCE,
                NoResponseOutOfOrderStrategy.INSTANCE,
                new DefaultHttpRequestWriterFactory(Http1Config.DEFAULT),
                new DefaultHttpResponseParserFactory(Http1Config.DEFAULT));
        this.id = id;
    }

    @Override
    public void bind(Socket socket) throws IOException {
        bindHolder(new SocketHolder(socket));
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        bindHolder(new SocketHolder(sslSocket, socket));
    }

    private void bindHolder(SocketHolder holder) throws IOException {
        if (closed.get()) {
            holder.getSocket().close();
            throw new InterruptedIOException("Connection already shutdown");
        }
        super.bind(holder);
        socketTimeout = Timeout.ofMilliseconds(holder.getSocket().getSoTimeout());
    }

    @Override
    public Socket getSocket() {
        SocketHolder holder = getSocketHolder();
        return holder != null ? holder.getSocket() : null;
    }

    @Override
    public SSLSession getSSLSession() {
        return getSocket() instanceof SSLSocket ssl ? ssl.getSession() : null;
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        super.setSocketTimeout(timeout);
        socketTimeout = timeout;
    }

    @Override
    public void passivate() {
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            super.close();
        }
    }

    @Override
    public void close(CloseMode closeMode) {
        if (closed.compareAndSet(false, true)) {
            super.close(closeMode);
        }
    }

    @Override
    protected void onRequestSubmitted(ClassicHttpRequest request) {
        if (request != null && HEADER_LOG.isDebugEnabled()) {
            HEADER_LOG.debug("{} >> {}", id, new RequestLine(request));
            for (Header header : request.getHeaders()) {
                HEADER_LOG.debug("{} >> {}", id, header); // credential headers print masked
            }
        }
    }

    @Override
    protected void onResponseReceived(ClassicHttpResponse response) {
        if (response != null && HEADER_LOG.isDebugEnabled()) {
            HEADER_LOG.debug("{} << {}", id, new StatusLine(response));
            for (Header header : response.getHeaders()) {
                HEADER_LOG.debug("{} << {}", id, header);
            }
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
