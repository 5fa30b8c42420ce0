package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;

import java.util.List;
import java.util.Set;

/**
 * {@code covet status}: applied, pending and failed migrations. With {@code --json}:
 * {@code {dialect, applied, pending, failed, missing, modified, lock}}, the migration lists as ids.
 */
public class StatusCommand extends RunnerCommand {

    static final CommandSpec SPEC = new CommandSpec("status", "covet status [--json]", Set.of(), Set.of(), 0, 0);

    /**
     * Creates the command.
     *
     * @param runner the runner
     */
    public StatusCommand(MigrationRunner runner) {
        super(SPEC, runner);
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        MigrationStatus status = runner.status();
        String lock = runner.lockState();
        StatusReport report = new StatusReport(status.dialect(), ids(status.applied()), ids(status.pending()),
                ids(status.failed()), ids(status.missing()), ids(status.modified()), lock);
        output.result(command, report, text(status, lock));
        return ExitCodes.SUCCESS;
    }

    private static List<String> ids(List<MigrationInfo> infos) {
        return infos.stream().map(i -> i.id().toString()).toList();
    }

    private static String text(MigrationStatus status, String lock) {
        StringBuilder b = new StringBuilder("Database: ").append(status.dialect()).append(", lock: ").append(lock).append('\n');
        section(b, "Applied", status.applied(), true);
        section(b, "Pending", status.pending(), false);
        section(b, "Failed", status.failed(), false);
        section(b, "Missing (applied, file gone)", status.missing(), false);
        section(b, "Modified (file changed after apply)", status.modified(), false);
        return b.toString().stripTrailing();
    }

    private static void section(StringBuilder b, String title, List<MigrationInfo> infos, boolean always) {
        if (infos.isEmpty() && !always) {
            return;
        }
        b.append(title).append(" (").append(infos.size()).append("):\n");
        for (MigrationInfo info : infos) {
            b.append("  [").append(info.state()).append("] ").append(info.id());
            if (info.appliedAt() != null) {
                b.append("  ").append(info.appliedAt());
            }
            if (info.detail() != null) {
                b.append("  ").append(info.detail());
            }
            b.append('\n');
        }
    }

    /**
     * The JSON document of {@code covet status --json}.
     *
     * @param dialect the database dialect
     * @param applied ids of applied migrations
     * @param pending ids of pending migrations
     * @param failed ids of failed migrations
     * @param missing ids of applied migrations whose files are gone
     * @param modified ids of applied migrations whose files changed
     * @param lock the lock state
     */
    public record StatusReport(String dialect, List<String> applied, List<String> pending, List<String> failed,
                               List<String> missing, List<String> modified, String lock) {
    }
}
