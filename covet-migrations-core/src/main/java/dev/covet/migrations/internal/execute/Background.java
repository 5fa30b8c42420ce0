package dev.covet.migrations.internal.execute;

import dev.covet.migrations.MigrationException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A value computed on its own daemon thread while the caller does other work. {@link #get()} waits for it and
 * rethrows what the work threw, unchanged, so callers see the same exceptions as if they had run it themselves.
 */
final class Background<T> {

    private final FutureTask<T> task;

    private Background(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    static <T> Background<T> start(String name, Supplier<T> work) {
        FutureTask<T> task = new FutureTask<>(work::get);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return new Background<>(task);
    }

    /** The value, once computed. */
    T get() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new MigrationException("loading migrations failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while loading migrations", e);
        }
    }
}
