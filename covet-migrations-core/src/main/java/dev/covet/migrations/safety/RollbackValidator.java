package dev.covet.migrations.safety;

import dev.covet.migrations.internal.rollback.RiskAnalyzer;
import dev.covet.migrations.internal.rollback.SchemaComparison;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.RollbackOptions;
import dev.covet.migrations.RollbackResult;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.internal.execute.MigrationEngine;
import dev.covet.migrations.internal.execute.MigrationPlanner;
import dev.covet.migrations.internal.execute.MigrationRenderer;
import dev.covet.migrations.internal.execute.RenderedMigration;
import dev.covet.migrations.internal.execute.RenderedOperation;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.internal.history.HistoryTable;
import dev.covet.migrations.introspect.SchemaReader;
import dev.covet.migrations.internal.loader.MigrationLoader;
import dev.covet.migrations.internal.loader.MigrationSource;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaState;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rollback with a safety net: validate (risk level, rows at risk counted in the database, dependants), back
 * up what would be lost, roll back, verify the schema is what the remaining migrations project, and restore
 * the backup automatically when anything fails.
 */
public final class RollbackValidator {

    private final MigrationRunner runner;
    private final boolean requireBackup;
    private final boolean verifyChecksums;
    private final long maxDataLossRows;

    /**
     * @param runner the runner whose migrations are rolled back
     * @param requireBackup always back up before rolling back (else only when rows are at risk)
     * @param verifyChecksums refuse when applied files were modified
     * @param maxDataLossRows rows at risk above which a rollback is HIGH risk
     */
    public RollbackValidator(MigrationRunner runner, boolean requireBackup, boolean verifyChecksums, long maxDataLossRows) {
        this.runner = runner;
        this.requireBackup = requireBackup;
        this.verifyChecksums = verifyChecksums;
        this.maxDataLossRows = maxDataLossRows;
    }

    private MigrationEngine engine() {
        return new MigrationEngine(runner.config());
    }

    private Dialect dialect() {
        return runner.dialect();
    }

    private BackupStore backups() {
        return new BackupStore(runner.config().dataSource(), dialect(), runner.config().tablePrefix());
    }

    /** Validates rolling back the newest {@code steps} migrations. */
    public RollbackValidation validateRollback(int steps) {
        return validateRollback(RollbackOptions.steps(steps));
    }

    /** Validates a rollback by steps or to a target. */
    public RollbackValidation validateRollback(RollbackOptions options) {
        List<String> errors = new ArrayList<>();
        List<RenderedMigration> rendered;
        try (Connection c = runner.config().dataSource().getConnection()) {
            List<HistoryRow> rows = new HistoryTable(dialect(), runner.config().tablePrefix()).readAll(c);
            try {
                rendered = engine().renderRollback(sources(), rows, options);
            } catch (MigrationException e) {
                boolean modified = e.getMessage().contains("modified after they were applied");
                if (modified && !verifyChecksums) {
                    throw e;
                }
                errors.add(e.getMessage());
                RollbackRisk risk = modified ? RollbackRisk.HIGH : RollbackRisk.CRITICAL;
                return new RollbackValidation(false, errors, risk, Map.of(),
                        List.of(risk == RollbackRisk.CRITICAL ? "Irreversible: write a reverse (reverse_sql/backward_sql) or restore a backup by hand"
                                : "Restore the modified files before rolling back"), List.of(), List.of(), List.of(),
                        List.of(new RiskFinding(risk, null, 0, e.getMessage(), null)));
            }
            List<RiskFinding> findings = new RiskAnalyzer(dialect(), maxDataLossRows).analyze(c, rendered);
            return verdict(rendered, findings, errors);
        } catch (SQLException e) {
            throw new MigrationException("cannot validate the rollback: " + e.getMessage(), e);
        }
    }

    private RollbackValidation verdict(List<RenderedMigration> rendered, List<RiskFinding> findings, List<String> errors) {
        RollbackRisk risk = RollbackRisk.SAFE;
        Map<String, Long> atRisk = new LinkedHashMap<>();
        Set<String> recommendations = new LinkedHashSet<>();
        List<String> dependencies = new ArrayList<>();
        for (RiskFinding f : findings) {
            risk = risk.max(f.risk());
            if (f.rows() > 0 && f.table() != null) {
                atRisk.merge(f.table(), f.rows(), Long::sum);
            }
            if (f.recommendation() != null) {
                recommendations.add(f.recommendation());
            }
            if (f.message().contains("has a foreign key into")) {
                dependencies.add(f.message());
            }
            if (f.risk() == RollbackRisk.HIGH && f.message().contains("would fail")) {
                errors.add(f.message());
            }
        }
        if (risk.ordinal() >= RollbackRisk.MEDIUM.ordinal()) {
            recommendations.add("A backup is taken before rolling back (" + risk + " risk)");
        }
        if (risk.ordinal() >= RollbackRisk.HIGH.ordinal()) {
            recommendations.add("Risk is " + risk + ": roll back with --force only after testing in staging");
        }
        boolean safe = errors.isEmpty() && risk.ordinal() <= RollbackRisk.MEDIUM.ordinal();
        List<String> sql = rendered.stream().flatMap(r -> r.sql().stream()).toList();
        List<String> migrations = rendered.stream().map(r -> r.migration().id().toString()).toList();
        return new RollbackValidation(safe, errors, risk, atRisk, new ArrayList<>(recommendations), dependencies, migrations, sql, findings);
    }

