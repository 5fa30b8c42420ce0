package dev.covet.migrations.internal.execute;

import dev.covet.migrations.internal.LogNames;
import dev.covet.migrations.execute.MigrationFailedException;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The MySQL server session of a killed attempt. A client killed while its statement runs leaves the statement
 * running on the server: MySQL finishes (and, in autocommit, commits) it, and notices the client is gone only
 * afterwards. The migration lock is free by then (its own connection dropped), so a resume must first wait for
 * that statement to end, or it would decide what ran while the answer is still changing.
 */
final class KilledSession {

    private static final long POLL_MS = 50;

    private KilledSession() {
    }

    /**
     * Waits until session {@code id} runs no statement, up to {@code timeout}; then ends its statement with KILL
     * QUERY when the statement is one of the migration's (the session's id may belong to someone else after a
     * server restart: then Covet never kills it, and fails instead). {@code ownId} is the resuming session's id: the
     * recorded one equal to it means the server restarted and the old session is gone.
     *
     * @return a description of what was waited for, or {@code null} when the session had already ended
     */
    static String awaitEnd(Connection c, long id, long ownId, Duration timeout, Collection<String> ownStatements,
                           String migration) throws SQLException {
        if (id == ownId) {
            return null; // the ids restarted with the server: that session is this one, so the old one is long gone
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String first = running(c, id);
        if (first == null) {
            return null;
        }
        LoggerFactory.getLogger(LogNames.RUNNER).info("Resuming {}: the killed attempt's server session {} still runs"
                + " a statement ({}); waiting up to {} ms for it to end", migration, id, abbreviate(first), timeout.toMillis());
        boolean killed = false;
        while (true) {
            String statement = running(c, id);
            if (statement == null) {
                return (killed ? "ended with KILL QUERY" : "waited for") + " session " + id + " running " + abbreviate(first);
            }
            if (System.nanoTime() > deadline) {
                if (killed || !ownStatements.contains(statement.strip())) {
                    throw new MigrationFailedException("cannot resume " + migration + ": MySQL session " + id + " (the killed"
                            + " attempt's, as recorded) still runs " + abbreviate(statement) + " after " + timeout.toMillis()
                            + " ms. Wait for it to end or KILL QUERY " + id + ", then run migrate again.", List.of(), null);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("KILL QUERY " + id);
                }
                killed = true;
                deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for MySQL session " + id, e);
            }
        }
    }

    /** The statement the session runs, or {@code null} when it is gone or idle. */
    private static String running(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COMMAND, INFO FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next() || "Sleep".equalsIgnoreCase(rs.getString(1))) {
                    return null;
                }
                String info = rs.getString(2);
                return info == null ? "(" + rs.getString(1) + ")" : info;
            }
        }
    }

    private static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
