package dev.covet.migrations.internal.execute;

import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.HistoryRow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Runs one rendered migration and records it. {@link TransactionalExecutor} for databases whose DDL is
 * transactional (PostgreSQL, SQLite); {@link ProgressRecordingExecutor} for MySQL, which commits DDL
 * implicitly.
 */
public sealed interface MigrationExecutor permits TransactionalExecutor, ProgressRecordingExecutor {

    /**
     * Runs the migration and writes its history row (or removes it, for a rollback).
     *
     * @param resume a FAILED/RUNNING row left by an earlier attempt (MySQL resumes after its last completed
     *               statement), or {@code null}
     * @throws dev.covet.migrations.execute.MigrationFailedException saying what failed and what state the
     *         database is in
     */
    ExecutionResult execute(Connection connection, RenderedMigration migration, HistoryRow resume) throws SQLException;

    /** The executor for a dialect. */
    static MigrationExecutor forDialect(Dialect dialect, Map<String, JavaMigration> javaMigrations, ExecutionContext context) {
        StepRunner steps = new StepRunner(javaMigrations, dialect.name().equals("sqlite"));
        return dialect.transactionalDdl()
                ? new TransactionalExecutor(dialect, steps, context)
                : new ProgressRecordingExecutor(dialect, steps, context);
    }
}
