package dev.covet.migrations.endpoint;

import dev.covet.migrations.MigrateResult;
import dev.covet.migrations.report.PlannedMigration;

import java.util.List;

/**
 * What migrating would do (a dry run): the body of {@code GET /actuator/migrations/plan}.
 *
 * @param dialect the database dialect
 * @param pending the migrations that would be applied, in order, with their SQL
 */
public record PlanDescriptor(String dialect, List<PlannedMigration> pending) {

    /**
     * The plan of a dry-run result.
     *
     * @param dialect the dialect name
     * @param result the dry run's result
     * @return the plan
     */
    public static PlanDescriptor of(String dialect, MigrateResult result) {
        return new PlanDescriptor(dialect, result.applied().stream().map(PlannedMigration::of).toList());
    }
}
