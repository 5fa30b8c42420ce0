package dev.covet.migrations.autoconfigure.cli;

import java.util.Set;

/**
 * What a command accepts. Every command also accepts {@code --json}.
 *
 * @param name the command's name
 * @param usage its usage line
 * @param flags options that take no value ({@code --dry-run})
 * @param valued options that take a value ({@code --steps 2} or {@code --steps=2})
 * @param minPositional fewest positional arguments
 * @param maxPositional most positional arguments
 */
public record CommandSpec(String name, String usage, Set<String> flags, Set<String> valued, int minPositional,
                          int maxPositional) {

    /** The option every command takes. */
    public static final String JSON = "json";

    public CommandSpec {
        flags = Set.copyOf(flags);
        valued = Set.copyOf(valued);
    }
}
