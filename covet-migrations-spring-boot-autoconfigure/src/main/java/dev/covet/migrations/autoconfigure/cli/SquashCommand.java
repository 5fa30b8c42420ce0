package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.generate.MigrationGenerator;
import dev.covet.migrations.squash.MigrationSquasher;
import dev.covet.migrations.squash.SquashResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code covet squash [--preserve-recent N] [--name N] [--dry-run]}: squashes all but the newest migrations into one
 * file that {@code replaces} them, written to {@code covet.migrations.output-directory} (the originals stay until
 * you delete them). With {@code --json}: {@code {isValid, originalCount, operationCountBefore,
 * operationCountAfter, optimizationRatio, conflicts, file}}.
 */
public class SquashCommand implements CovetCommand {

    private static final CommandSpec SPEC = new CommandSpec("squash",
            "covet squash [--preserve-recent N] [--name N] [--dry-run] [--json]", Set.of("dry-run"),
            Set.of("preserve-recent", "name"), 0, 0);

    private final MigrationRunner runner;
    private final CovetMigrationsProperties properties;

    /**
     * Creates the command.
     *
     * @param runner the runner whose migrations are squashed
     * @param properties the default of preserve-recent and the output directory
     */
    public SquashCommand(MigrationRunner runner, CovetMigrationsProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        int preserve = command.intValue("preserve-recent", properties.getSquash().getPreserveRecent(), 0);
        String name = command.value("name");
        if (name != null && !MakeMigrationsCommand.NAME.matcher(name).matches()) {
            throw new UsageException("--name must be snake_case (a-z, 0-9, _), was '" + name + "'");
        }
        SquashResult result = new MigrationSquasher().squashMigrations(runner.migrations(), name, preserve);
        String file = null;
        MigrationGenerator generator = new MigrationGenerator();
        if (result.isValid() && !command.flag("dry-run")) {
            file = generator.saveMigration(result.squashedMigration(), Path.of(properties.getOutputDirectory())).toString();
        }
        Report report = new Report(result.isValid(), result.originalCount(), result.operationCountBefore(),
                result.operationCountAfter(), result.optimizationRatio(), result.conflicts(), file);
        String text = result.isValid()
                ? String.format("Squashed %d migrations: %d operations -> %d (%.1f%% fewer)%s", result.originalCount(),
                        result.operationCountBefore(), result.operationCountAfter(), result.optimizationRatio(),
                        file == null ? "\n" + generator.render(result.squashedMigration()) : "\nWrote " + file
                                + " (keep the originals until every database has applied them)")
                : "Cannot squash:\n  " + String.join("\n  ", result.conflicts());
        output.result(command, report, text);
        return result.isValid() ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
    }

    /**
     * The JSON document of {@code covet squash --json}.
     *
     * @param isValid whether the squash can replace the originals
     * @param originalCount migrations replaced
     * @param operationCountBefore operations before
     * @param operationCountAfter operations after
     * @param optimizationRatio reduction in percent
     * @param conflicts why it cannot, when it cannot
     * @param file the file written, or null
     */
    public record Report(boolean isValid, int originalCount, int operationCountBefore, int operationCountAfter,
                         double optimizationRatio, List<String> conflicts, String file) {
    }
}