    /** What a rollback of {@code steps} would do. */
    public DryRunRollback dryRunRollback(int steps) {
        RollbackValidation v = validateRollback(steps);
        Set<String> tables = new LinkedHashSet<>(v.dataAtRisk().keySet());
        try (Connection c = runner.config().dataSource().getConnection()) {
            List<HistoryRow> rows = new HistoryTable(dialect(), runner.config().tablePrefix()).readAll(c);
            if (v.errors().isEmpty() || v.riskLevel() != RollbackRisk.CRITICAL) {
                for (RenderedMigration r : engine().renderRollback(sources(), rows, RollbackOptions.steps(steps))) {
                    tables.addAll(affectedTables(r));
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot plan the rollback: " + e.getMessage(), e);
        }
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
        Set<String> chosen = tables;
        List<String> migrations = new ArrayList<>();
        try (Connection c = runner.config().dataSource().getConnection()) {
            List<HistoryRow> rows = new HistoryTable(dialect(), runner.config().tablePrefix()).readAll(c);
            List<RenderedMigration> rendered = engine().renderRollback(sources(), rows, RollbackOptions.steps(steps));
            rendered.forEach(r -> migrations.add(r.migration().id().toString()));
            if (chosen == null) {
                chosen = new LinkedHashSet<>();
                for (RenderedMigration r : rendered) {
                    chosen.addAll(affectedTables(r));
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot plan the backup: " + e.getMessage(), e);
        }
        return backups().create(String.join(",", migrations), chosen).id();
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
        long start = System.nanoTime();
        RollbackValidation validation = validateRollback(steps);
        if (!validation.isSafe() && !force) {
            return new SafeRollbackResult(false, elapsed(start), refusal(validation), null, false, validation, List.of());
        }
        if (validation.riskLevel() == RollbackRisk.CRITICAL && validation.sql().isEmpty()) {
            return new SafeRollbackResult(false, elapsed(start), validation.errors(), null, false, validation, List.of());
        }
        String backup = backupId;
        if (backup == null && (requireBackup || validation.riskLevel().ordinal() >= RollbackRisk.MEDIUM.ordinal())) {
            backup = createBackup(steps);
        }
        List<String> errors = new ArrayList<>();
        SchemaState expected = null;
        RollbackResult result = null;
        try {
            result = runner.rollback(steps);
            expected = projectedSchema();
            SchemaState actual = readSchema();
            if (!SchemaComparison.sameShape(expected, actual)) {
                errors.add("after the rollback the schema differs from what the remaining migrations project: "
                        + SchemaComparison.describe(expected, actual));
            }
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
        }
        List<String> rolledBack = result == null ? List.of() : result.rolledBack().stream().map(e -> e.id().toString()).toList();
        if (errors.isEmpty()) {
            return new SafeRollbackResult(true, elapsed(start), List.of(), backup, false, validation, rolledBack);
        }
        boolean restored = false;
        if (backup != null) {
            try {
                // Bring the schema back by re-applying what was rolled back, then the rows from the backup.
                runner.migrate();
                restored = backups().restore(backup);
                if (!restored) {
                    errors.add("the restored data does not match the backup's checksums");
                }
            } catch (RuntimeException e) {
                errors.add("restoring backup " + backup + " failed: " + e.getMessage());
            }
        }
        return new SafeRollbackResult(false, elapsed(start), errors, backup, restored, validation, rolledBack);
    }

    private SchemaState projectedSchema() {
        try (Connection c = runner.config().dataSource().getConnection()) {
            List<HistoryRow> rows = new HistoryTable(dialect(), runner.config().tablePrefix()).readAll(c);
            return new MigrationPlanner(
                    new MigrationRenderer(dialect(), runner.config().javaMigrations()))
                    .plan(sources(), rows).stateAfterApplied();
        } catch (SQLException e) {
            throw new MigrationException(e.getMessage(), e);
        }
    }

    private SchemaState readSchema() {
        try (Connection c = runner.config().dataSource().getConnection()) {
            return SchemaReader.forDialect(dialect()).read(c, runner.config().tablePrefix());
        } catch (SQLException e) {
            throw new MigrationException(e.getMessage(), e);
        }
    }

    private static List<String> refusal(RollbackValidation v) {
        List<String> errors = new ArrayList<>(v.errors());
        errors.add("rollback refused: risk " + v.riskLevel() + " (" + v.riskLevel().description() + "), "
                + v.totalRowsAtRisk() + " row(s) at risk " + v.dataAtRisk() + ". " + v.riskLevel().action()
                + "; then roll back with --force.");
        return errors;
    }

    private static Set<String> affectedTables(RenderedMigration r) {
        Set<String> tables = new LinkedHashSet<>();
        for (RenderedOperation op : r.operations()) {
            if (op.operation() != null) {
                tables.addAll(op.operation().tables());
            }
        }
        // Raw SQL is opaque: back up every table the migration itself touched.
        for (Operation op : r.migration().operations()) {
            tables.addAll(op.tables());
        }
        return tables;
    }

    private List<MigrationSource> sources() {
        return new MigrationLoader(runner.config().classLoader()).list(runner.config().locations());
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
