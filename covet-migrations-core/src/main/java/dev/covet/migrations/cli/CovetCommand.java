package dev.covet.migrations.cli;

/**
 * One {@code covet} command. Implementations print their result through {@link CommandOutput} (exactly one JSON
 * document with {@code --json}) and return an {@link ExitCodes exit code}.
 */
public interface CovetCommand {

    /** What the command accepts. */
    CommandSpec spec();

    /**
     * Runs the command.
     *
     * @param command the parsed arguments
     * @param output where results go
     * @return the exit code
     * @throws UsageException when an option's value is wrong
     */
    int execute(ParsedCommand command, CommandOutput output);
}
