package dev.covet.migrations.autoconfigure.cli;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code covet makemigrations [--name N] [--empty]}: generate a migration from the JPA entities. Waits for the
 * JPA model reader, diff engine and generator.
 */
public class MakeMigrationsCommand extends NotAvailableCommand {

    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,100}");

    private static final CommandSpec SPEC = new CommandSpec("makemigrations",
            "covet makemigrations [--name N] [--empty] [--json]", Set.of("empty"), Set.of("name"), 0, 0);

    /** Creates the command. */
    public MakeMigrationsCommand() {
        super("migration generation from JPA entities (JpaModelReader, DiffEngine, MigrationGenerator; generate issue)");
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    void validate(ParsedCommand command) {
        String name = command.value("name");
        if (name != null && !NAME.matcher(name).matches()) {
            throw new UsageException("--name must be snake_case (a-z, 0-9, _), was '" + name + "'");
        }
    }
}
