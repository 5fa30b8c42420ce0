package dev.covet.migrations.safety;

import dev.covet.migrations.internal.rollback.AssessedRollback;
import dev.covet.migrations.internal.backup.BackupTables;
import dev.covet.migrations.internal.rollback.RollbackAssessor;
import dev.covet.migrations.internal.rollback.SafeRollback;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.RollbackOptions;
import dev.covet.migrations.internal.execute.MigrationEngine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Rollback with a safety net, the entry point for applications: validate a rollback (risk level, rows at risk
 * counted in the database, dependants), back up what it would lose, and run it safely (validate, back up, roll back,
 * verify, restore the backup when anything fails). Each call loads the files and reads the history once
 * ({@link dev.covet.migrations.internal.execute.MigrationContext}) and shares them between those steps; the work itself is
 * done by {@link RollbackAssessor}, {@link BackupTables} and {@link SafeRollback}.
 */
public final class RollbackValidator {

    private final MigrationRunner runner;
    private final RollbackPolicy policy;

    /**
     * @param runner the runner whose migrations are rolled back
     * @param policy when to back up, whether modified files stop a rollback, how many rows at risk are HIGH risk
     */
    public RollbackValidator(MigrationRunner runner, RollbackPolicy policy) {
        this.runner = runner;
        this.policy = policy;
    }

    /** Validates rolling back the newest {@code steps} migrations. */
    public RollbackValidation validateRollback(int steps) {
        return validateRollback(RollbackOptions.steps(steps));
    }

    /** Validates a rollback by steps or to a target. */
    public RollbackValidation validateRollback(RollbackOptions options) {
        return assess(options).validation();
    }

    /** What a rollback of {@code steps} would do: the tables it changes, rows at risk, its SQL and risk. */
    public DryRunRollback dryRunRollback(int steps) {
        AssessedRollback assessed = assess(RollbackOptions.steps(steps));
        RollbackValidation v = assessed.validation();
        Set<String> tables = new LinkedHashSet<>(v.dataAtRisk().keySet());
        tables.addAll(assessed.affectedTables());
        return new DryRunRollback(new ArrayList<>(tables), v.dataAtRisk(), v.sql(), v.riskLevel());
    }

    /** Backs up the tables a rollback of {@code steps} would change. */
    public String createBackup(int steps) {
        return createBackup(steps, null);
    }

    /**
     * Backs up the given tables, or (when {@code tables} is null) those a rollback of {@code steps} changes.
     *
     * @return the backup id
     */
    public String createBackup(int steps, Set<String> tables) {
        AssessedRollback assessed = assess(RollbackOptions.steps(steps));
        return backups().create(String.join(",", assessed.migrationIds()),
                tables == null ? assessed.affectedTables() : tables).id();
    }

    /** Restores a backup; true when every table verified identical. */
    public boolean restoreBackup(String backupId) {
        return backups().restore(backupId);
    }

    /**
     * Validates, backs up, rolls back, verifies, and restores the backup when anything fails.
     *
     * @param steps how many migrations to roll back
     * @param force proceed even when the risk is HIGH or CRITICAL-but-renderable
     * @param backupId an existing backup to use, or {@code null} to take one
     */
    public SafeRollbackResult safeRollback(int steps, boolean force, String backupId) {
        return safeRollback(RollbackOptions.steps(steps), force, backupId);
    }

    /**
     * A safe rollback by steps or to a target.
     *
     * @param options steps or target (a dry run is refused: use {@link #validateRollback(RollbackOptions)})
     * @param force proceed even when the risk is HIGH or CRITICAL-but-renderable
     * @param backupId an existing backup to use, or {@code null} to take one
     */
    public SafeRollbackResult safeRollback(RollbackOptions options, boolean force, String backupId) {
        if (options.dryRun()) {
            throw new IllegalArgumentException("a safe rollback runs; validate a rollback to see what it would do");
        }
        MigrationEngine engine = engine();
        return new SafeRollback(engine, assessor(engine), backups(), policy.backupEveryRollback()).run(options, force, backupId);
    }

    private AssessedRollback assess(RollbackOptions options) {
        MigrationEngine engine = engine();
        return assessor(engine).assess(engine.load(), options);
    }

    private MigrationEngine engine() {
        return new MigrationEngine(runner.config());
    }

    private RollbackAssessor assessor(MigrationEngine engine) {
        return new RollbackAssessor(engine, runner.config().dataSource(), policy.verifyChecksums(), policy.maxDataLossRows());
    }

    private BackupTables backups() {
        return new BackupTables(runner.config().dataSource(), runner.dialect(), runner.config().tablePrefix());
    }
}
