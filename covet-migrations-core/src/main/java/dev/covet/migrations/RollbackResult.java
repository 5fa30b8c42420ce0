package dev.covet.migrations;

import java.util.List;

/**
 * What {@link MigrationRunner#rollback} did.
 *
 * @param rolledBack the migrations undone, newest first (in a dry run: the ones that would be, with their SQL)
 * @param dryRun whether nothing was changed
 */
public record RollbackResult(List<ExecutedMigration> rolledBack, boolean dryRun) {
    public RollbackResult {
        rolledBack = List.copyOf(rolledBack);
    }
}
