package dev.covet.migrations.autoconfigure;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.Printable;
import dev.covet.migrations.execute.MigrationFailedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a migration that failed at startup into Boot's "APPLICATION FAILED TO START" report: the file, operation,
 * statement and the database's own message, instead of a stack trace through the connection pool whose last line
 * ("Connection is closed") hides the reason.
 */
public class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        String action = cause instanceof MigrationFailedException
                ? "Fix the migration named above (or the database state it reports) and start the application again."
                : "Fix what the message names and start the application again.";
        return new FailureAnalysis("Covet could not migrate the database:\n\n" + Printable.lines(cause.getMessage()), action, cause);
    }
}
