package dev.covet.migrations;

import java.util.List;

/**
 * What {@link MigrationRunner#migrate} did.
 *
 * @param applied the migrations applied in order (in a dry run: the ones that would be, with their SQL)
 * @param dryRun whether nothing was changed
 */
public record MigrateResult(List<ExecutedMigration> applied, boolean dryRun) {
    public MigrateResult {
        applied = List.copyOf(applied);
    }
}
