package dev.covet.migrations;

/**
 * Told about each migration as it runs: metrics, audit and progress logging hang here. Listener failures
 * are logged and never fail the migration.
 */
public interface MigrationListener {

    /** Before a migration runs. */
    default void onStart(MigrationEvent event) {
    }

    /** After it was applied or rolled back and recorded. */
    default void onSuccess(MigrationEvent event) {
    }

    /** After it failed (and was undone where the database allows). */
    default void onFailure(MigrationEvent event) {
    }
}
