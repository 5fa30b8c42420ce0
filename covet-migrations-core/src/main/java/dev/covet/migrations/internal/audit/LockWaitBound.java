package dev.covet.migrations.internal.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Bounds how long one audit write waits for a row lock held by another connection, so that the retry loop, not the
 * server's default (forever on PostgreSQL, 50 s on MySQL), decides when to give up. SQLite's busy timeout is set
 * by the caller.
 */
public final class LockWaitBound {

    private LockWaitBound() {
    }

    /**
     * Applies the bound for the transaction the connection is in; returns what puts the session back as it was.
     */
    public static AutoCloseableSql apply(Connection c, String dialect, Duration wait) throws SQLException {
        long ms = Math.max(1, wait.toMillis());
        if (dialect.equals("postgresql")) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = " + ms); // ends with the transaction
            }
            return () -> { };
        }
        if (dialect.equals("mysql")) {
            long before;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION.innodb_lock_wait_timeout")) {
                rs.next();
                before = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION innodb_lock_wait_timeout = " + Math.max(1, (ms + 999) / 1000));
            }
            return () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION innodb_lock_wait_timeout = " + before);
                }
            };
        }
        return () -> { };
    }

    /** Undoes a session setting. */
    @FunctionalInterface
    public interface AutoCloseableSql extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
