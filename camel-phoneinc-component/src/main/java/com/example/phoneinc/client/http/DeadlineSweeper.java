package com.example.phoneinc.client.http;

import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends calls that outlive their deadline. One periodic sweep (every {@value #TICK_MILLIS} ms) looks
 * at all calls in flight, instead of one timer task per call: scheduling and cancelling a task per
 * call woke the timer thread on every call and cost ~6 % of a call's latency (benchmarks/). The
 * price is precision: a deadline fires up to one tick late.
 */
public final class DeadlineSweeper {

    /**
     * Something with a deadline that ends once: by its own outcome or by {@link #expire()},
     * whichever calls {@link #end()} first.
     */
    public abstract static class Watched {
        private final long deadlineNanos;
        private final AtomicBoolean done = new AtomicBoolean();

        /**
         * @param deadlineNanos {@link System#nanoTime()} after which {@link #expire()} is called
         */
        protected Watched(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        /** Marks it ended: true for the first caller only, the one whose outcome counts. */
        protected final boolean end() {
            return done.compareAndSet(false, true);
        }

        /** True once it ended; the sweeper then drops it. */
        protected final boolean isDone() {
            return done.get();
        }

        /** Ends it at its deadline; called at most once, on the sweeper's thread. */
        protected abstract void expire();
    }

    static final long TICK_MILLIS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final Queue<Watched> watched = new ConcurrentLinkedQueue<>();

    public DeadlineSweeper(ScheduledExecutorService timer) {
        timer.scheduleWithFixedDelay(this::sweep, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void watch(Watched call) {
        watched.add(call);
    }

    void sweep() {
        long now = System.nanoTime();
        for (Iterator<Watched> it = watched.iterator(); it.hasNext(); ) {
            Watched call = it.next();
            if (call.isDone()) {
                it.remove();
            } else if (now - call.deadlineNanos >= 0) {
                it.remove();
                try {
                    call.expire();
                } catch (RuntimeException e) {
                    // the sweeper must survive whatever a completion does
                    LOG.warn("Ending a timed-out Phone.inc call failed: {}", e.toString());
                }
            }
        }
    }
}
