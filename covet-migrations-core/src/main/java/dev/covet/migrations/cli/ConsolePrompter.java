package dev.covet.migrations.cli;

import dev.covet.migrations.diff.Prompter;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks questions on the terminal, as Django's makemigrations does ({@code [y/N]}: anything but yes is no). Only made
 * when a person is there ({@link #onTerminal()}): in CI or a pipe nobody answers, so questions stay undecided.
 */
public final class ConsolePrompter implements Prompter {

    private final BufferedReader in;
    private final PrintStream out;

    /**
     * @param in where answers are read
     * @param out where questions are written (standard error, so standard output stays the command's result)
     */
    public ConsolePrompter(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    /** A prompter on the terminal, or empty when standard input and output are not one (CI, a pipe, {@code < /dev/null}). */
    public static Optional<Prompter> onTerminal() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return Optional.empty();
        }
        return Optional.of(new ConsolePrompter(new BufferedReader(console.reader()), System.err));
    }

    // From Java 22 System.console() returns a console even when nothing is attached; Console.isTerminal() (22+)
    // tells the difference. On 17 to 21 a console exists only on a terminal. Looked up, not called directly, because
    // the code compiles for Java 17.
    private static boolean isTerminal(Console console) {
        try {
            MethodHandle isTerminal = MethodHandles.publicLookup().findVirtual(Console.class, "isTerminal",
                    MethodType.methodType(boolean.class));
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public boolean confirm(String question) {
        String answer = read(question + " [y/N] ");
        return answer != null && (answer.trim().toLowerCase(Locale.ROOT).equals("y")
                || answer.trim().toLowerCase(Locale.ROOT).equals("yes"));
    }

    @Override
    public Optional<String> ask(String question) {
        return Optional.ofNullable(read(question + " "));
    }

    @Override
    public void tell(String message) {
        out.println(message);
        out.flush();
    }

    private String read(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer from the console", e);
        }
    }
}
