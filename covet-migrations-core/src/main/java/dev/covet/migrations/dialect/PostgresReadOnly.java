package dev.covet.migrations.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Whether a PostgreSQL connection can write: a hot standby (in recovery) or a read-only session cannot. */
final class PostgresReadOnly {

    private PostgresReadOnly() {
    }

    static Optional<String> check(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(), current_setting('transaction_read_only'),"
                     + " current_setting('default_transaction_read_only')")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return Optional.of("is a read-only standby (pg_is_in_recovery() is true); point covet at the primary");
            }
            if ("on".equals(rs.getString(2)) || "on".equals(rs.getString(3))) {
                return Optional.of("accepts no writes (transaction_read_only / default_transaction_read_only is on);"
                        + " point covet at the primary, or at a user and session that may write");
            }
            return Optional.empty();
        }
    }
}
