package dev.covet.migrations.internal.execute;

import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.Direction;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.internal.sqlite.RebuildGuard;
import dev.covet.migrations.internal.sqlite.SqliteLocking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.covet.migrations.internal.sqlite.SqliteStatements.exec;
import static dev.covet.migrations.internal.sqlite.SqliteStatements.pragmaOn;

/**
 * One transaction per migration, history row included: a failing statement leaves the database exactly as
 * it was before that migration. On SQLite the transaction is {@code BEGIN IMMEDIATE}, and a migration with a
 * table rebuild runs with foreign keys off (SQLite ignores the switch inside a transaction, so it is flipped
 * around it) under a {@link RebuildGuard}, which keeps triggers, indexes and views and verifies row counts
 * and {@code PRAGMA foreign_key_check} before commit.
 */
public final class TransactionalExecutor implements MigrationExecutor {

    private final Dialect dialect;
    private final StepRunner steps;
    private final ExecutionContext context;

    TransactionalExecutor(Dialect dialect, StepRunner steps, ExecutionContext context) {
        this.dialect = dialect;
        this.steps = steps;
        this.context = context;
    }

    @Override
    public ExecutionResult execute(Connection c, RenderedMigration m, HistoryRow resume) throws SQLException {
        long start = System.nanoTime();
        boolean sqlite = dialect.name().equals("sqlite");
        RebuildGuard guard = sqlite && m.rebuildsSqliteTable() ? new RebuildGuard() : null;
        // The drop backups first: a SQLite rebuild's guard snapshots the table as the drop statement finds it.
        StepHooks hooks = DropBackupHooks.of(context, m).<StepHooks>map(h -> h).orElse(StepHooks.NONE)
                .andThen(guard == null ? StepHooks.NONE : new SqliteRebuildHooks(guard, m));
        // Step 1 of SQLite's rebuild procedure: the switch is ignored inside a transaction, so it goes first.
        boolean foreignKeysWereOn = guard != null && pragmaOn(c, "foreign_keys");
        if (foreignKeysWereOn) {
            exec(c, "PRAGMA foreign_keys = OFF");
        }
        List<Step> all = m.steps();
        List<String> executed = new ArrayList<>();
        // A batch job commits as it goes; its migration cannot be one transaction (a transactional Java step in it
        // then gets a transaction of its own from the step runner).
        boolean transactional = steps.allTransactional(all);
        MigrationFailedException failure = null;
        try {
            begin(c, sqlite, transactional);
            long rows = steps.runAll(c, all, dialect.name().equals("postgresql"), transactional, i -> executed.add(all.get(i).display()), hooks);
            if (guard != null) {
                guard.beforeCommit(c);
            }
            if (resume != null) {
                context.history().delete(c, m.migration().id());
            }
            recordHistory(c, m, start);
            if (context.inTransaction() != null) {
                context.inTransaction().run(c);
            }
            if (transactional) {
                Transactions.commit(c, sqlite);
            }
            return new ExecutionResult(executed, rows, Duration.ofNanos(System.nanoTime() - start));
        } catch (StepRunner.StepFailure f) {
            rollbackQuietly(c, sqlite, transactional);
            Step failed = all.get(f.index);
            String cause = sqlite && SqliteLocking.isLocked(f.getCause())
                    ? SqliteLocking.lockedMessage(Duration.ofNanos(System.nanoTime() - start)) : f.getMessage();
            failure = new MigrationFailedException(m.migration().source() + " failed at statement " + (f.index + 1) + " of "
                    + all.size() + " (" + m.describeStep(f.index) + "): " + failed.display() + "\n  " + cause
                    + (transactional ? "\n  The migration was rolled back: nothing of it was applied. Fix it and run again."
                    : "\n  It ran outside a transaction (a batch job): the statements before it stay applied, and a"
                    + " rerun resumes the batch job after its last finished batch."),
                    executed, f.getCause());
            throw failure;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, sqlite, transactional);
            String cause = sqlite && SqliteLocking.isLocked(e)
                    ? SqliteLocking.lockedMessage(Duration.ofNanos(System.nanoTime() - start)) : e.getMessage();
            failure = new MigrationFailedException(m.migration().source() + " failed: " + cause
                    + "\n  The migration was rolled back: nothing of it was applied.", executed, e);
            throw failure;
        } finally {
            // After a failure the connection may be dead (the server ended the session): a failing clean-up then
            // must not replace the failure that names the file, the statement and the database's reason.
            MigrationFailedException inFlight = failure;
            cleanUp(inFlight, () -> {
                if (guard != null) {
                    guard.close(c);
                }
            });
            if (!sqlite) {
                cleanUp(inFlight, () -> c.setAutoCommit(true));
            }
            if (foreignKeysWereOn) {
                // Step 12, also after a failure: the connection goes back as it came.
                cleanUp(inFlight, () -> exec(c, "PRAGMA foreign_keys = ON"));
            }
        }
    }

    /** Runs a clean-up; with a failure in flight its own failure is added to that one, else it is thrown. */
    private static void cleanUp(MigrationFailedException inFlight, CleanUp action) throws SQLException {
        try {
            action.run();
        } catch (SQLException | RuntimeException e) {
            if (inFlight == null) {
                throw e;
            }
            inFlight.addSuppressed(e);
        }
    }

    @FunctionalInterface
    private interface CleanUp {
        void run() throws SQLException;
    }

    /** Starts the migration's transaction ({@link Transactions}); a batch job's migration runs in autocommit. */
    private static void begin(Connection c, boolean sqlite, boolean transactional) throws SQLException {
        if (transactional) {
            Transactions.begin(c, sqlite);
        } else {
            c.setAutoCommit(true);
        }
    }

    private void recordHistory(Connection c, RenderedMigration m, long start) throws SQLException {
        if (m.direction() == Direction.DOWN) {
            context.history().delete(c, m.migration().id());
            return;
        }
        try (PreparedStatement insert = context.history().prepareInsert(c)) {
            context.history().insert(insert, new HistoryRow(m.migration().id(), m.migration().checksum(),
                    m.migration().description(), Instant.now(), (System.nanoTime() - start) / 1_000_000,
                    context.appliedBy(), HistoryRow.APPLIED, m.steps().size(), null));
        }
    }



    private static void rollbackQuietly(Connection c, boolean sqlite, boolean transactional) {
        try {
            // Nothing to roll back outside a transaction (on SQLite the driver's autocommit flag does not tell).
            if (sqlite ? transactional : !c.getAutoCommit()) {
                Transactions.rollback(c, sqlite);
            }
        } catch (SQLException ignored) {
            // the original failure is what matters (SQLite may already have rolled back by itself)
        }
    }
}
