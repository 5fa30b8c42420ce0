package dev.covet.migrations.diff;

/**
 * A difference between two schemas that no generated operation can make safely (such as a new primary key on
 * existing columns): it needs a hand-written migration.
 */
public class UnsupportedSchemaChangeException extends RuntimeException {
    public UnsupportedSchemaChangeException(String message) {
        super(message);
    }
}
