package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationCheck;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.drift.DriftReport;

import java.util.List;
import java.util.Set;

/**
 * {@code covet validate}: check the files against the history (order, dependencies, checksums), then the live
 * database against what the applied migrations project (drift: a column added by hand, an index dropped; tables in
 * {@code covet.migrations.unmanaged-tables} ignored). With
 * {@code --json}: {@code {valid, errors, drift}}. Exits 1 when invalid, drifted, or when drift could not be checked
 * because of an error (a check skipped by design, for migrations running raw SQL, passes).
 */
public class ValidateCommand extends RunnerCommand {

    static final CommandSpec SPEC = new CommandSpec("validate", "covet validate [--json]", Set.of(), Set.of(), 0, 0);

    /**
     * Creates the command.
     *
     * @param runner the runner
     */
    public ValidateCommand(MigrationRunner runner) {
        super(SPEC, runner);
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        // One load of the files and one history read for validation and drift (runner.validate() and
        // runner.drift() would each do both).
        MigrationCheck check;
        try {
            check = runner.check();
        } catch (MigrationException e) {
            return invalid(command, output, e.getMessage());
        }
        if (!check.valid()) {
            return invalid(command, output, check.problem());
        }
        DriftReport drift = check.drift();
        if (check.driftCheckFailed()) {
            // Unlike a check skipped by design (raw SQL), an error must not let a CI gate pass unseen.
            String error = "drift could not be checked: " + drift.reason();
            output.result(command, new ValidationReport(false, List.of(error), drift), "Migrations are valid, but " + error
                    + "\nFix the cause (the connection, its permissions, or an object Covet cannot read) and run validate again.");
            return ExitCodes.FAILURE;
        }
        List<String> errors = drift.differences().stream().map(d -> "drift in " + d.table() + ": " + d.difference()).toList();
        String text;
        if (!drift.checked()) {
            text = "Migrations are valid. Drift not checked: " + drift.reason();
        } else if (errors.isEmpty()) {
            text = "Migrations are valid; the database matches them.";
        } else {
            text = "The database differs from its migrations:\n  " + String.join("\n  ", errors)
                    + "\nWrite a migration for the change (covet makemigrations), or undo it by hand.";
        }
        output.result(command, new ValidationReport(errors.isEmpty(), errors, drift), text);
        return errors.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.FAILURE;
    }

    private static int invalid(ParsedCommand command, CommandOutput output, String problem) {
        output.result(command, new ValidationReport(false, List.of(problem), null), "Invalid: " + problem);
        return ExitCodes.FAILURE;
    }

    /**
     * The JSON document of {@code covet validate --json}.
     *
     * @param valid whether validation passed
     * @param errors what failed
     * @param drift the drift check, or null when validation failed before it
     */
    public record ValidationReport(boolean valid, List<String> errors, DriftReport drift) {
    }
}
