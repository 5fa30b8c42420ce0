package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.ChangeDecisions;
import dev.covet.migrations.diff.Prompter;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.generate.ExpandContractSplitter;
import dev.covet.migrations.internal.generate.GenerationSource;
import dev.covet.migrations.generate.MakeMigrationsAndLint;
import dev.covet.migrations.generate.MakeMigrationsAndLint.Shape;
import dev.covet.migrations.generate.MakeMigrationsAndLint.Written;
import dev.covet.migrations.generate.MakeMigrationsResult;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code covet makemigrations}: compares the JPA entities with the schema the existing migrations project and writes
 * the difference as the next migration into {@code covet.migrations.output-directory} (reading the existing
 * migrations from there too, see {@link GenerationSource}).
 *
 * <p>Nothing destructive is guessed. A dropped and an added column (or table) that may be one renamed, below the
 * similarity threshold, and a new NOT NULL column on an existing table, are settled by flags ({@code --rename},
 * {@code --no-rename}, {@code --default}), else asked on the terminal, else (CI, a pipe, {@code --no-input}) nothing
 * is written and the command exits 1 listing every open question with the flags that settle it. The file says what
 * was decided and how. {@code --check} exits 1 when the entities and the migrations differ, writing nothing (a CI
 * gate); {@code --dry-run} prints the file instead of writing it. What is written is linted and the findings printed.
 * {@code --zero-downtime} writes an expand and a contract migration instead (see
 * {@link ExpandContractSplitter}). Tables in {@code covet.migrations.unmanaged-tables}
 * are left alone. To start from a database that already exists, run {@link BaselineCommand covet baseline} first.
 */
public class MakeMigrationsCommand extends RunnerCommand {

    private static final String HELP = """
              --name N           the migration's name (snake_case); default: made from the operations
              --empty            an empty migration to fill in by hand
              --zero-downtime    an expand and a contract migration instead of one
              --rename T.OLD=NEW a dropped column T.OLD and an added column T.NEW are a rename (repeatable)
              --rename OLD=NEW   table OLD was renamed to NEW (repeatable)
              --no-rename ...    the same forms: a drop and an add, not a rename, even above the threshold
              --default T.C=V    existing rows of T get V in the new NOT NULL column C (repeatable)
              --no-input         never ask: an open question makes the command write nothing and exit 1
              --check            exit 1 when the entities and the migrations differ; write nothing
              --dry-run          print the migration instead of writing it""";

    static final CommandSpec SPEC = new CommandSpec("makemigrations",
            "covet makemigrations [--name N] [--empty] [--zero-downtime] [--rename T.OLD=NEW|OLD=NEW]... "
                    + "[--no-rename T.OLD=NEW|OLD=NEW]... [--default T.COLUMN=VALUE]... [--no-input] [--check] [--dry-run] [--json]",
            Set.of("empty", "zero-downtime", "no-input", "check", "dry-run"), Set.of("name", "rename", "no-rename", "default"),
            0, 0, Set.of("rename", "no-rename", "default"), HELP);

    private final CommandSettings settings;
    private final Supplier<SchemaState> model;
    private final Supplier<Optional<Prompter>> terminal;

    /**
     * Creates the command.
     *
     * @param runner the runner (its locations are the existing migrations)
     * @param settings output directory, rename detection and lint settings
     * @param model reads the entity model, or {@code null} when the application has none; may throw
     *        {@link IllegalStateException} when the model cannot be read
     */
    public MakeMigrationsCommand(MigrationRunner runner, CommandSettings settings, Supplier<SchemaState> model) {
        this(runner, settings, model, ConsolePrompter::onTerminal);
    }

