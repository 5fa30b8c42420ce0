package dev.covet.migrations.execute;

import dev.covet.migrations.MigrationException;

import java.util.List;

/**
 * A migration failed while running. The message says which statement failed, what the database said, and in
 * what state the database was left (rolled back, undone, or marked failed with what ran).
 */
public class MigrationFailedException extends MigrationException {

    private final List<String> executed;

    public MigrationFailedException(String message, List<String> executed, Throwable cause) {
        super(message, cause);
        this.executed = List.copyOf(executed);
    }

    /** The statements that had completed before the failure. */
    public List<String> executed() {
        return executed;
    }
}
