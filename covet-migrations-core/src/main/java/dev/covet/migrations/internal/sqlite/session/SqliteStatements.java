package dev.covet.migrations.internal.sqlite.session;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few raw statements the SQLite rebuild and transaction code runs outside rendered migrations. */
public final class SqliteStatements {

    private SqliteStatements() {
    }

    /** Whether a boolean pragma ({@code foreign_keys}, {@code legacy_alter_table}) is on for the connection. */
    public static boolean pragmaOn(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    /** Runs one statement that returns nothing. */
    public static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
