package dev.covet.migrations.execute;

import dev.covet.migrations.Direction;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.history.HistoryRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction per migration, history row included: a failing statement leaves the database exactly as
 * it was before that migration. On SQLite a table rebuild runs with foreign keys off (SQLite ignores the
 * switch inside a transaction, so it is flipped around it) and {@code PRAGMA foreign_key_check} must pass
 * before commit.
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
        boolean rebuild = sqlite && m.rebuildsSqliteTable();
        boolean foreignKeysWereOn = rebuild && pragmaOn(c, "foreign_keys");
        if (foreignKeysWereOn) {
            exec(c, "PRAGMA foreign_keys = OFF");
        }
        List<Step> all = m.steps();
        List<String> executed = new ArrayList<>();
        // A batch job commits as it goes; its migration cannot be one transaction.
        boolean transactional = steps.allTransactional(all);
        c.setAutoCommit(!transactional);
        try {
            long rows = steps.runAll(c, all, dialect.name().equals("postgresql"), i -> executed.add(all.get(i).display()));
            if (rebuild) {
                checkForeignKeys(c);
            }
            if (resume != null) {
                context.history().delete(c, m.migration().id());
            }
            recordHistory(c, m, start);
            if (context.inTransaction() != null) {
                context.inTransaction().run(c);
            }
            if (transactional) {
                c.commit();
            }
            return new ExecutionResult(executed, rows, Duration.ofNanos(System.nanoTime() - start));
        } catch (StepRunner.StepFailure f) {
            rollbackQuietly(c);
            Step failed = all.get(f.index);
            throw new MigrationFailedException(m.migration().source() + " failed at statement " + (f.index + 1) + " of "
                    + all.size() + ": " + failed.display() + "\n  " + f.getMessage()
                    + (transactional ? "\n  The migration was rolled back: nothing of it was applied. Fix it and run again."
                    : "\n  It ran outside a transaction (a batch job): the statements before it stay applied, and a"
                    + " rerun resumes the batch job after its last finished batch."),
                    executed, f.getCause());
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c);
            throw new MigrationFailedException(m.migration().source() + " failed: " + e.getMessage()
                    + "\n  The migration was rolled back: nothing of it was applied.", executed, e);
        } finally {
            c.setAutoCommit(true);
            if (foreignKeysWereOn) {
                exec(c, "PRAGMA foreign_keys = ON");
            }
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

    private static void checkForeignKeys(Connection c) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next() && violations.size() < 10) {
                violations.add(rs.getString(1) + " rowid " + rs.getLong(2) + " references a missing row in " + rs.getString(3));
            }
        }
        if (!violations.isEmpty()) {
            throw new SQLException("foreign key check failed after rebuilding: " + String.join("; ", violations)
                    + ". Fix or delete those rows first.");
        }
    }

    private static boolean pragmaOn(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (c.getAutoCommit()) {
                return;
            }
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }
}
