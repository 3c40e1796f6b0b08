package io.porpoise.server.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one connection's tasks one at a time, in order, on a shared executor: calls for one
 * session are serialized while different sessions run concurrently.
 */
final class SerialExecutor implements Executor {
    private final Executor delegate;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private Runnable active;

    SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(() -> {
            try {
                task.run();
            } finally {
                scheduleNext();
            }
        });
        if (active == null) {
            scheduleNext();
        }
    }

    private synchronized void scheduleNext() {
        active = tasks.poll();
        if (active != null) {
            try {
                delegate.execute(active);
            } catch (RejectedExecutionException e) {
                // The server is shutting down: still run what is queued (closing backend
                // sessions) rather than dropping it.
                Runnable task = active;
                active = null;
                task.run();
            }
        }
    }
}
