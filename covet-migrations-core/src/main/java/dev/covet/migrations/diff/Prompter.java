package dev.covet.migrations.diff;

import java.util.Optional;

/** Asks the person at the console. Only used when there is one: without it every open question stays undecided. */
public interface Prompter {

    /**
     * Asks a yes/no question; anything but yes is no, as Django's {@code [y/N]}.
     *
     * @param question the question, without the {@code [y/N]}
     * @return whether the answer was yes
     */
    boolean confirm(String question);

    /**
     * Asks for a value.
     *
     * @param question what to ask
     * @return the value typed, or empty when the person gave none
     */
    Optional<String> ask(String question);

    /**
     * Tells the person something without asking (why a value was not taken).
     *
     * @param message the message
     */
    void tell(String message);
}
