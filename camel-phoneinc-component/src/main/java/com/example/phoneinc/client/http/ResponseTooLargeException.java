package com.example.phoneinc.client.http;

import java.io.IOException;

/** The response body exceeded {@code maxResponseSize}; reading stopped there. */
public final class ResponseTooLargeException extends IOException {

    private final int status;

    public ResponseTooLargeException(int status, long limit) {
        super("response body larger than maxResponseSize (" + limit + " bytes)");
        this.status = status;
    }

    public int status() {
        return status;
    }
}
