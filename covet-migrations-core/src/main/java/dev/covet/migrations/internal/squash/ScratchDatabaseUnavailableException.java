package dev.covet.migrations.internal.squash;

/**
 * A scratch database to verify a squash on cannot be created (no privilege to create a schema or database, no
 * driver): the squash is then checked on Covet's schema model only.
 */
public class ScratchDatabaseUnavailableException extends RuntimeException {

    /**
     * @param message why, for people
     */
    public ScratchDatabaseUnavailableException(String message) {
        super(message);
    }
}
