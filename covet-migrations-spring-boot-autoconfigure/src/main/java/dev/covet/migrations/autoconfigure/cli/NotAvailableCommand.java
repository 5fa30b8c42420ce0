package dev.covet.migrations.autoconfigure.cli;

import java.util.Map;

/**
 * A command whose engine capability is not built yet: it parses and validates its options like the real command
 * will, then says what is missing and exits 1.
 */
abstract class NotAvailableCommand implements CovetCommand {

    private final String capability;

    NotAvailableCommand(String capability) {
        this.capability = capability;
    }

    /** Checks option values the way the real command will. */
    abstract void validate(ParsedCommand command);

    @Override
    public final int execute(ParsedCommand command, CommandOutput output) {
        validate(command);
        output.error(command.json(), "not available yet: " + capability,
                Map.of("command", spec().name(), "available", false));
        return ExitCodes.FAILURE;
    }
}
