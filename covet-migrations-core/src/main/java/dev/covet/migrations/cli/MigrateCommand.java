package dev.covet.migrations.cli;

import dev.covet.migrations.ExecutedMigration;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrateResult;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.report.PlannedMigration;
import dev.covet.migrations.tenant.TenantFleet;

import java.util.List;
import java.util.Set;

/**
 * {@code covet migrate [--target ID] [--phase expand|contract] [--dry-run] [--force]}: apply pending migrations, or
 * show their SQL; {@code --phase expand} holds back contract migrations and what depends on them; {@code --force}
 * backs up the rows a drop removes even when there are more than {@code covet.migrations.backup.max-rows} (as
 * {@code rollback --force} goes ahead despite the risk, still with its backup). With {@code --json}:
 * {@code {dryRun, applied (ids), migrations (id, description, direction, sql)}}. With {@code --tenants}: every
 * tenant instead of the application's database, with the same options (a tenant past the target is reported, not
 * rolled back), a {@link dev.covet.migrations.report.FleetMigrationReport} (with {@code --dry-run} a
 * {@link dev.covet.migrations.report.FleetPlanReport}: tenants grouped by what they would get), exit 1 when any
 * tenant failed.
 */
public class MigrateCommand extends RunnerCommand {

    private final TenantFleet fleet;

    private static final String HELP = """
              --target ID        stop once this migration is applied
              --phase expand     hold back contract migrations and what depends on them (--phase contract: everything)
              --dry-run          print the SQL that would run; change nothing
              --force            back up the rows a drop removes even above covet.migrations.backup.max-rows
            """ + TenantFleetCommands.HELP + TenantFleetCommands.MIGRATE_HELP;

    static final CommandSpec SPEC = new CommandSpec("migrate", "covet migrate [--target ID] [--phase expand|contract] [--dry-run] [--force] [--tenants] [--json]",
            Set.of("dry-run", "force", TenantFleetCommands.OPTION), Set.of("target", "phase"), 0, 0, Set.of(), HELP);

    /**
     * Creates the command.
     *
     * @param runner the runner
     */
    public MigrateCommand(MigrationRunner runner) {
        this(runner, null);
    }

    /**
     * Creates the command with the application's tenants, for {@code --tenants}.
     *
     * @param runner the runner
     * @param fleet the tenants, or {@code null} when none are configured
     */
    public MigrateCommand(MigrationRunner runner, TenantFleet fleet) {
        super(SPEC, runner);
        this.fleet = fleet;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        MigrateOptions options = options(command);
        if (command.flag(TenantFleetCommands.OPTION)) {
            return TenantFleetCommands.migrate(fleet, options, command, output);
        }
        MigrateResult result = runner.migrate(options);
        List<String> ids = result.applied().stream().map(m -> m.id().toString()).toList();
        MigrateReport report = new MigrateReport(result.dryRun(), ids,
                result.applied().stream().map(PlannedMigration::of).toList());
        output.result(command, report, text(result));
        return ExitCodes.SUCCESS;
    }

    /** The options of the command line, the same for the application's database and for every tenant. */
    private static MigrateOptions options(ParsedCommand command) {
        MigrationId target = null;
        if (command.value("target") != null) {
            try {
                target = MigrationId.parse(command.value("target"), MigrationId.DEFAULT_APP);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--target: " + e.getMessage());
            }
        }
        MigrationPhase phase;
        try {
            phase = MigrationPhase.parse(command.value("phase"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--phase: " + e.getMessage());
        }
        return new MigrateOptions(target, command.flag("dry-run"), phase, null, command.flag("force"));
    }

    private static String text(MigrateResult result) {
        if (result.applied().isEmpty()) {
            return "No migrations to apply.";
        }
        StringBuilder b = new StringBuilder(result.dryRun() ? "Would apply (dry run):\n" : "Applied:\n");
        for (ExecutedMigration m : result.applied()) {
            b.append("  ").append(m.id());
            if (!result.dryRun()) {
                b.append("  (").append(m.duration().toMillis()).append(" ms)");
            }
            b.append('\n');
            if (result.dryRun()) {
                appendStatements(b, m.sql());
            }
        }
        return b.toString().stripTrailing();
    }

    /** A planned migration's statements, one per line under its id: the single and the fleet dry run print them alike. */
    static void appendStatements(StringBuilder b, List<String> sql) {
        sql.forEach(statement -> b.append("    ").append(statement).append(";\n"));
    }

    /**
     * The JSON document of {@code covet migrate --json}.
     *
     * @param dryRun whether nothing was changed
     * @param applied ids of the migrations applied (or that would be)
     * @param migrations each with its SQL
     */
    public record MigrateReport(boolean dryRun, List<String> applied, List<PlannedMigration> migrations) {
    }
}
