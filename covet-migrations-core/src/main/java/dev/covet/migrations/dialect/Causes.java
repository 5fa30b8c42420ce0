package dev.covet.migrations.dialect;

import java.sql.SQLException;
import java.util.function.Predicate;

/** Looking through a failure's chain of causes for the database's own error. */
final class Causes {

    private Causes() {
    }

    /** Whether the failure or one of its causes is an {@link SQLException} that {@code test} accepts. */
    static boolean anySqlException(Throwable failure, Predicate<SQLException> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && test.test(e)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
