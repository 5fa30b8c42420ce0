package dev.covet.migrations.autoconfigure.cli;

import java.util.Set;

/**
 * {@code covet squash [--preserve-recent N] [--name N]}: squash old migrations into one. Waits for the squasher.
 */
public class SquashCommand extends NotAvailableCommand {

    private static final CommandSpec SPEC = new CommandSpec("squash",
            "covet squash [--preserve-recent N] [--name N] [--json]", Set.of(), Set.of("preserve-recent", "name"), 0, 0);

    /** Creates the command. */
    public SquashCommand() {
        super("migration squashing (MigrationSquasher; squash issue)");
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    void validate(ParsedCommand command) {
        command.intValue("preserve-recent", 0, 0);
        String name = command.value("name");
        if (name != null && !MakeMigrationsCommand.NAME.matcher(name).matches()) {
            throw new UsageException("--name must be snake_case (a-z, 0-9, _), was '" + name + "'");
        }
    }
}
