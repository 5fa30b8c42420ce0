package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.tenant.TenantFleet;

import java.util.List;
import java.util.Set;

/**
 * {@code covet status}: applied, pending and failed migrations. With {@code --json}:
 * {@code {dialect, applied, pending, failed, missing, modified, lock}}, the migration lists as ids. With
 * {@code --tenants}: a summary of every tenant (a {@link dev.covet.migrations.report.FleetStatusReport}), exit 1 when
 * any tenant has a failed migration or cannot be read.
 */
public class StatusCommand extends RunnerCommand {

    static final CommandSpec SPEC = new CommandSpec("status", "covet status [--tenants] [--json]",
            Set.of(TenantFleetCommands.OPTION), Set.of(), 0, 0, Set.of(), TenantFleetCommands.HELP);

    private final TenantFleet fleet;

    /**
     * Creates the command.
     *
     * @param runner the runner
     */
    public StatusCommand(MigrationRunner runner) {
        this(runner, null);
    }

    /**
     * Creates the command with the application's tenants, for {@code --tenants}.
     *
     * @param runner the runner
     * @param fleet the tenants, or {@code null} when none are configured
     */
    public StatusCommand(MigrationRunner runner, TenantFleet fleet) {
        super(SPEC, runner);
        this.fleet = fleet;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        if (command.flag(TenantFleetCommands.OPTION)) {
            return TenantFleetCommands.status(fleet, command, output);
        }
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
