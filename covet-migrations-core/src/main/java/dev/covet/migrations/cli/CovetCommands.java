package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.schema.SchemaState;

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
        return List.of(new MigrateCommand(runner), new RollbackCommand(validator), new StatusCommand(runner),
                new SqlMigrateCommand(runner), new ValidateCommand(runner), new MakeMigrationsCommand(runner, settings, model),
                new BaselineCommand(runner, settings.outputDirectory()), new SquashCommand(runner, settings),
                new AuditCommand(auditLog), new LintCommand(runner, settings.lintSuppressions()), new BackupsCommand(runner),
                new RepairCommand(runner));
    }
}
