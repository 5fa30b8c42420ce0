package dev.covet.migrations.internal.execute;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.Map;

/**
 * Where a database stands: the migrations in dependency order, which are applied, which are pending.
 *
 * @param ordered every effective migration in dependency order (squashed ones resolved)
 * @param applied applied migrations in the order they were applied
 * @param pending migrations to apply, in order
 * @param history history rows by migration
 * @param stateAfterApplied the schema the applied migrations project
 * @param resolvedAsApplied squashed migrations whose replaced migrations are all applied, to be recorded
 * @param deferredSquashes squashed migrations left out because the database is part-way through their originals;
 *        recorded as applied once a run completes the originals
 */
public record MigrationPlan(List<Migration> ordered, List<Migration> applied, List<Migration> pending,
                            Map<MigrationId, HistoryRow> history, SchemaState stateAfterApplied,
                            List<Migration> resolvedAsApplied, List<Migration> deferredSquashes) {
    public MigrationPlan {
        ordered = List.copyOf(ordered);
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        resolvedAsApplied = List.copyOf(resolvedAsApplied);
        deferredSquashes = List.copyOf(deferredSquashes);
    }
}
