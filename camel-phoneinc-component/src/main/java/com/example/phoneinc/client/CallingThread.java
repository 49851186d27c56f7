package com.example.phoneinc.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The thread that makes a blocking call, as an {@link Executor}: a task submitted from that thread
 * runs at once; a task submitted from another thread (the invalid-key guard releasing a waiting
 * call, a token refresh completing on an HTTP I/O thread) is queued and run by the calling thread
 * while it {@linkplain #await waits}. So the blocking send never runs on a thread that is not the
 * caller's. One per call; the queue is made only when another thread hands work over.
 */
final class CallingThread implements Executor {

    private static final Runnable WAKE_UP = () -> {};

    private final Thread owner = Thread.currentThread();
    private LinkedBlockingQueue<Runnable> handedOver;

    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread() == owner) {
            task.run();
        } else {
            queue().add(task);
        }
    }

    /**
     * Runs handed-over tasks until {@code result} is complete, at most {@code maxNanos}. Interrupts
     * do not end the wait (every call ends by its own deadline, and a call abandoned half-way would
     * leave its result unknown); the interrupt status is restored afterwards.
     *
     * @return false when {@code maxNanos} passed first
     */
    boolean await(CompletableFuture<?> result, long maxNanos) {
        if (result.isDone()) {
            return true; // the hot path: everything ran on this thread already
        }
        result.whenComplete((r, e) -> queue().add(WAKE_UP));
        long until = System.nanoTime() + maxNanos;
        boolean interrupted = false;
        try {
            while (!result.isDone()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                Runnable task;
                try {
                    task = queue().poll(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    continue;
                }
                if (task != null) {
                    task.run();
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized LinkedBlockingQueue<Runnable> queue() {
        if (handedOver == null) {
            handedOver = new LinkedBlockingQueue<>();
        }
        return handedOver;
    }
}
