package dev.covet.migrations.lock;

import dev.covet.migrations.MigrationException;

import java.time.Duration;

/** Another instance held the migration lock for longer than the lock timeout. */
public class MigrationLockTimeoutException extends MigrationException {
    public MigrationLockTimeoutException(String message) {
        super(message);
    }

    /** A wait for people: {@code 750 ms} below a second, else whole seconds ({@code 60 s}). */
    public static String waited(Duration timeout) {
        return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    }
}
