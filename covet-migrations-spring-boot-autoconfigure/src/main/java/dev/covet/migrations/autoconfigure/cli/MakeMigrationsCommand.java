package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.autoconfigure.EntityModelSource;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.generate.MakeMigrations;
import dev.covet.migrations.generate.MakeMigrationsResult;
import dev.covet.migrations.operation.Operation;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code covet makemigrations [--name N] [--empty]}: compares the JPA entities with the schema the migration files
 * project and writes the difference as the next migration into {@code covet.migrations.output-directory}, renames
 * detected with the {@code covet.migrations.rename-detection.*} settings. With {@code --json}:
 * {@code {file, operations: [{type, table}]}} ({@code file} is null when nothing changed).
 */
public class MakeMigrationsCommand implements CovetCommand {

    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,100}");

    private static final CommandSpec SPEC = new CommandSpec("makemigrations",
            "covet makemigrations [--name N] [--empty] [--json]", Set.of("empty"), Set.of("name"), 0, 0);

    private final MigrationRunner runner;
    private final CovetMigrationsProperties properties;
    private final EntityModelSource model;

    /**
     * Creates the command.
     *
     * @param runner the runner (its locations are the existing migrations)
     * @param properties output directory and rename detection settings
     * @param model the entity model, or {@code null} when the application has none
     */
    public MakeMigrationsCommand(MigrationRunner runner, CovetMigrationsProperties properties, EntityModelSource model) {
        this.runner = runner;
        this.properties = properties;
        this.model = model;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        String name = command.value("name");
        if (name != null && !NAME.matcher(name).matches()) {
            throw new UsageException("--name must be snake_case (a-z, 0-9, _), was '" + name + "'");
        }
        if (model == null && !command.flag("empty")) {
            output.error(command.json(), "no entity model: JPA is not on the classpath or manages no entities"
                    + " (use --empty for a migration to write by hand)", null);
            return ExitCodes.FAILURE;
        }
        CovetMigrationsProperties.RenameDetection settings = properties.getRenameDetection();
        RenameDetector detector = new RenameDetector(settings.getSimilarityThreshold(), settings.isRequireTypeMatch(),
                settings.getMaxLengthDiff(), true);
        dev.covet.migrations.schema.SchemaState target;
        try {
            target = command.flag("empty") ? runner.projectedSchema() : model.read();
        } catch (IllegalStateException e) {
            output.error(command.json(), e.getMessage() + " (use --empty for a migration to write by hand)", null);
            return ExitCodes.FAILURE;
        }
        MakeMigrationsResult result = new MakeMigrations(runner, detector).run(target, name, null,
                Path.of(properties.getOutputDirectory()), command.flag("empty"));
        List<OperationSummary> operations = result.operations().stream().map(MakeMigrationsCommand::summary).toList();
        String text = result.changed()
                ? "Wrote " + result.file() + " (" + operations.size() + " operation(s), "
                        + result.renames().renamesDetected() + " rename(s) detected)" + describe(operations)
                : "No changes detected";
        output.result(command, new Report(result.file() == null ? null : result.file().toString(), operations), text);
        return ExitCodes.SUCCESS;
    }

    private static OperationSummary summary(Operation op) {
        return new OperationSummary(op.type(), op.tables().isEmpty() ? null : String.join(",", op.tables()));
    }

    private static String describe(List<OperationSummary> operations) {
        StringBuilder b = new StringBuilder();
        operations.forEach(o -> b.append("\n  ").append(o.type()).append(o.table() == null ? "" : " " + o.table()));
        return b.toString();
    }

    /**
     * The JSON document of {@code covet makemigrations --json}.
     *
     * @param file the file written, or null when nothing changed
     * @param operations type and table of each operation
     */
    public record Report(String file, List<OperationSummary> operations) {
    }

    /**
     * One generated operation.
     *
     * @param type the operation type
     * @param table the table(s) it touches
     */
    public record OperationSummary(String type, String table) {
    }
}
