package dev.covet.migrations.internal.sqlite.session;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * Waiting for, and reporting, a SQLite database that another connection holds locked. SQLite itself waits up
 * to {@code PRAGMA busy_timeout} and then fails with SQLITE_BUSY ("database is locked"); these helpers set
 * that wait from {@code covet.migrations.lock-timeout} and turn the failure into advice.
 */
public final class SqliteLocking {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private SqliteLocking() {
    }

    /** Makes SQLite wait up to {@code timeout} for another connection's lock before failing. */
    public static void waitUpTo(Connection c, Duration timeout) throws SQLException {
        long ms = Math.max(0, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + ms);
        }
    }

    /** How long SQLite waits now for another connection's lock ({@code PRAGMA busy_timeout}). */
    public static Duration busyTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
            return Duration.ofMillis(rs.next() ? rs.getLong(1) : 0);
        }
    }

    /**
     * Sets the wait back to what it was, best effort: a pooled connection goes back to the application with its
     * own setting, not a lock's remaining time (possibly 0 ms). A connection that cannot even run a pragma is broken,
     * and the failure that matters is reported elsewhere.
     */
    public static void restoreBusyTimeout(Connection c, Duration previous) {
        try {
            waitUpTo(c, previous);
        } catch (SQLException ignored) {
            // see above
        }
    }

    /** Whether a failure (or one of its causes) is SQLite's "database is locked". */
    public static boolean isLocked(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                // sqlite-jdbc reports extended result codes (e.g. 517 SQLITE_BUSY_SNAPSHOT); the low byte is the primary code
                int primary = e.getErrorCode() & 0xff;
                String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || message.contains("sqlite_busy")
                        || message.contains("database is locked") || message.contains("database table is locked")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** What to tell the user when the database stayed locked for {@code waited}. */
    public static String lockedMessage(Duration waited) {
        long ms = waited.toMillis();
        String time = ms < 10_000 && ms % 1000 != 0 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : (ms / 1000) + " s";
        return "database is locked by another connection; waited " + time
                + "; close the other connection or raise covet.migrations.lock-timeout";
    }
}
