package com.example.phoneinc.client.http;

import java.util.concurrent.CompletionException;

/** What every part of the client does with a failed future: look at the failure inside. */
public final class Futures {

    private Futures() {}

    /** The exception a future's failure wraps ({@link CompletionException}s taken off). */
    public static Throwable cause(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
