package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;

import java.util.List;
import java.util.Set;

/**
 * {@code covet validate}: check the files against the history (order, dependencies, checksums). With
 * {@code --json}: {@code {valid, errors}}. Exits 1 when invalid.
 */
public class ValidateCommand implements CovetCommand {

    private static final CommandSpec SPEC = new CommandSpec("validate", "covet validate [--json]", Set.of(), Set.of(), 0, 0);

    private final MigrationRunner runner;

    /**
     * Creates the command.
     *
     * @param runner the runner
     */
    public ValidateCommand(MigrationRunner runner) {
        this.runner = runner;
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int execute(ParsedCommand command, CommandOutput output) {
        try {
            runner.validate();
        } catch (MigrationException e) {
            output.result(command, new ValidationReport(false, List.of(e.getMessage())), "Invalid: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        output.result(command, new ValidationReport(true, List.of()), "Migrations are valid.");
        return ExitCodes.SUCCESS;
    }

    /**
     * The JSON document of {@code covet validate --json}.
     *
     * @param valid whether validation passed
     * @param errors what failed
     */
    public record ValidationReport(boolean valid, List<String> errors) {
    }
}
