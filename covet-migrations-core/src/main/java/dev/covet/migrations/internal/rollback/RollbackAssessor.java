package dev.covet.migrations.internal.rollback;

import dev.covet.migrations.safety.RiskFinding;
import dev.covet.migrations.safety.RollbackRisk;
import dev.covet.migrations.safety.RollbackValidation;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.RollbackOptions;
import dev.covet.migrations.internal.execute.MigrationContext;
import dev.covet.migrations.internal.execute.MigrationEngine;
import dev.covet.migrations.internal.execute.RenderedMigration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a rollback before it runs: renders it from the call's context, counts the rows at risk in the database,
 * and turns the findings into a risk level, errors and recommendations.
 */
public final class RollbackAssessor {

    private final MigrationEngine engine;
    private final DataSource dataSource;
    private final boolean verifyChecksums;
    private final long maxDataLossRows;

    public RollbackAssessor(MigrationEngine engine, DataSource dataSource, boolean verifyChecksums, long maxDataLossRows) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.verifyChecksums = verifyChecksums;
        this.maxDataLossRows = maxDataLossRows;
    }

    /**
     * @throws MigrationException when the target is unknown or not applied: a mistaken request, not a risky
     *         rollback, so it is not reported as one
     */
    public AssessedRollback assess(MigrationContext context, RollbackOptions options) {
        requireAppliedTarget(context, options.target());
        List<RenderedMigration> rendered;
        try {
            rendered = engine.renderRollback(context, options);
        } catch (MigrationException e) {
            return unrenderable(e);
        }
        try (Connection c = dataSource.getConnection()) {
            List<RiskFinding> findings = new RiskAnalyzer(engine.dialect(), maxDataLossRows).analyze(c, rendered);
            return new AssessedRollback(verdict(rendered, findings), rendered);
        } catch (SQLException e) {
            throw new MigrationException("cannot validate the rollback: " + e.getMessage(), e);
        }
    }

    private static void requireAppliedTarget(MigrationContext context, MigrationId target) {
        if (target == null) {
            return;
        }
        // The plan's applied list, as the rollback counts: it includes a squash standing for its applied originals.
        if (context.plan().applied().stream().anyMatch(m -> m.id().equals(target))) {
            return;
        }
        boolean known = context.historyById().containsKey(target)
                || context.sources().stream().anyMatch(s -> s.id().equals(target));
        throw new MigrationException(known
                ? "rollback target " + target + " is not applied: only an applied migration can be rolled back to (see covet status)"
                : "rollback target " + target + " is not a known migration: no file and no history row has this id (see covet status)");
    }

    /** A rollback that cannot even be rendered: modified files (HIGH) or an irreversible migration (CRITICAL). */
    private AssessedRollback unrenderable(MigrationException e) {
        boolean modified = e.getMessage().contains("modified after they were applied");
        if (modified && !verifyChecksums) {
            throw e;
        }
        RollbackRisk risk = modified ? RollbackRisk.HIGH : RollbackRisk.CRITICAL;
        String advice = risk == RollbackRisk.CRITICAL
                ? "Irreversible: write a reverse (reverse_sql/backward_sql) or restore a backup by hand"
                : "Restore the modified files before rolling back (or, if the edit was intended and the database"
                        + " matches it, run covet repair)";
        RollbackValidation validation = new RollbackValidation(false, List.of(e.getMessage()), risk, Map.of(),
                List.of(advice), List.of(), List.of(), List.of(), List.of(new RiskFinding(risk, null, 0, e.getMessage(), null)));
        return new AssessedRollback(validation, List.of());
    }

    private static RollbackValidation verdict(List<RenderedMigration> rendered, List<RiskFinding> findings) {
        List<String> errors = new ArrayList<>();
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
}
