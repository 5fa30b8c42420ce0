package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.squash.SquashAndWrite;
import dev.covet.migrations.squash.SquashAndWrite.SquashOutcome;
import dev.covet.migrations.squash.SquashCheck;
import dev.covet.migrations.squash.SquashResult;

import java.util.List;
import java.util.Set;

/**
 * {@code covet squash [--preserve-recent N] [--name N] [--dry-run]}: squashes all but the newest migrations into one
 * file that {@code replaces} them with {@link SquashAndWrite}: verified on a scratch database of the application's
 * kind, then written to the output directory (the originals stay until you delete them). With {@code --json}:
 * {@code {isValid, originalCount, operationCountBefore, operationCountAfter, optimizationRatio, conflicts, file,
 * verification}}.
 */
public class SquashCommand extends RunnerCommand {

    static final CommandSpec SPEC = new CommandSpec("squash",
            "covet squash [--preserve-recent N] [--name N] [--dry-run] [--json]", Set.of("dry-run"),
            Set.of("preserve-recent", "name"), 0, 0);

    private final CommandSettings settings;

    /**
     * Creates the command.
     *
     * @param runner the runner whose migrations are squashed
     * @param settings the default of preserve-recent and the output directory
     */
    public SquashCommand(MigrationRunner runner, CommandSettings settings) {
        super(SPEC, runner);
        this.settings = settings;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        int preserve = command.intValue("preserve-recent", settings.squashPreserveRecent(), 0);
        String name = command.nameValue("name");
        SquashAndWrite squash = new SquashAndWrite(runner);
        SquashOutcome outcome = command.flag("dry-run") ? squash.preview(name, preserve)
                : squash.write(name, preserve, settings.outputDirectory());
        SquashResult result = outcome.result();
        String file = outcome.file() == null ? null : outcome.file().toString();
        Verification verification = outcome.check() == null ? null : Verification.of(outcome.check());
        Report report = new Report(outcome.isValid(), result.originalCount(), result.operationCountBefore(),
                result.operationCountAfter(), result.optimizationRatio(), outcome.conflicts(), file, verification);
        output.result(command, report, text(outcome, file));
        return outcome.isValid() ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
    }

    private static String text(SquashOutcome outcome, String file) {
        String verified = outcome.check() == null ? "" : "\n" + capitalized(outcome.check().description());
        if (!outcome.isValid()) {
            return "Cannot squash:\n  " + String.join("\n  ", outcome.conflicts()) + verified;
        }
        SquashResult result = outcome.result();
        return String.format("Squashed %d migrations: %d operations -> %d (%.1f%% fewer)%s", result.originalCount(),
                result.operationCountBefore(), result.operationCountAfter(), result.optimizationRatio(), verified
                        + (file == null ? "\n" + outcome.yaml()
                                : "\nWrote " + file + " (keep the originals until every database has applied them)"));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The JSON document of {@code covet squash --json}.
     *
     * @param isValid whether the squash can replace the originals (no conflicts, verification passed)
     * @param originalCount migrations replaced
     * @param operationCountBefore operations before
     * @param operationCountAfter operations after
     * @param optimizationRatio reduction in percent
     * @param conflicts why it cannot, when it cannot
     * @param file the file written, or null
     * @param verification how the squash was verified, or null when it was refused before
     */
    public record Report(boolean isValid, int originalCount, int operationCountBefore, int operationCountAfter,
                         double optimizationRatio, List<String> conflicts, String file, Verification verification) {
    }

    /**
     * How the squash was verified.
     *
     * @param method {@code scratch-database} or {@code schema-model}
     * @param description what was verified and how
     * @param passed whether the squash produces the originals' schema
     * @param differences where it does not
     */
    public record Verification(String method, String description, boolean passed, List<String> differences) {
        static Verification of(SquashCheck check) {
            return new Verification(check.method() == SquashCheck.Method.SCRATCH_DATABASE ? "scratch-database"
                    : "schema-model", check.description(), check.passed(), check.differences());
        }
    }
}
