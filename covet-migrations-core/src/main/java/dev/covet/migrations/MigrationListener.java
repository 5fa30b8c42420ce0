package dev.covet.migrations;

/**
 * Told about each migration as it runs: metrics, audit and progress logging hang here. Listener failures
 * are logged and never fail the migration, unless the listener is {@link #required()}.
 */
public interface MigrationListener {

    /**
     * Whether a failure of this listener fails the run instead of being logged: an audit trail must miss nothing.
     * A required listener's failure in {@link #onStart} stops the run before the migration runs.
     */
    default boolean required() {
        return false;
    }

    /** Once a run that changes the database holds the migration lock, before its first migration. */
    default void onRunStart(RunStartEvent event) {
    }

    /** Before a migration runs. */
    default void onStart(MigrationEvent event) {
    }

    /** After it was applied or rolled back and recorded. */
    default void onSuccess(MigrationEvent event) {
    }

    /** After it failed (and was undone where the database allows). */
    default void onFailure(MigrationEvent event) {
    }

    /**
     * After {@code covet repair} changed one history row (a checksum realigned, a FAILED row removed), under the
     * migration lock. Not called in a dry run.
     */
    default void onRepair(RepairChange change) {
    }
}
