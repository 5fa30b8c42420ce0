package dev.covet.migrations.internal.execute;

import dev.covet.migrations.internal.LogNames;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.Direction;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.dialect.Transactions;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.safety.BackupInfo;
import dev.covet.migrations.schema.SchemaState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * For MySQL, where every DDL statement commits by itself: the history row is written first as RUNNING (with the
 * server session that runs the statements) and its progress after each statement; a data statement or a
 * transactional Java step commits together with its progress write. On failure the completed operations are
 * undone by their reverses, newest first; where that is impossible the row is marked FAILED with exactly what ran.
 * The next run resumes from the row, after checking what the one statement in doubt did ({@link MySqlResume}).
 */
public final class ProgressRecordingExecutor implements MigrationExecutor {

    /** Held apart so that loading the executor does not initialize SLF4J. */
    private static final class Log {
        static final Logger INSTANCE = LoggerFactory.getLogger(LogNames.RUNNER);
    }

    private final Dialect dialect;
    private final Transactions transactions;
    private final StepRunner steps;
    private final ExecutionContext context;

    private final CrashPoints crash;

    public ProgressRecordingExecutor(Dialect dialect, StepRunner steps, ExecutionContext context) {
        this(dialect, steps, context, CrashPoints.NONE);
    }

    /** With crash points, for tests that stop a run at an exact moment. */
    public ProgressRecordingExecutor(Dialect dialect, StepRunner steps, ExecutionContext context, CrashPoints crash) {
        this.dialect = dialect;
        this.transactions = dialect.transactions();
        this.steps = steps;
        this.context = context;
        this.crash = crash;
    }

    @Override
    public ExecutionResult execute(Connection c, RenderedMigration m, HistoryRow resume) throws SQLException {
        return m.direction() == Direction.UP ? apply(c, m, resume) : rollBack(c, m);
    }

