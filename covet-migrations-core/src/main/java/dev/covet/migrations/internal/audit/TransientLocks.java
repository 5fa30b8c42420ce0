package dev.covet.migrations.internal.audit;

import dev.covet.migrations.internal.sqlite.SqliteLocking;

import java.sql.SQLException;
import java.util.Set;

/**
 * Failures that go away when retried: another connection held a lock a little too long (SQLite's "database is
 * locked", MySQL's lock wait timeout and deadlock, PostgreSQL's deadlock, lock and serialization failures). An
 * audit write meeting one is retried, never dropped.
 */
public final class TransientLocks {

    private static final Set<Integer> MYSQL = Set.of(1205, 1213);
    private static final Set<String> POSTGRES = Set.of("40P01", "55P03", "40001");

    private TransientLocks() {
    }

    public static boolean isTransient(Throwable failure) {
        if (SqliteLocking.isLocked(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && (MYSQL.contains(e.getErrorCode())
                    || (e.getSQLState() != null && POSTGRES.contains(e.getSQLState())))) {
                return true;
            }
        }
        return false;
    }
}
