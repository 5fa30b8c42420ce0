package dev.covet.migrations.report;

import dev.covet.migrations.ExecutedMigration;

import java.util.List;

/**
 * One migration in a plan: an entry of {@code GET /actuator/migrations/plan} and of {@code covet migrate --json}.
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
