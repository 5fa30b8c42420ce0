package dev.covet.migrations.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the command named by the first argument, parses the rest against its spec, runs it, and maps the outcome
 * to an exit code: the command's own, 2 for bad usage, 1 for any failure.
 */
public class CovetCommandDispatcher {

    private final Map<String, CovetCommand> commands = new LinkedHashMap<>();
    private final CommandOutput output;

    /**
     * Creates the dispatcher.
     *
     * @param commands the available commands
     * @param output where results go
     */
    public CovetCommandDispatcher(List<CovetCommand> commands, CommandOutput output) {
        commands.forEach(c -> this.commands.put(c.spec().name(), c));
        this.output = output;
    }

    /**
     * Runs a command line.
     *
     * @param args the arguments after {@code covet}: the command's name, then its arguments
     * @return the exit code
     */
    public int run(List<String> args) {
        boolean json = args.contains("--" + CommandSpec.JSON);
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            if (args.contains("--help")) {
                output.note(usage());
                return ExitCodes.SUCCESS;
            }
            return usageError(json, "no command given", null);
        }
        String name = args.get(0);
        if (name.equals("help")) {
            output.note(usage());
            return ExitCodes.SUCCESS;
        }
        CovetCommand command = commands.get(name);
        if (command == null) {
            return usageError(json, "unknown command '" + name + "'", null);
        }
        if (args.subList(1, args.size()).contains("--" + CommandSpec.HELP)) {
            output.text(command.spec().helpText());
            return ExitCodes.SUCCESS;
        }
        try {
            ParsedCommand parsed = CommandLineParser.parse(command.spec(), args.subList(1, args.size()));
            return command.execute(parsed, output);
        } catch (UsageException e) {
            return usageError(json, e.getMessage(), command);
        } catch (RuntimeException e) {
            output.error(json, name + " failed: " + message(e), null);
            return ExitCodes.FAILURE;
        }
    }

    private int usageError(boolean json, String message, CovetCommand command) {
        output.error(json, message, null);
        output.note(command == null ? usage() : "usage: " + command.spec().usage());
        return ExitCodes.USAGE;
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /**
     * Whether {@link #run} answers these arguments without running a command: no command or an unknown one (a usage
     * error), {@code help}, or {@code <command> --help}. Such arguments need no application, database or model.
     *
     * @param args the arguments after {@code covet}
     * @return whether no command would run
     */
    public boolean answersWithoutRunning(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--") || args.get(0).equals("help")) {
            return true;
        }
        return !commands.containsKey(args.get(0)) || args.subList(1, args.size()).contains("--" + CommandSpec.HELP);
    }

    /** The usage of every command. */
    public String usage() {
        StringBuilder b = new StringBuilder("usage: java -jar app.jar covet <command> [options]\ncommands:\n");
        commands.values().forEach(c -> b.append("  ").append(c.spec().usage()).append('\n'));
        return b.toString().stripTrailing();
    }
}
