package dev.covet.migrations.internal.execute;

import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.RepairChange;
import dev.covet.migrations.RepairResult;
import dev.covet.migrations.internal.LogNames;
import dev.covet.migrations.internal.history.HistoryTable;
import dev.covet.migrations.internal.loader.MigrationSource;
import dev.covet.migrations.lock.MigrationLock;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code covet repair}: makes the history agree with files edited on purpose (their checksums recorded again) and
 * forgets FAILED attempts the user cleaned up by hand (their rows deleted, so the migration is pending again). RUNNING
 * rows are left alone: they belong to a killed MySQL attempt that the next migrate resumes. Internal: use the runner.
 */
final class MigrationRepair {

    private final MigrationEngine engine;

    MigrationRepair(MigrationEngine engine) {
        this.engine = engine;
    }

    RepairResult repair(boolean dryRun) {
        List<MigrationSource> sources = engine.sources();
        HistoryTable history = engine.history();
        if (dryRun) {
            try (MigrationEngine.OpenConnection open = engine.connect()) {
                List<HistoryRow> rows = engine.readIfExists(open.connection(), history);
                return new RepairResult(changes(sources, rows == null ? List.of() : rows), true);
            } catch (SQLException e) {
                throw new MigrationException("cannot read the history for repair: " + e.getMessage(), e);
            }
        }
        engine.refuseReadOnly("repair");
        MigrationLock lock = engine.lock();
        try (MigrationLock.Held ignored = lock.acquire(engine.config().lockTimeout());
             MigrationEngine.OpenConnection open = engine.connect()) {
            Connection c = open.connection();
            // Read under the lock: another instance may have migrated meanwhile.
            List<HistoryRow> rows = engine.readIfExists(c, history);
            List<RepairChange> changes = changes(sources, rows == null ? List.of() : rows);
            for (RepairChange change : changes) {
                apply(c, history, change);
                // Each row commits on its own, so each is audited as soon as it is made.
                engine.notify(l -> l.onRepair(change));
                LoggerFactory.getLogger(LogNames.RUNNER).info("Repaired {}", change.describe());
            }
            return new RepairResult(changes, false);
        } catch (SQLException e) {
            throw new MigrationException("repair failed: " + e.getMessage(), e);
        }
    }

    private static void apply(Connection c, HistoryTable history, RepairChange change) throws SQLException {
        switch (change.kind()) {
            case CHECKSUM_REALIGNED -> history.updateChecksum(c, change.id(), change.newChecksum());
            case FAILED_ROW_REMOVED -> history.delete(c, change.id());
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /**
     * The changes the history needs, in history order; refuses, changing nothing, when an applied migration has no
     * file (its checksum cannot be read, and deleting the row would make the history lie).
     */
    static List<RepairChange> changes(List<MigrationSource> sources, List<HistoryRow> rows) {
        Map<MigrationId, MigrationSource> byId = new LinkedHashMap<>();
        sources.forEach(s -> byId.put(s.id(), s));
        requireFiles(sources, rows, byId);
        List<RepairChange> changes = new ArrayList<>();
        for (HistoryRow row : rows) {
            MigrationSource source = byId.get(row.id());
            if (row.isApplied() && source != null && !source.checksum().equals(row.checksum())) {
                changes.add(new RepairChange(row.id(), RepairChange.Kind.CHECKSUM_REALIGNED, row.checksum(),
                        source.checksum(), row.state()));
            } else if (HistoryRow.FAILED.equals(row.state())) {
                changes.add(new RepairChange(row.id(), RepairChange.Kind.FAILED_ROW_REMOVED, row.checksum(), null,
                        row.state()));
            }
        }
        return changes;
    }

    private static void requireFiles(List<MigrationSource> sources, List<HistoryRow> rows,
                                     Map<MigrationId, MigrationSource> byId) {
        List<HistoryRow> unread = rows.stream().filter(r -> r.isApplied() && !byId.containsKey(r.id())).toList();
        if (unread.isEmpty()) {
            return;
        }
        // Originals a squash replaced may lose their files on purpose: those are not missing.
        Set<MigrationId> replaced = new HashSet<>();
        sources.stream().map(MigrationSource::parse).forEach(m -> replaced.addAll(m.replaces()));
        List<MigrationId> missing = unread.stream().map(HistoryRow::id).filter(id -> !replaced.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new MigrationException("cannot repair: applied migration(s) " + missing + " have no file in the"
                    + " migration locations, and repair cannot realign what it cannot read. Restore the file(s) (for example"
                    + " from version control) and run repair again; nothing was changed.");
        }
    }
}
