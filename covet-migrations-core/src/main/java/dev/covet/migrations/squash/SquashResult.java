package dev.covet.migrations.squash;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;

import java.util.List;

/**
 * The outcome of {@link MigrationSquasher#squashMigrations}, with the seed's fields.
 *
 * @param isValid whether the squashed migration can replace the originals (no conflicts)
 * @param originalCount how many migrations it replaces
 * @param operationCountBefore operations in the replaced migrations
 * @param operationCountAfter operations in the squashed one
 * @param optimizationRatio the reduction in percent (0 to 100)
 * @param conflicts why it cannot be used, when it cannot
 * @param squashedMigration the squashed migration ({@code null} when there was nothing to squash)
 * @param replaced the ids it replaces, in order
 * @param preserved the recent migrations kept as they are
 */
public record SquashResult(boolean isValid, int originalCount, int operationCountBefore, int operationCountAfter,
                           double optimizationRatio, List<String> conflicts, Migration squashedMigration,
                           List<MigrationId> replaced, List<MigrationId> preserved) {

    public SquashResult {
        conflicts = List.copyOf(conflicts);
        replaced = List.copyOf(replaced);
        preserved = List.copyOf(preserved);
    }
}
