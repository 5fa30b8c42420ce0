package dev.covet.migrations.safety;

import java.util.List;
import java.util.Map;

/**
 * The verdict on a rollback before it runs.
 *
 * @param isSafe whether it may run without --force: no errors and risk at most MEDIUM (MEDIUM runs with a backup)
 * @param errors what stops it
 * @param riskLevel the highest risk found
 * @param dataAtRisk rows at risk per table (counted in the database)
 * @param recommendations what to do before rolling back
 * @param dependencies applied migrations and tables that depend on what is rolled back
 * @param migrations the migrations that would be rolled back, newest first
 * @param sql the statements the rollback would run
 * @param findings every finding, with its reason
 */
public record RollbackValidation(boolean isSafe, List<String> errors, RollbackRisk riskLevel, Map<String, Long> dataAtRisk,
                                 List<String> recommendations, List<String> dependencies, List<String> migrations,
                                 List<String> sql, List<RiskFinding> findings) {
    public RollbackValidation {
        errors = List.copyOf(errors);
        dataAtRisk = Map.copyOf(dataAtRisk);
        recommendations = List.copyOf(recommendations);
        dependencies = List.copyOf(dependencies);
        migrations = List.copyOf(migrations);
        sql = List.copyOf(sql);
        findings = List.copyOf(findings);
    }

    /** Total rows at risk. */
    public long totalRowsAtRisk() {
        return dataAtRisk.values().stream().mapToLong(Long::longValue).sum();
    }
}
