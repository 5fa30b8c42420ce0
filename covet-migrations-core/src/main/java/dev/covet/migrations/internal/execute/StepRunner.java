package dev.covet.migrations.internal.execute;

import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.data.AffectedRows;
import dev.covet.migrations.dialect.Transactions;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs steps on a connection: SQL statements (batched where that saves round trips) and Java migrations. A
 * transactional Java migration always runs inside a transaction Covet commits: the migration's own, or, where the
 * migration has none (MySQL, or a migration with a batch job), one of its own here.
 */
public final class StepRunner {

    private final Map<String, JavaMigration> javaMigrations;
    private final Transactions transactions;

    /**
     * @param javaMigrations the registered Java migrations by name
     * @param transactions how the dialect opens the transaction a Java step gets of its own
     */
    public StepRunner(Map<String, JavaMigration> javaMigrations, Transactions transactions) {
        this.javaMigrations = javaMigrations;
        this.transactions = transactions;
    }

    /** Whether every Java step of the migration runs inside a transaction. */
    boolean allTransactional(List<Step> steps) {
        for (Step step : steps) {
            if (step instanceof Step.Java java && javaMigrations.containsKey(java.migration())
                    && !javaMigrations.get(java.migration()).transactional()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs one step; returns the rows it changed.
     *
     * @param inTransaction whether the caller has a transaction open around the step; when not, a transactional
     *        Java step gets one of its own, committed when it completes and rolled back when it fails
     */
    public long run(Connection c, Step step, boolean inTransaction) throws SQLException {
        return inTransaction || !isTransactionalJava(step) ? run(c, step) : runInOwnTransaction(c, step);
    }

    private long runInOwnTransaction(Connection c, Step step) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        transactions.begin(c);
        long rows;
        try {
            rows = run(c, step);
            transactions.commit(c);
        } catch (SQLException | RuntimeException e) {
            // Not in a finally: a failing clean-up must not replace the step's failure, the one that says what to fix.
            suppressing(e, () -> transactions.rollback(c));
            suppressing(e, () -> c.setAutoCommit(autoCommit));
            throw e;
        }
        c.setAutoCommit(autoCommit);
        return rows;
    }

    /** Runs clean-up after a failure; its own failure is added to the first one, never replaces it. */
    private static void suppressing(Exception failure, SqlAction cleanUp) {
        try {
            cleanUp.run();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private long run(Connection c, Step step) throws SQLException {
        if (step instanceof Step.Sql sql) {
            try (Statement s = c.createStatement()) {
                boolean results = s.execute(sql.sql());
                return results ? 0 : Math.max(0, s.getUpdateCount());
            }
        }
        Step.Java java = (Step.Java) step;
        JavaMigration code = javaMigrations.get(java.migration());
        // Covet owns a transactional migration's transaction: its code gets a connection that refuses to end it.
        // A batch job (transactional() false) commits as it goes, on the connection itself.
        Connection given = code.transactional() ? new JavaMigrationConnection(c, code.name()) : c;
        return AffectedRows.countDuring(() -> {
            if (java.backwards()) {
                code.rollback(given);
            } else {
                code.migrate(given);
            }
        });
    }

    /** Whether the step is a Java migration that runs inside a transaction Covet owns. */
    boolean isTransactionalJava(Step step) {
        return step instanceof Step.Java java && javaMigrations.containsKey(java.migration())
                && javaMigrations.get(java.migration()).transactional();
    }

    /**
     * Runs consecutive steps, sending runs of plain statements as one JDBC batch (one round trip on
     * PostgreSQL), unless there is work around each step (hooks).
     *
     * @param inTransaction whether the caller has a transaction open around the steps (see
     *        {@link #run(Connection, Step, boolean)})
     * @param done receives the index of each completed step
     * @return rows changed
     * @throws StepFailure naming the index of the step that failed
     */
    long runAll(Connection c, List<Step> steps, boolean batch, boolean inTransaction, IntConsumer done,
                StepHooks hooks) throws StepFailure {
        batch = batch && hooks == StepHooks.NONE;
        long rows = 0;
        int i = 0;
        while (i < steps.size()) {
            int end = i;
            if (batch) {
                while (end < steps.size() && steps.get(end) instanceof Step.Sql s && !returnsRows(s.sql())) {
                    end++;
                }
            }
            if (end - i > 1) {
                rows += runBatch(c, steps, i, end, done);
                i = end;
            } else {
                try {
                    hooks.before(c, i);
                    rows += run(c, steps.get(i), inTransaction);
                    hooks.after(c, i);
                } catch (SQLException e) {
                    throw new StepFailure(i, hooks.explain(c, i, e));
                } catch (RuntimeException e) {
                    throw new StepFailure(i, e);
                }
                done.accept(i);
                i++;
            }
        }
        return rows;
    }

    private long runBatch(Connection c, List<Step> steps, int from, int to, IntConsumer done) throws StepFailure {
        try (Statement s = c.createStatement()) {
            for (int k = from; k < to; k++) {
                s.addBatch(((Step.Sql) steps.get(k)).sql());
            }
            int[] counts = s.executeBatch();
            long rows = 0;
            for (int k = 0; k < counts.length; k++) {
                rows += Math.max(0, counts[k]);
                done.accept(from + k);
            }
            return rows;
        } catch (BatchUpdateException e) {
            int[] counts = e.getUpdateCounts();
            int failed = counts == null ? 0 : counts.length;
            for (int k = 0; counts != null && k < counts.length; k++) {
                if (counts[k] == Statement.EXECUTE_FAILED) {
                    failed = k;
                    break;
                }
            }
            // pgjdbc marks every entry failed once the transaction aborts, but names the failing entry in its message.
            Matcher entry = Pattern.compile("Batch entry (\\d+)").matcher(String.valueOf(e.getMessage()));
            if (entry.find()) {
                failed = Integer.parseInt(entry.group(1));
            }
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new StepFailure(from + Math.min(failed, to - from - 1), cause);
        } catch (SQLException e) {
            throw new StepFailure(from, e);
        }
    }

    private static boolean returnsRows(String sql) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("VALUES")
                || head.startsWith("SHOW") || head.startsWith("EXPLAIN") || head.startsWith("PRAGMA") || head.startsWith("CALL")
                || head.startsWith("--") || head.startsWith("/*");
    }

    /** A step failed. */
    static final class StepFailure extends Exception {
        final int index;

        StepFailure(int index, Throwable cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }
    }
}
