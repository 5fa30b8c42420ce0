package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.autoconfigure.EntityModelSource;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.generate.MakeMigrations;
import dev.covet.migrations.generate.MakeMigrationsResult;
import dev.covet.migrations.lint.LintFinding;
import dev.covet.migrations.lint.LintSuppressions;
import dev.covet.migrations.operation.Operation;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code covet makemigrations [--name N] [--empty] [--zero-downtime]}: compares the JPA entities with the schema the
 * migration files project and writes the difference as the next migration into
 * {@code covet.migrations.output-directory}, renames detected with the {@code covet.migrations.rename-detection.*}
 * settings. {@code --zero-downtime} writes an expand and a contract migration instead (see
 * {@link dev.covet.migrations.generate.ExpandContractSplitter}). What is written is linted, findings printed as
 * warnings. With {@code --json}: {@code {file, files, operations: [{type, table}], warnings}} ({@code file} is null
 * when nothing changed). Tables listed in {@code covet.migrations.unmanaged-tables} (owned by other tools) are
 * neither created, changed, renamed nor dropped.
 * <p>
 * To start from a database that already exists (made before Covet), run {@link BaselineCommand covet baseline}
 * first: it writes the live schema as the initial migration and records it as applied, so this command then writes
 * only what the entities change.
 */
public class MakeMigrationsCommand implements CovetCommand {

    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,100}");

    private static final CommandSpec SPEC = new CommandSpec("makemigrations",
            "covet makemigrations [--name N] [--empty] [--zero-downtime] [--json]", Set.of("empty", "zero-downtime"), Set.of("name"),
            0, 0);

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
        if (command.flag("zero-downtime") && command.flag("empty")) {
            throw new UsageException("--zero-downtime splits generated changes; it does not go with --empty");
        }
        MakeMigrations makeMigrations = new MakeMigrations(runner, detector);
        Path directory = Path.of(properties.getOutputDirectory());
        List<MakeMigrationsResult> results = command.flag("zero-downtime")
                ? makeMigrations.runZeroDowntime(target, name, null, directory)
                : List.of(makeMigrations.run(target, name, null, directory, command.flag("empty")));
        List<MakeMigrationsResult> written = results.stream().filter(MakeMigrationsResult::changed).toList();
        List<OperationSummary> operations = written.stream().flatMap(r -> r.operations().stream())
                .map(MakeMigrationsCommand::summary).toList();
        List<String> files = written.stream().map(r -> r.file().toString()).toList();
        List<String> warnings = lint(written);
        int renames = written.isEmpty() ? 0 : written.get(0).renames().renamesDetected();
        String text = written.isEmpty() ? "No changes detected"
                : "Wrote " + String.join(", ", files) + " (" + operations.size() + " operation(s), " + renames
                        + " rename(s) detected)" + describe(operations) + warningText(warnings);
        output.result(command, new Report(files.isEmpty() ? null : files.get(0), files, operations, warnings), text);
        return ExitCodes.SUCCESS;
    }

    /** The lint findings for what was just written (a lint failure never undoes the files). */
    private List<String> lint(List<MakeMigrationsResult> written) {
        if (written.isEmpty() || !properties.getLint().isEnabled()) {
            return List.of();
        }
        Set<dev.covet.migrations.MigrationId> ids = new java.util.HashSet<>();
        written.forEach(r -> ids.add(r.migration().id()));
        try {
            return runner.lint(LintSuppressions.parse(properties.getLint().getSuppressions()), false).findings().stream()
                    .filter(f -> ids.contains(f.migration())).map(LintFinding::describe).toList();
        } catch (RuntimeException e) {
            return List.of("lint could not run: " + e.getMessage());
        }
    }

    private static String warningText(List<String> warnings) {
        StringBuilder b = new StringBuilder();
        warnings.forEach(w -> b.append("\nWarning: ").append(w));
        return b.toString();
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
     * @param file the file written (the first, for a zero-downtime pair), or null when nothing changed
     * @param files every file written
     * @param operations type and table of each operation
     * @param warnings lint findings for what was written
     */
    public record Report(String file, List<String> files, List<OperationSummary> operations, List<String> warnings) {
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
