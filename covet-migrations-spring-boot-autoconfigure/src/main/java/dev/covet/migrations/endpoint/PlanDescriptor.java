package dev.covet.migrations.endpoint;

import dev.covet.migrations.ExecutedMigration;
import dev.covet.migrations.MigrateResult;

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

    /**
     * One migration in a plan.
     *
     * @param id the migration id
     * @param description its description
     * @param direction UP or DOWN
     * @param sql the statements it would run
     */
    public record PlannedMigration(String id, String description, String direction, List<String> sql) {

        /**
         * The planned form of an executed (or would-be executed) migration.
         *
         * @param migration the migration
         * @return its plan entry
         */
        public static PlannedMigration of(ExecutedMigration migration) {
            return new PlannedMigration(migration.id().toString(), migration.description(),
                    migration.direction().name(), migration.sql());
        }
    }
}
