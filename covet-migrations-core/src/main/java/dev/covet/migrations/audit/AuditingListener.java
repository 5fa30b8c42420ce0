package dev.covet.migrations.audit;

import dev.covet.migrations.internal.audit.Interruption;
import dev.covet.migrations.MigrationEvent;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationListener;
import dev.covet.migrations.RepairChange;
import dev.covet.migrations.RunStartEvent;
import dev.covet.migrations.HistoryRow;

import java.util.HashMap;
import java.util.List;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every migration the runner applies or rolls back in the {@link MigrationAuditLog}: register it with
 * {@code MigrationRunner.builder(ds).listener(new AuditingListener(log, executor, environment, metadata))}.
 */
public final class AuditingListener implements MigrationListener {

    private final MigrationAuditLog log;
    private final String executor;
    private final String environment;
    private final Map<String, String> metadata;
    private final Map<MigrationId, Long> running = new ConcurrentHashMap<>();

    public AuditingListener(MigrationAuditLog log, String executor, String environment, Map<String, String> metadata) {
        this.log = log;
        this.executor = executor;
        this.environment = environment;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The audit trail must miss nothing: a row that cannot be written fails the run. */
    @Override
    public boolean required() {
        return true;
    }

    /** Closes the rows of dead attempts (RUNNING under the lock) as INTERRUPTED, with what the history says of each. */
    @Override
    public void onRunStart(RunStartEvent event) {
        Map<String, HistoryRow> rows = new HashMap<>();
        event.history().forEach(r -> rows.put(r.id().toString(), r));
        Map<String, List<String>> run = new HashMap<>();
        event.statementsRun().forEach((id, sql) -> run.put(id.toString(), sql));
        log.closeInterrupted(name -> known(rows.get(name), run.get(name)), executor);
    }

    private static Interruption known(HistoryRow row, List<String> statementsRun) {
        if (row == null) {
            return new Interruption(List.of(), "The migration has no history row: nothing of it remains applied (its"
                    + " transaction was rolled back, or it was rolled back completely).");
        }
        if (row.isApplied()) {
            return new Interruption(List.of(), "Its history row says APPLIED: the migration (or the rollback that was"
                    + " interrupted, which its transaction undid) is in place.");
        }
        return new Interruption(statementsRun == null ? List.of() : statementsRun, "Its history row is " + row.state()
                + " with " + row.statementsDone() + " statement(s) completed (MySQL commits each statement); the next run"
                + " checks the one in doubt and resumes after it.");
    }

    @Override
    public void onStart(MigrationEvent event) {
        running.put(event.id(), log.recordExecutionStart(event.id(), event.direction(), executor, environment, metadata));
    }

    @Override
    public void onSuccess(MigrationEvent event) {
        complete(event, true);
    }

    @Override
    public void onFailure(MigrationEvent event) {
        complete(event, false);
    }

    @Override
    public void onRepair(RepairChange change) {
        log.recordRepair(change, executor, environment, metadata);
    }

    private void complete(MigrationEvent event, boolean success) {
        Long id = running.remove(event.id());
        if (id != null) {
            log.recordExecutionComplete(id, success, event.duration(), event.affectedRows(), event.sql(),
                    event.error() == null ? null : event.error().getMessage());
        }
    }
}
