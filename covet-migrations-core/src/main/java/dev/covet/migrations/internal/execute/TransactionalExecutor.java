package dev.covet.migrations.internal.execute;

import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.Direction;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.dialect.LockWaits;
import dev.covet.migrations.dialect.Transactions;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.internal.sqlite.RebuildGuard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction per migration, history row included: a failing statement leaves the database exactly as
 * it was before that migration. The dialect opens the transaction ({@link Dialect#transactions()}: on SQLite
 * {@code BEGIN IMMEDIATE}). A migration with a table rebuild (SQLite) runs under a {@link RebuildGuard}, which
 * switches foreign keys off around the transaction, keeps triggers, indexes and views, and verifies row counts and
 * foreign keys before commit.
 */
public final class TransactionalExecutor implements MigrationExecutor {

    private final Dialect dialect;
    private final Transactions transactions;
    private final LockWaits lockWaits;
    private final StepRunner steps;
    private final ExecutionContext context;

    TransactionalExecutor(Dialect dialect, StepRunner steps, ExecutionContext context) {
        this.dialect = dialect;
        this.transactions = dialect.transactions();
        this.lockWaits = dialect.lockWaits();
        this.steps = steps;
        this.context = context;
    }

    @Override
    public ExecutionResult execute(Connection c, RenderedMigration m, HistoryRow resume) throws SQLException {
        long start = System.nanoTime();
        RebuildGuard guard = dialect.rebuildsTables() && m.rebuildsSqliteTable() ? new RebuildGuard() : null;
        // The drop backups first: a SQLite rebuild's guard snapshots the table as the drop statement finds it.
        StepHooks hooks = DropBackupHooks.of(context, m).<StepHooks>map(h -> h).orElse(StepHooks.NONE)
                .andThen(guard == null ? StepHooks.NONE : new SqliteRebuildHooks(guard, m));
        if (guard != null) {
            guard.beforeTransaction(c);
        }
        List<Step> all = m.steps();
        List<String> executed = new ArrayList<>();
        // A batch job commits as it goes; its migration cannot be one transaction (a transactional Java step in it
        // then gets a transaction of its own from the step runner).
        boolean transactional = steps.allTransactional(all);
        MigrationFailedException failure = null;
        try {
            begin(c, transactional);
            long rows = steps.runAll(c, all, dialect.batchesStatements(), transactional, i -> executed.add(all.get(i).display()), hooks);
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
                transactions.commit(c);
            }
            return new ExecutionResult(executed, rows, Duration.ofNanos(System.nanoTime() - start));
        } catch (StepRunner.StepFailure f) {
            rollbackQuietly(c, transactional);
            Step failed = all.get(f.index);
            String cause = lockWaits.lockedByOtherConnection(f.getCause())
                    ? lockWaits.lockedAdvice(Duration.ofNanos(System.nanoTime() - start)) : f.getMessage();
            failure = new MigrationFailedException(m.migration().source() + " failed at statement " + (f.index + 1) + " of "
                    + all.size() + " (" + m.describeStep(f.index) + "): " + failed.display() + "\n  " + cause
                    + (transactional ? "\n  The migration was rolled back: nothing of it was applied. Fix it and run again."
                    : "\n  It ran outside a transaction (a batch job): the statements before it stay applied, and a"
                    + " rerun resumes the batch job after its last finished batch."),
                    executed, f.getCause());
            throw failure;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, transactional);
            String cause = lockWaits.lockedByOtherConnection(e)
                    ? lockWaits.lockedAdvice(Duration.ofNanos(System.nanoTime() - start)) : e.getMessage();
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
            cleanUp(inFlight, () -> transactions.restoreAutoCommit(c));
            if (guard != null) {
                // also after a failure: the connection goes back as it came
                cleanUp(inFlight, () -> guard.afterTransaction(c));
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
    private void begin(Connection c, boolean transactional) throws SQLException {
        if (transactional) {
            transactions.begin(c);
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



    private void rollbackQuietly(Connection c, boolean transactional) {
        try {
            // Nothing to roll back outside a transaction.
            if (transactions.mayBeOpen(c, transactional)) {
                transactions.rollback(c);
            }
        } catch (SQLException ignored) {
            // the original failure is what matters (SQLite may already have rolled back by itself)
        }
    }
}
