package dev.covet.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/** PostgreSQL: a row-lock wait bounded with {@code SET LOCAL lock_timeout}, which ends with the transaction. */
final class PostgresLockWaits implements LockWaits {

    /** Deadlock, lock not available (lock_timeout), serialization failure. */
    private static final Set<String> RETRYABLE = Set.of("40P01", "55P03", "40001");

    @Override
    public Restore connectionWait(Connection c, Duration timeout) {
        return Restore.NOTHING;
    }

    @Override
    public Restore causalReads(Connection c) {
        return Restore.NOTHING;
    }

    @Override
    public Restore transactionWait(Connection c, Duration wait) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = " + Math.max(1, wait.toMillis()));
        }
        return Restore.NOTHING;
    }

    @Override
    public boolean retryable(Throwable failure) {
        return Causes.anySqlException(failure, e -> e.getSQLState() != null && RETRYABLE.contains(e.getSQLState()));
    }

    @Override
    public boolean lockedByOtherConnection(Throwable failure) {
        return false;
    }

    @Override
    public String lockedAdvice(Duration waited) {
        return "";
    }
}
