package dev.covet.migrations;

/**
 * Migrating failed: the message names the migration (and file, statement or field) and says what to do.
 */
public class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
