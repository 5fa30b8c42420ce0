package dev.covet.migrations.cli;

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
                          int maxPositional, Set<String> repeatable, String help) {

    /** The option every command takes. */
    public static final String JSON = "json";

    /** The option every command takes to print its usage and options. */
    public static final String HELP = "help";

    /**
     * @param repeatable valued options that may be given more than once ({@code --rename a.b=c --rename d=e})
     * @param help what each option does, printed by {@code --help} under the usage line (may be empty)
     */
    public CommandSpec {
        flags = Set.copyOf(flags);
        valued = Set.copyOf(valued);
        repeatable = Set.copyOf(repeatable);
        help = help == null ? "" : help;
    }

    /** A spec whose valued options are each given at most once, with no option help beyond the usage line. */
    public CommandSpec(String name, String usage, Set<String> flags, Set<String> valued, int minPositional, int maxPositional) {
        this(name, usage, flags, valued, minPositional, maxPositional, Set.of(), "");
    }

    /** What {@code --help} prints: the usage line, then the options' help when there is some. */
    public String helpText() {
        return "usage: " + usage + (help.isBlank() ? "" : "\n" + help.stripTrailing())
                + "\n  --json  print one JSON document instead of text\n  --help  print this help";
    }
}