    /**
     * Applies with a RUNNING row written first and progress after every statement, so that after a kill at any
     * moment only one statement is in doubt, and {@link MySqlResume} can tell whether it ran. Data statements
     * (and transactional Java steps) commit together with their progress write.
     */
    private ExecutionResult apply(Connection c, RenderedMigration m, HistoryRow resume) throws SQLException {
        long start = System.nanoTime();
        List<Step> all = m.steps();
        ServerSession session = ServerSession.of(c);
        int from = 0;
        boolean tolerate = false;
        if (resume != null) {
            checkSameRendering(m, resume, context.history().name());
            MySqlResume.Plan plan = new MySqlResume(steps, context.lockTimeout() == null ? Duration.ofMinutes(1)
                    : context.lockTimeout()).decide(c, m, resume);
            Log.INSTANCE.info(plan.summary());
            from = plan.from();
            tolerate = plan.tolerateAlreadyDone();
        } else {
            try (PreparedStatement insert = context.history().prepareInsert(c)) {
                context.history().insert(insert, new HistoryRow(m.migration().id(), m.migration().checksum(),
                        m.migration().description(), Instant.now(), 0, context.appliedBy(), HistoryRow.RUNNING, 0,
                        StatementsFingerprint.detail(StatementsFingerprint.of(all, 0), session)));
            }
        }
        List<String> executed = new ArrayList<>();
        StatementsFingerprint.Prefix done = new StatementsFingerprint.Prefix();
        for (int k = 0; k < from; k++) {
            done.add(all.get(k));
        }
        if (resume != null) {
            // This session runs the rest now: a kill during the resume is resumed the same way.
            progress(c, m, from, done, session);
        }
        long rows = 0;
        int i = from;
        DropBackupHooks drops = DropBackupHooks.of(context, m).orElse(null);
        try {
            for (; i < all.size(); i++) {
                Step step = all.get(i);
                crash.reached(CrashPoints.Point.BEFORE_STATEMENT, i);
                if (drops != null) {
                    // The backup of a drop is taken right before it, on this connection (a resume never re-runs a
                    // drop it found done, so no backup is taken of what is gone).
                    drops.before(c, i);
                }
                done.add(step);
                if (guarded(step)) {
                    rows += runWithProgress(c, m, step, i, done, session);
                } else {
                    if (context.inTransaction() != null) {
                        // a lease lock (Galera's) is checked before each DDL statement too: a holder whose lease was
                        // taken over runs nothing more (a no-op for session locks)
                        context.inTransaction().run(c);
                    }
                    try {
                        rows += steps.run(c, step, false);
                    } catch (SQLException e) {
                        if (!(tolerate && i == from && MySqlResume.alreadyDone(e))) {
                            throw e;
                        }
                        Log.INSTANCE.info("Resuming {}: statement {} answered \"{}\": it had run before the kill, counted as"
                                + " done", m.migration().id(), i + 1, e.getMessage());
                    }
                    crash.reached(CrashPoints.Point.AFTER_STATEMENT, i);
                    progress(c, m, i + 1, done, session);
                }
                executed.add(step.display());
                crash.reached(CrashPoints.Point.AFTER_PROGRESS, i);
            }
        } catch (SQLException | RuntimeException e) {
            throw fail(c, m, i, executed, e, start, drops);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        context.history().update(c, m.migration().id(), HistoryRow.APPLIED, all.size(), ms, null);
        return new ExecutionResult(executed, rows, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Whether the step runs in a transaction with its progress write (so a kill leaves both or neither). */
    private boolean guarded(Step step) {
        if (step instanceof Step.Sql sql) {
            return MySqlStatementEffects.of(sql.sql()) instanceof StatementEffect.Data;
        }
        return steps.isTransactionalJava(step);
    }

    private long runWithProgress(Connection c, RenderedMigration m, Step step, int i, StatementsFingerprint.Prefix done,
                                 ServerSession session) throws SQLException {
        transactions.begin(c);
        long rows;
        try {
            rows = steps.run(c, step, true);
            crash.reached(CrashPoints.Point.AFTER_STATEMENT, i);
            progress(c, m, i + 1, done, session);
            if (context.inTransaction() != null) {
                // a lease lock (Galera's) is renewed with the data it guards: a holder that lost it commits nothing
                context.inTransaction().run(c);
            }
            transactions.commit(c);
        } catch (SQLException | RuntimeException e) {
            try {
                transactions.rollback(c);
                c.setAutoCommit(true);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        // Not in a finally: switching autocommit on commits, and after an Error (the process dying) nothing may.
        c.setAutoCommit(true);
        return rows;
    }

    private void progress(Connection c, RenderedMigration m, int statementsDone, StatementsFingerprint.Prefix done,
                          ServerSession session) throws SQLException {
        context.history().update(c, m.migration().id(), HistoryRow.RUNNING, statementsDone, 0,
                StatementsFingerprint.detail(done.fingerprint(), session));
    }

    /** A rollback: its statements run one by one; the history row goes when all ran (or is marked FAILED). */
    private ExecutionResult rollBack(Connection c, RenderedMigration m) throws SQLException {
        long start = System.nanoTime();
        List<Step> all = m.steps();
        List<String> executed = new ArrayList<>();
        long rows = 0;
        int i = 0;
        try {
            for (; i < all.size(); i++) {
                rows += steps.run(c, all.get(i), false);
                executed.add(all.get(i).display());
            }
        } catch (SQLException | RuntimeException e) {
            throw fail(c, m, i, executed, e, start, null);
        }
        context.history().delete(c, m.migration().id());
        return new ExecutionResult(executed, rows, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Refuses to resume when the statements that completed, as recorded, are not the first statements as rendered
     * now (an upgrade of Covet renders the migration differently): skipping by count would skip the wrong ones.
     * A row without a fingerprint (written by an earlier version) resumes by count, as it always did. A dry run
     * checks the same, so it shows the refusal a real run would meet.
     */
    static void checkSameRendering(RenderedMigration m, HistoryRow resume, String historyTable) {
        String recorded = StatementsFingerprint.recorded(resume.detail());
        int done = resume.statementsDone();
        if (recorded == null || done == 0) {
            return;
        }
        if (done <= m.steps().size() && recorded.equals(StatementsFingerprint.of(m.steps(), done))) {
            return;
        }
        throw new MigrationFailedException(m.migration().source() + " cannot resume: its history row is "
                + resume.state() + " after " + done + " of its statements ran, but this version of Covet renders the"
                + " migration differently (now " + m.steps().size() + " statement(s), and the first " + done
                + " are not the ones that ran), so resuming after statement " + done + " would skip the wrong"
                + " statements. Check the database by hand against what ran (covet status shows the row's detail), then"
                + " either undo what ran and delete the migration's row from " + historyTable + " (the next"
                + " migrate runs it from the start), or finish the remaining work by hand, delete the row and record the"
                + " migration as applied (MigrationRunner.markApplied).", List.of(), null);
    }

    /**
     * Runs one undo step. Nothing spans the migration here, so a transactional Java step runs in a transaction of
     * its own (see {@link StepRunner#run(Connection, Step, boolean)}).
     */
    private long run(Connection c, Step step) throws SQLException {
        return steps.run(c, step, false);
    }

    private MigrationFailedException fail(Connection c, RenderedMigration m, int failedIndex, List<String> executed,
                                          Exception cause, long start, DropBackupHooks drops) throws SQLException {
        String failedSql = m.steps().get(failedIndex).display();
        String what = m.migration().source() + (m.direction() == Direction.UP ? "" : " (rollback)") + " failed at statement "
                + (failedIndex + 1) + " of " + m.steps().size() + " (" + m.describeStep(failedIndex) + "): " + failedSql + "\n  "
                + cause.getMessage();
        try {
            List<String> restored = new ArrayList<>();
            List<String> leftInBackups = new ArrayList<>();
            for (UndoAction action : undoActions(m, failedIndex, drops, restored, leftInBackups)) {
                action.run(c);
            }
            if (m.direction() == Direction.UP) {
                context.history().delete(c, m.migration().id());
            }
            return new MigrationFailedException(what + "\n  MySQL commits each DDL statement, so the " + executed.size()
                    + " completed statement(s) were undone by their reverses"
                    + (restored.isEmpty() ? "" : ", and the rows dropped were put back from their backups (" + String.join(", ", restored) + ")")
                    + (leftInBackups.isEmpty() ? ": the database is as it was before. Fix the migration and run again."
                            : ": the schema is as it was before, but " + String.join("; ", leftInBackups) + ". Fix the migration and run again.")
                    , executed, cause);
        } catch (SQLException | RuntimeException undoFailure) {
            String detail = "ran " + executed.size() + " statement(s): " + executed + "; failed at statement " + (failedIndex + 1)
                    + ": " + failedSql + " (" + cause.getMessage() + "); undo impossible: " + undoFailure.getMessage();
            try {
                if (m.direction() == Direction.UP) {
                    context.history().update(c, m.migration().id(), HistoryRow.FAILED, failedIndex,
                            (System.nanoTime() - start) / 1_000_000, StatementsFingerprint.detail(detail, m.steps(), failedIndex));
                } else {
                    context.history().update(c, m.migration().id(), HistoryRow.FAILED, 0,
                            (System.nanoTime() - start) / 1_000_000, "rollback " + detail);
                }
            } catch (SQLException | RuntimeException recordFailure) {
                // The session is gone (killed, or the server ended it): the failure that names the file and the
                // database's reason is still the one to report; the next start finds the RUNNING row, if any.
                MigrationFailedException lost = new MigrationFailedException(what + "\n  The connection was lost, so the"
                        + " outcome could not be recorded; the next run checks what this one left.", executed, cause);
                lost.addSuppressed(recordFailure);
                return lost;
            }
            return new MigrationFailedException(what + "\n  The completed statements could not be undone ("
                    + undoFailure.getMessage() + "). The migration is marked FAILED with what ran; fix the cause and run"
                    + " migrate again to resume after statement " + failedIndex + ", or repair the database by hand.",
                    executed, cause);
        }
    }

    /** One thing an undo does: a statement, or putting a drop's backed-up rows back. */
    @FunctionalInterface
    private interface UndoAction {
        void run(Connection c) throws SQLException;
    }

    /**
     * The reverses of the operations that ran (the failing one too if it got part-way), newest first. Right after the
     * reverse that re-creates a dropped table or column, its backed-up rows go back: before any later reverse (a
     * foreign key re-added into that table) needs them.
     *
     * @param restored receives, as the restores run, what each put back ({@code author: 3 row(s) from backup ...})
     */
    private List<UndoAction> undoActions(RenderedMigration m, int failedIndex, DropBackupHooks drops, List<String> restored,
                                         List<String> leftInBackups) {
        List<UndoAction> undo = new ArrayList<>();
        int seen = 0;
        List<RenderedOperation> ops = m.operations();
        int lastTouched = -1;
        for (int k = 0; k < ops.size(); k++) {
            int size = ops.get(k).steps().size();
            if (seen + size > failedIndex) {
                lastTouched = failedIndex > seen ? k : k - 1;
                break;
            }
            seen += size;
        }
        for (int k = lastTouched; k >= 0; k--) {
            RenderedOperation done = ops.get(k);
            Operation op = done.operation();
            if (op == null) {
                throw new IllegalStateException("explicit forward_sql/backward_sql has no automatic reverse");
            }
            SchemaState state = done.after();
            boolean first = true;
            for (Operation reverse : op.reverse(done.before())) {
                if (reverse instanceof RunJava java) {
                    Step step = new Step.Java(java.migration(), java.backwards());
                    undo.add(c -> run(c, step));
                } else {
                    dialect.render(reverse, state).forEach(sql -> undo.add(c -> run(c, new Step.Sql(sql))));
                }
                state = reverse.applyTo(state);
                // A drop's first reverse re-creates the table or column; the indexes and keys that follow may need its rows.
                if (first && drops != null) {
                    drops.taken(done).ifPresent(backup -> {
                        if (replacesLiveRows(op, backup)) {
                            // A whole-row backup of a column's table (no key to find the rows by) would be restored by
                            // replacing every row, losing what the application wrote meanwhile: leave that to a person.
                            leftInBackups.add("the values of the dropped column are not back: they are in backup " + backup.id()
                                    + " as whole rows of a table that stayed in use; compare, then `covet backups --restore "
                                    + backup.id() + "` if nothing was written since");
                        } else {
                            undo.add(c -> restored.add(restore(c, context.dropBackups(), backup)));
                        }
                    });
                }
                first = false;
            }
        }
        return undo;
    }

    /** Whether restoring the backup would replace the rows of a table that was never dropped (a column's whole rows). */
    private static boolean replacesLiveRows(Operation op, BackupInfo backup) {
        return op instanceof DropColumn && backup.tables().stream().anyMatch(t -> t.kind() == BackupInfo.Kind.ROWS);
    }

    private static String restore(Connection c, DropBackups drops, BackupInfo backup) throws SQLException {
        boolean same = drops.restore(c, backup);
        String what = backup.tables().stream().map(BackupInfo.BackedUpTable::label).collect(Collectors.joining(", "))
                + ": " + backup.rows() + " row(s) from backup " + backup.id();
        // The rows are back either way; a different hash is worth a look, not a FAILED migration.
        return same ? what : what + ", though their checksum differs from the backup's: compare them with covet backups";
    }
}
