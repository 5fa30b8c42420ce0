package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.tenant.TenantFleet;

import java.util.List;
import java.util.function.Supplier;

/** Every {@code covet} command, built once for whatever launches them (the Spring Boot starter, a build plugin). */
public final class CovetCommands {

    private CovetCommands() {
    }

    /**
     * The commands, in the order {@code covet help} lists them.
     *
     * @param runner the application's runner
     * @param validator validates and runs safe rollbacks
     * @param auditLog the audit log, or {@code null} when auditing is disabled
     * @param settings what the commands read from the configuration
     * @param model reads the entity model for {@code makemigrations}, or {@code null} when there is none
     */
    public static List<CovetCommand> all(MigrationRunner runner, RollbackValidator validator, MigrationAuditLog auditLog,
                                         CommandSettings settings, Supplier<SchemaState> model) {
        return all(runner, validator, auditLog, settings, model, null);
    }

    /**
     * The commands, with the application's tenants for {@code migrate --tenants} and {@code status --tenants}.
     *
     * @param runner the application's runner
     * @param validator validates and runs safe rollbacks
     * @param auditLog the audit log, or {@code null} when auditing is disabled
     * @param settings what the commands read from the configuration
     * @param model reads the entity model for {@code makemigrations}, or {@code null} when there is none
     * @param tenants the application's tenants, or {@code null} when none are configured
     */
    public static List<CovetCommand> all(MigrationRunner runner, RollbackValidator validator, MigrationAuditLog auditLog,
                                         CommandSettings settings, Supplier<SchemaState> model, TenantFleet tenants) {
        return List.of(new MigrateCommand(runner, tenants), new RollbackCommand(validator), new StatusCommand(runner, tenants),
                new SqlMigrateCommand(runner), new ValidateCommand(runner), new MakeMigrationsCommand(runner, settings, model),
                new BaselineCommand(runner, settings.outputDirectory()), new SquashCommand(runner, settings),
                new AuditCommand(auditLog), new LintCommand(runner, settings.lintSuppressions()), new BackupsCommand(runner),
                new RepairCommand(runner));
    }

    /**
     * What each command accepts, in the same order as {@link #all}, without building any command: enough to answer
     * {@code covet help}, {@code covet <command> --help} and a mistyped command before anything is started.
     *
     * @return the specs
     */
    public static List<CommandSpec> specs() {
        return List.of(MigrateCommand.SPEC, RollbackCommand.SPEC, StatusCommand.SPEC, SqlMigrateCommand.SPEC,
                ValidateCommand.SPEC, MakeMigrationsCommand.SPEC, BaselineCommand.SPEC, SquashCommand.SPEC,
                AuditCommand.SPEC, LintCommand.SPEC, BackupsCommand.SPEC, RepairCommand.SPEC);
    }

    /**
     * A dispatcher that knows every command's spec but can run none of them: it answers help, usage errors and
     * unknown commands (see {@link CovetCommandDispatcher#answersWithoutRunning}) before an application starts.
     *
     * @param output where the answers go
     * @return the dispatcher
     */
    public static CovetCommandDispatcher helpOnly(CommandOutput output) {
        return new CovetCommandDispatcher(specs().stream().<CovetCommand>map(DescribedCommand::new).toList(), output);
    }

    /** A command known only by its spec; running it is a programming error (help never runs a command). */
    private record DescribedCommand(CommandSpec spec) implements CovetCommand {
        @Override
        public int execute(ParsedCommand command, CommandOutput output) {
            throw new IllegalStateException("covet " + spec.name() + " needs the application: it was asked to run from help");
        }
    }
}
