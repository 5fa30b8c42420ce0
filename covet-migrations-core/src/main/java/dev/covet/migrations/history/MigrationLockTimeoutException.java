package dev.covet.migrations.history;

import dev.covet.migrations.MigrationException;

/** Another instance held the migration lock for longer than the lock timeout. */
public class MigrationLockTimeoutException extends MigrationException {
    public MigrationLockTimeoutException(String message) {
        super(message);
    }
}
