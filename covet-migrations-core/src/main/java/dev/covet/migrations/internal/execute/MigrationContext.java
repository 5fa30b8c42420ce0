package dev.covet.migrations.internal.execute;

import dev.covet.migrations.MigrationId;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.internal.loader.MigrationSource;

import java.util.List;
import java.util.Map;

/**
 * What one call works from: the migration files, listed and hashed once; the history as read from the database;
 * and the plan made of both, worked out once when first asked for. Status, validation, drift, a safe rollback's
 * validation, backup and execution all take the same context instead of listing the files and reading the history
 * again each.
 *
 * <p>A change of the database (a migration applied or rolled back, or another instance's work seen under the lock)
 * is a new history: {@link #withHistory} keeps the files and plans again.
 */
public final class MigrationContext {

    private final List<MigrationSource> sources;
    private final List<HistoryRow> history;
    private final boolean historyTableExists;
    private final MigrationRenderer renderer;
    private MigrationPlan plan;
    private Map<MigrationId, HistoryRow> historyById;

    MigrationContext(List<MigrationSource> sources, List<HistoryRow> history, MigrationRenderer renderer) {
        this.sources = List.copyOf(sources);
        this.historyTableExists = history != null;
        this.history = history == null ? List.of() : List.copyOf(history);
        this.renderer = renderer;
    }

    /** The migration files, in the order listed. */
    public List<MigrationSource> sources() {
        return sources;
    }

    /** The history rows in the order applied; none when the history table does not exist yet. */
    public List<HistoryRow> history() {
        return history;
    }

    /** Whether the database has a history table (a database never migrated has none). */
    public boolean historyTableExists() {
        return historyTableExists;
    }

    /** The history rows by migration id. */
    public Map<MigrationId, HistoryRow> historyById() {
        if (historyById == null) {
            historyById = MigrationEngine.byId(history);
        }
        return historyById;
    }

    /** The files against the history: applied, pending, and the schema the applied ones project. */
    public MigrationPlan plan() {
        if (plan == null) {
            plan = new MigrationPlanner(renderer).plan(sources, history);
        }
        return plan;
    }

    /** The same files with the history as read again. */
    public MigrationContext withHistory(List<HistoryRow> rows) {
        return new MigrationContext(sources, rows, renderer);
    }

    MigrationRenderer renderer() {
        return renderer;
    }
}
