package dev.covet.migrations.cli;

/**
 * The command line is wrong (unknown command or option, missing or malformed value): exit code 2.
 */
public class UsageException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public UsageException(String message) {
        super(message);
    }
}
