package dev.covet.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a command's arguments against its {@link CommandSpec}, rejecting anything it does not declare.
 * Spring properties given on the same command line ({@code --spring.profiles.active=x}: option names with a dot)
 * belong to Spring and are skipped.
 */
public final class CommandLineParser {

    private CommandLineParser() {
    }

    /**
     * Parses the arguments that follow the command's name.
     *
     * @param spec what the command accepts
     * @param args its arguments
     * @return the parsed command
     * @throws UsageException on an unknown option, a missing value or a wrong number of positional arguments
     */
    public static ParsedCommand parse(CommandSpec spec, List<String> args) {
        List<String> positional = new ArrayList<>();
        Set<String> flags = new LinkedHashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (name.contains(".")) {
                continue;
            }
            if (name.equals(CommandSpec.JSON) || spec.flags().contains(name)) {
                if (inline != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                flags.add(name);
            } else if (spec.valued().contains(name)) {
                if (inline == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    inline = args.get(++i);
                }
                if (values.containsKey(name) && !spec.repeatable().contains(name)) {
                    throw new UsageException("--" + name + " given twice");
                }
                values.put(name, inline);
                repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(inline);
            } else {
                throw new UsageException("unknown option --" + name + " for '" + spec.name() + "'");
            }
        }
        if (positional.size() < spec.minPositional()) {
            throw new UsageException("'" + spec.name() + "' needs " + spec.minPositional() + " argument(s)");
        }
        if (positional.size() > spec.maxPositional()) {
            throw new UsageException("unexpected argument '" + positional.get(spec.maxPositional()) + "' for '"
                    + spec.name() + "'");
        }
        return new ParsedCommand(spec, positional, flags, values, repeated);
    }
}
