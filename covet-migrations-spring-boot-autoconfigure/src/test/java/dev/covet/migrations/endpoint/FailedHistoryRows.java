package dev.covet.migrations.endpoint;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes the history row of a migration whose attempt failed part-way, as MySQL's executor leaves one: the failed
 * migrations the dashboard lists, on any database, without making a migration fail.
 */
public final class FailedHistoryRows {

    private FailedHistoryRows() {
    }

    /**
     * Inserts a FAILED row into {@code covet_migrations}.
     *
     * @param dataSource the database (its history table must exist)
     * @param name the migration's name, in the default app
     * @param detail what ran and what failed
     */
    public static void insert(DataSource dataSource, String name, String detail) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("INSERT INTO covet_migrations"
                + " (app, name, checksum, description, applied_at, execution_ms, applied_by, state, statements_done, detail)"
                + " VALUES ('default', ?, 'none', 'half done', ?, 5, 'ci-bot', 'FAILED', 1, ?)")) {
            p.setString(1, name);
            p.setTimestamp(2, Timestamp.from(Instant.now()));
            p.setString(3, detail);
            p.executeUpdate();
        }
    }
}
