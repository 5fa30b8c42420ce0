package dev.covet.migrations.internal.rollback;

import dev.covet.migrations.internal.backup.BackupTables;
import dev.covet.migrations.safety.RollbackRisk;
import dev.covet.migrations.safety.RollbackValidation;
import dev.covet.migrations.safety.SafeRollbackResult;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.RollbackOptions;
import dev.covet.migrations.RollbackResult;
import dev.covet.migrations.internal.execute.MigrationContext;
import dev.covet.migrations.internal.execute.MigrationEngine;
import dev.covet.migrations.internal.execute.MigrationInspector;
import dev.covet.migrations.schema.SchemaState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One safe rollback, from one context: assess it, back up what it puts at risk, roll back, check the schema is what
 * the remaining migrations project, and bring schema and rows back from the backup when anything failed.
 */
public final class SafeRollback {

    private final MigrationEngine engine;
    private final RollbackAssessor assessor;
    private final BackupTables backups;
    private final boolean requireBackup;

    public SafeRollback(MigrationEngine engine, RollbackAssessor assessor, BackupTables backups, boolean requireBackup) {
        this.engine = engine;
        this.assessor = assessor;
        this.backups = backups;
        this.requireBackup = requireBackup;
    }

    public SafeRollbackResult run(RollbackOptions options, boolean force, String backupId) {
        long start = System.nanoTime();
        MigrationContext context = engine.load();
        AssessedRollback assessed = assessor.assess(context, options);
        RollbackValidation validation = assessed.validation();
        if (!validation.isSafe() && !force) {
            return new SafeRollbackResult(false, elapsed(start), refusal(validation), null, false, validation, List.of());
        }
        if (validation.riskLevel() == RollbackRisk.CRITICAL && validation.sql().isEmpty()) {
            return new SafeRollbackResult(false, elapsed(start), validation.errors(), null, false, validation, List.of());
        }
        if (!options.dryRun()) {
            // Before the backup, which writes too: on a standby the refusal names the problem, not a failed copy.
            engine.refuseReadOnly("roll back");
        }
        String backup = backupId;
        if (backup == null && (requireBackup || validation.riskLevel().ordinal() >= RollbackRisk.MEDIUM.ordinal())) {
            backup = backups.create(String.join(",", assessed.migrationIds()), assessed.affectedTables()).id();
        }
        List<String> errors = new ArrayList<>();
        RollbackResult result = null;
        try {
            result = engine.rollback(context, options);
            SchemaState expected = engine.reload(context).plan().stateAfterApplied();
            SchemaState actual = new MigrationInspector(engine).liveSchema();
            if (!SchemaComparison.sameShape(expected, actual, engine.dialect())) {
                errors.add("after the rollback the schema differs from what the remaining migrations project: "
                        + SchemaComparison.describe(expected, actual, engine.dialect()));
            }
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
        }
        List<String> rolledBack = result == null ? List.of() : result.rolledBack().stream().map(e -> e.id().toString()).toList();
        if (errors.isEmpty()) {
            return new SafeRollbackResult(true, elapsed(start), List.of(), backup, false, validation, rolledBack);
        }
        boolean restored = backup != null && restore(backup, errors);
        return new SafeRollbackResult(false, elapsed(start), errors, backup, restored, validation, rolledBack);
    }

    /** Brings the schema back by re-applying what was rolled back, then the rows from the backup. */
    private boolean restore(String backup, List<String> errors) {
        try {
            engine.migrate(MigrateOptions.all());
            boolean restored = backups.restore(backup);
            if (!restored) {
                errors.add("the restored data does not match the backup's checksums");
            }
            return restored;
        } catch (RuntimeException e) {
            errors.add("restoring backup " + backup + " failed: " + e.getMessage());
            return false;
        }
    }

    private static List<String> refusal(RollbackValidation v) {
        List<String> errors = new ArrayList<>(v.errors());
        errors.add("rollback refused: risk " + v.riskLevel() + " (" + v.riskLevel().description() + "), "
                + v.totalRowsAtRisk() + " row(s) at risk " + v.dataAtRisk() + ". " + v.riskLevel().action()
                + "; then roll back with --force.");
        return errors;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