    /**
     * Creates the command with another way to reach the person running it (tests).
     *
     * @param terminal the prompter when someone can answer, else empty
     */
    public MakeMigrationsCommand(MigrationRunner runner, CommandSettings settings, Supplier<SchemaState> model,
                                 Supplier<Optional<Prompter>> terminal) {
        super(SPEC, runner);
        this.settings = settings;
        this.model = model;
        this.terminal = terminal;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        String name = command.nameValue("name");
        boolean check = command.flag("check");
        boolean dryRun = command.flag("dry-run");
        if (command.flag("zero-downtime") && command.flag("empty")) {
            throw new UsageException("--zero-downtime splits generated changes; it does not go with --empty");
        }
        if ((check || dryRun) && command.flag("zero-downtime")) {
            throw new UsageException("--check and --dry-run preview one migration; leave out --zero-downtime");
        }
        if (check && dryRun) {
            throw new UsageException("--check and --dry-run do not go together: --check already writes nothing");
        }
        // Flags are checked before anything is read: a malformed one is bad usage, whatever the model.
        RenameDetector detector = detector(command);
        if (model == null && !command.flag("empty")) {
            output.error(command.json(), "no entity model: JPA is not on the classpath or manages no entities"
                    + " (use --empty for a migration to write by hand)", null);
            return ExitCodes.FAILURE;
        }
        MakeMigrationsAndLint makeMigrations = new MakeMigrationsAndLint(runner, settings.outputDirectory(),
                settings.lintAfterMakeMigrations(), settings.lintSuppressions());
        String source = makeMigrations.sourceDescription();
        output.note(source);
        SchemaState target;
        try {
            target = command.flag("empty") ? makeMigrations.projectedSchema() : model.get();
        } catch (IllegalStateException e) {
            output.error(command.json(), e.getMessage() + " (use --empty for a migration to write by hand)", null);
            return ExitCodes.FAILURE;
        }
        if (check || dryRun) {
            MakeMigrationsResult preview = makeMigrations.preview(target, name, detector);
            return check ? check(command, output, source, preview) : report(command, output, source, new Written(List.of(preview), List.of()));
        }
        Shape shape = command.flag("zero-downtime") ? Shape.EXPAND_CONTRACT : command.flag("empty") ? Shape.EMPTY : Shape.ONE;
        return report(command, output, source, makeMigrations.write(target, name, detector, shape));
    }

