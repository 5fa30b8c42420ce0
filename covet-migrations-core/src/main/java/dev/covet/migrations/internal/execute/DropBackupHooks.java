package dev.covet.migrations.internal.execute;

import dev.covet.migrations.Direction;
import dev.covet.migrations.safety.BackupInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the backup of a drop right before the drop's first statement runs (not before the migration: a column the same
 * migration adds and fills does not exist before it), on the migration's connection, and remembers it for an undo.
 */
final class DropBackupHooks implements StepHooks {

    private final DropBackups backups;
    private final RenderedMigration migration;
    private final Map<Integer, RenderedOperation> startingAt = new HashMap<>();
    private final Map<RenderedOperation, BackupInfo> taken = new IdentityHashMap<>();

    private DropBackupHooks(DropBackups backups, RenderedMigration migration) {
        this.backups = backups;
        this.migration = migration;
        int index = 0;
        for (RenderedOperation op : migration.operations()) {
            if (!op.steps().isEmpty()) {
                startingAt.put(index, op);
            }
            index += op.steps().size();
        }
    }

    /** Hooks for an applied migration that drops, else none. */
    static Optional<DropBackupHooks> of(ExecutionContext context, RenderedMigration m) {
        if (context.dropBackups() == null || m.direction() != Direction.UP || !DropBackups.drops(m)) {
            return Optional.empty();
        }
        return Optional.of(new DropBackupHooks(context.dropBackups(), m));
    }

    @Override
    public void before(Connection c, int index) throws SQLException {
        RenderedOperation op = startingAt.get(index);
        if (op != null) {
            backups.before(c, migration, op).ifPresent(info -> taken.put(op, info));
        }
    }

    /** The backup taken before the operation ran, if one was. */
    Optional<BackupInfo> taken(RenderedOperation op) {
        return Optional.ofNullable(taken.get(op));
    }
}
