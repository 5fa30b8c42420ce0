package dev.covet.migrations;

import java.util.List;

/**
 * What {@link MigrationRunner#repair(boolean)} changed in the history table, or in a dry run would change.
 *
 * @param changes each realigned checksum and each removed FAILED row, in history order
 * @param dryRun whether nothing was changed
 */
public record RepairResult(List<RepairChange> changes, boolean dryRun) {

    public RepairResult {
        changes = List.copyOf(changes);
    }

    /** Whether the history needed no repair. */
    public boolean nothingToRepair() {
        return changes.isEmpty();
    }
}
