package dev.covet.migrations.cli;

/**
 * Exit codes of the {@code covet} commands.
 */
public final class ExitCodes {

    /** The command succeeded. */
    public static final int SUCCESS = 0;

    /** The command failed (a migration error, an unsafe rollback, a capability not available yet). */
    public static final int FAILURE = 1;

    /** The command line was wrong. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