    /** A detector with the configured thresholds, deciding open questions from the flags, then the terminal. */
    private RenameDetector detector(ParsedCommand command) {
        boolean mayAsk = !command.flag("no-input") && !command.flag("check") && !command.json();
        Prompter prompter = mayAsk ? terminal.get().orElse(null) : null;
        ChangeDecisions decisions;
        try {
            decisions = ChangeDecisions.of(command.valuesOf("rename"), command.valuesOf("no-rename"),
                    command.valuesOf("default"), prompter);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return settings.renameDetection().detector().decideWith(decisions);
    }

    private int report(ParsedCommand command, CommandOutput output, String source, Written written) {
        List<MakeMigrationsResult> results = written.results();
        MakeMigrationsResult first = results.isEmpty() ? null : results.get(0);
        List<String> decisions = first == null ? List.of() : first.decisions();
        if (first != null && first.blocked()) {
            List<Undecided> undecided = first.undecided().stream().map(u -> new Undecided(u.description(), u.flags())).toList();
            StringBuilder text = new StringBuilder("Nothing written: ");
            if (!first.unusedFlags().isEmpty()) {
                text.append("these flags matched no change (misspelt, or already done?): ")
                        .append(String.join(", ", first.unusedFlags())).append(". ");
            }
            if (!undecided.isEmpty()) {
                text.append(undecided.size()).append(" change(s) could lose data and need a decision")
                        .append(command.flag("no-input") ? "" : " (no terminal to ask on)").append(':');
                first.undecided().forEach(u -> text.append("\n  ").append(u.describe()));
                text.append("\nRun again with one flag for each, or on a terminal to be asked.");
            }
            output.error(command.json(), text.toString().strip(), command.json()
                    ? Map.of("undecided", undecided, "unusedFlags", first.unusedFlags(), "source", source)
                    : null);
            return ExitCodes.FAILURE;
        }
        if (command.flag("dry-run")) {
            String yaml = first == null || first.yaml() == null ? null : first.yaml();
            List<OperationSummary> operations = first == null ? List.of() : summaries(first.operations());
            output.result(command, new Report(null, List.of(), operations, List.of(), decisions, source, yaml, false),
                    yaml == null ? "No changes detected" + decisionText(decisions) : "# Dry run: nothing written. The file would be:\n" + yaml);
            return ExitCodes.SUCCESS;
        }
        List<MakeMigrationsResult> changed = results.stream().filter(MakeMigrationsResult::changed).toList();
        List<OperationSummary> operations = changed.stream().flatMap(r -> summaries(r.operations()).stream()).toList();
        List<String> files = changed.stream().map(r -> r.file().toString()).toList();
        List<String> warnings = written.lintWarnings();
        int renames = changed.isEmpty() ? 0 : changed.get(0).renames().renamesDetected();
        String text = changed.isEmpty() ? "No changes detected" + decisionText(decisions)
                : "Wrote " + String.join(", ", files) + " (" + operations.size() + " operation(s), " + renames
                        + " rename(s))" + describe(operations) + decisionText(decisions) + lintText(warnings);
        output.result(command, new Report(files.isEmpty() ? null : files.get(0), files, operations, warnings, decisions,
                source, null, !changed.isEmpty()), text);
        return ExitCodes.SUCCESS;
    }

    private int check(ParsedCommand command, CommandOutput output, String source, MakeMigrationsResult result) {
        boolean differs = result != null && result.differs();
        List<OperationSummary> operations = result == null ? List.of() : summaries(result.operations());
        StringBuilder text = new StringBuilder(differs
                ? "The entities and the migrations differ: run covet makemigrations (" + operations.size() + " operation(s))"
                        + describe(operations)
                : "No changes detected: the migrations match the entities");
        if (result != null && !result.undecided().isEmpty()) {
            text.append("\nIt will need these decided:");
            result.undecided().forEach(u -> text.append("\n  ").append(u.describe()));
        }
        output.result(command, new Report(null, List.of(), operations, List.of(), List.of(), source, null, differs),
                text.toString());
        return differs ? ExitCodes.FAILURE : ExitCodes.SUCCESS;
    }

    private static String lintText(List<String> warnings) {
        if (warnings.isEmpty()) {
            return "\nLint: no findings";
        }
        StringBuilder b = new StringBuilder("\nLint:");
        warnings.forEach(w -> b.append("\n  Warning: ").append(w));
        return b.toString();
    }

    private static String decisionText(List<String> decisions) {
        StringBuilder b = new StringBuilder();
        if (!decisions.isEmpty()) {
            b.append("\nDecided:");
            decisions.forEach(d -> b.append("\n  ").append(d));
        }
        return b.toString();
    }

    private static List<OperationSummary> summaries(List<Operation> operations) {
        return operations.stream().map(op -> new OperationSummary(op.type(),
                op.tables().isEmpty() ? null : String.join(",", op.tables()))).toList();
    }

    private static String describe(List<OperationSummary> operations) {
        StringBuilder b = new StringBuilder();
        operations.forEach(o -> b.append("\n  ").append(o.type()).append(o.table() == null ? "" : " " + o.table()));
        return b.toString();
    }

    /**
     * The JSON document of {@code covet makemigrations --json}.
     *
     * @param file the file written (the first, for a zero-downtime pair), or null when nothing was written
     * @param files every file written
     * @param operations type and table of each operation
     * @param warnings lint findings for what was written
     * @param decisions what was decided and how (renames, values for existing rows)
     * @param source where the existing migrations were read
     * @param yaml the migration's text for {@code --dry-run}, else null
     * @param changes whether there were changes ({@code --check} fails on true)
     */
    public record Report(String file, List<String> files, List<OperationSummary> operations, List<String> warnings,
                         List<String> decisions, String source, String yaml, boolean changes) {
    }

    /**
     * One generated operation.
     *
     * @param type the operation type
     * @param table the table(s) it touches
     */
    public record OperationSummary(String type, String table) {
    }

    /**
     * An open question in the JSON error document.
     *
     * @param description what is open
     * @param flags the flags that settle it
     */
    public record Undecided(String description, List<String> flags) {
    }
}
