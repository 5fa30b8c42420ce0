package dev.covet.migrations;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Code for a data migration that SQL cannot express. Registered in code (a Spring bean, or passed to
 * {@link MigrationRunner.Builder#javaMigration}) under {@link #name()}, and referenced from a file by a
 * {@code RUN_JAVA} operation; a file can never name a class.
 */
public interface JavaMigration {

    /** The name files use in {@code RUN_JAVA: migration: <name>}. */
    String name();

    /**
     * Applies the change on the migration's connection. A transactional migration runs inside the transaction
     * Covet begins and commits for it, on every database: calling {@code commit()}, {@code rollback()},
     * {@code setAutoCommit(..)} or {@code close()} on the connection fails with a {@link MigrationException}
     * (savepoints are allowed). To commit in stages, split the work into separate migrations, or return
     * {@code false} from {@link #transactional()}.
     */
    void migrate(Connection connection) throws SQLException;

    /** Undoes the change; the default says it cannot. */
    default void rollback(Connection connection) throws SQLException {
        throw new UnsupportedOperationException("Java migration '" + name() + "' has no rollback");
    }

    /**
     * Whether the migration runs inside its migration's transaction (the default). A long data job that commits
     * in batches (see {@link dev.covet.migrations.data.BatchUpdate}) returns {@code false}: its migration then
     * runs with auto-commit, and is recorded as applied once everything in it has run.
     */
    default boolean transactional() {
        return true;
    }

    /** Whether {@link #rollback} is implemented. */
    default boolean isReversible() {
        return false;
    }
}
