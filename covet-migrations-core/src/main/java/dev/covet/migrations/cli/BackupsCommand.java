package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.safety.BackupInfo;
import dev.covet.migrations.safety.BackupStore;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code covet backups [--restore ID] [--delete ID] [--prune KEEP]}: the backups rollbacks and drops took (tables or
 * columns, rows, content checksum). {@code --restore} puts a backup's rows back and verifies their checksums (exit 1 when they
 * differ); {@code --delete} drops one; {@code --prune} keeps only the newest KEEP. With {@code --json}:
 * {@code {backups: [...], restored, deleted}}.
 */
public class BackupsCommand extends RunnerCommand {

    static final CommandSpec SPEC = new CommandSpec("backups",
            "covet backups [--restore ID] [--delete ID] [--prune KEEP] [--json]", Set.of(),
            Set.of("restore", "delete", "prune"), 0, 0);

    /**
     * Creates the command.
     *
     * @param runner the runner (its connection, dialect and table prefix)
     */
    public BackupsCommand(MigrationRunner runner) {
        super(SPEC, runner);
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        long actions = Set.of("restore", "delete", "prune").stream().filter(a -> command.value(a) != null).count();
        if (actions > 1) {
            throw new UsageException("give one of --restore, --delete and --prune");
        }
        BackupStore store = new BackupStore(runner.config().dataSource(), runner.dialect(), runner.config().tablePrefix());
        Boolean restored = null;
        int deleted = 0;
        StringBuilder text = new StringBuilder();
        if (command.value("restore") != null) {
            restored = store.restore(command.value("restore"));
            text.append(restored ? "Restored backup " + command.value("restore") + "; every table matches its checksum.\n"
                    : "Restored backup " + command.value("restore") + " but a table does not match its checksum.\n");
        } else if (command.value("delete") != null) {
            store.delete(command.value("delete"));
            deleted = 1;
            text.append("Deleted backup ").append(command.value("delete")).append('\n');
        } else if (command.value("prune") != null) {
            deleted = store.prune(command.intValue("prune", 0, 0));
            text.append("Deleted ").append(deleted).append(" backup(s)\n");
        }
        List<Backup> backups = store.list().stream().map(Backup::of).toList();
        if (backups.isEmpty()) {
            text.append("No backups.");
        }
        for (Backup b : backups) {
            text.append(b.id()).append("  ").append(b.createdAt()).append("  for ").append(b.migration()).append("  ")
                    .append(b.tables()).append("  checksum ").append(b.checksum(), 0, Math.min(12, b.checksum().length()))
                    .append('\n');
        }
        output.result(command, new Report(backups, restored, deleted), text.toString().stripTrailing());
        return Boolean.FALSE.equals(restored) ? ExitCodes.FAILURE : ExitCodes.SUCCESS;
    }

    /**
     * The JSON document of {@code covet backups --json}.
     *
     * @param backups every backup, newest first (after the action)
     * @param restored for {@code --restore}: whether every table matched its checksum; else null
     * @param deleted how many backups were deleted
     */
    public record Report(List<Backup> backups, Boolean restored, int deleted) {
    }

    /**
     * One backup.
     *
     * @param id its id
     * @param migration the migration(s) it was taken for
     * @param createdAt when
     * @param tables each table with its row count ({@code orders=120}); a dropped column's backup as
     *        {@code orders.note=80} (its non-null values)
     * @param checksum hash over the tables' content hashes
     */
    public record Backup(String id, String migration, Instant createdAt, List<String> tables, String checksum) {
        static Backup of(BackupInfo info) {
            return new Backup(info.id(), info.migration(), info.createdAt(),
                    info.tables().stream().map(t -> t.label() + "=" + t.rows()).toList(), info.checksum());
        }
    }
}
