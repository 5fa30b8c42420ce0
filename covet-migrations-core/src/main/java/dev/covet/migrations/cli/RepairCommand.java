package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.RepairChange;
import dev.covet.migrations.RepairResult;

import java.util.List;
import java.util.Set;

/**
 * {@code covet repair [--dry-run]}: records the files' checksums for applied migrations edited on purpose and removes
 * FAILED history rows after a fix by hand, each change audited. With {@code --json}:
 * {@code {dryRun, changes (id, kind, oldChecksum, newChecksum, state)}}. Exits 1, changing nothing, when an applied
 * migration's file is missing.
 */
public class RepairCommand extends RunnerCommand {

    private static final String HELP = """
              --dry-run          print what would change; change nothing""";

    static final CommandSpec SPEC = new CommandSpec("repair", "covet repair [--dry-run] [--json]",
            Set.of("dry-run"), Set.of(), 0, 0, Set.of(), HELP);

    /**
     * Creates the command.
     *
     * @param runner the runner
     */
    public RepairCommand(MigrationRunner runner) {
        super(SPEC, runner);
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        RepairResult result = runner.repair(command.flag("dry-run"));
        output.result(command, new RepairReport(result.dryRun(), result.changes().stream().map(Change::of).toList()),
                text(result));
        return ExitCodes.SUCCESS;
    }

    private static String text(RepairResult result) {
        if (result.nothingToRepair()) {
            return "Nothing to repair: every applied checksum matches its file and no row is FAILED.";
        }
        StringBuilder b = new StringBuilder(result.dryRun() ? "Would repair (dry run):\n" : "Repaired:\n");
        result.changes().forEach(c -> b.append("  ").append(c.describe()).append('\n'));
        return b.toString().stripTrailing();
    }

    /**
     * The JSON document of {@code covet repair --json}.
     *
     * @param dryRun whether nothing was changed
     * @param changes each realigned checksum and removed FAILED row
     */
    public record RepairReport(boolean dryRun, List<Change> changes) {
    }

    /**
     * One change in {@link RepairReport}.
     *
     * @param id the migration ({@code app:name} or {@code name})
     * @param kind {@code CHECKSUM_REALIGNED} or {@code FAILED_ROW_REMOVED}
     * @param oldChecksum the checksum recorded before
     * @param newChecksum the checksum recorded now, or {@code null} for a removed row
     * @param state the row's state before
     */
    public record Change(String id, String kind, String oldChecksum, String newChecksum, String state) {

        static Change of(RepairChange c) {
            return new Change(c.id().toString(), c.kind().name(), c.oldChecksum(), c.newChecksum(), c.state());
        }
    }
}
