package com.example.phoneinc.bench;

import com.example.phoneinc.api.model.Call;
import java.util.List;

/** One way of making the benchmark's call: a raw client + Jackson, or a Camel route. */
interface Side extends AutoCloseable {

    /** Short name used in the tables. */
    String name();

    /** True for the raw HTTP clients (the candidates for "fastest raw client"). */
    boolean raw();

    /** One call, waited for on the calling thread; returns the parsed {@code calls} list. */
    List<Call> call() throws Exception;

    @Override
    default void close() throws Exception {}
}
