package dev.covet.migrations.autoconfigure.cli;

import dev.covet.migrations.cli.ExitCodes;

/**
 * Ends the application after a command with its exit code. The default closes the context and exits the JVM;
 * tests define their own bean to record the code instead.
 */
@FunctionalInterface
public interface CovetExit {

    /**
     * Exits.
     *
     * @param code the exit code (see {@link ExitCodes})
     */
    void exit(int code);
}
