package dev.covet.migrations.cli;

import dev.covet.migrations.Printable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where commands print: text for people, or (with {@code --json}) one JSON document on standard output for
 * scripts; diagnostics always go to standard error so they never corrupt the JSON.
 */
public class CommandOutput {

    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * Creates the output.
     *
     * @param out standard output
     * @param err standard error
     */
    public CommandOutput(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Prints a command's result.
     *
     * @param command the command (decides JSON or text)
     * @param document the JSON document
     * @param text the text for people
     */
    public void result(ParsedCommand command, Object document, String text) {
        if (command.json()) {
            json(document);
        } else {
            // Text may quote migration files (descriptions, SQL, errors): no raw control characters on a terminal.
            out.println(Printable.lines(text));
        }
    }

    /**
     * Reports a failure: on standard error, and with {@code --json} as {@code {"error": ...}} (plus details).
     *
     * @param json whether JSON was asked for
     * @param message what went wrong
     * @param details extra fields for the JSON document, or null
     */
    public void error(boolean json, String message, Map<String, Object> details) {
        err.println("covet: " + Printable.lines(message));
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("error", message);
            if (details != null) {
                document.putAll(details);
            }
            json(document);
        }
    }

    /** Prints text on standard output (help, a preview): what the person asked to see, not a diagnostic. */
    public void text(String message) {
        out.println(message);
        out.flush();
    }

    /** Prints a line on standard error. */
    public void note(String message) {
        err.println(Printable.lines(message));
    }

    private void json(Object document) {
        out.println(mapper.writeValueAsString(document));
        out.flush();
    }
}
