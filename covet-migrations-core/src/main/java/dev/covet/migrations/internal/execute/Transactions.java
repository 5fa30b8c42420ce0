package dev.covet.migrations.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;

import static dev.covet.migrations.internal.sqlite.SqliteStatements.exec;

/**
 * How Covet opens, commits and rolls back a transaction it owns on a connection. On SQLite that is {@code BEGIN
 * IMMEDIATE} on an autocommit connection: it takes the write lock up front (waiting up to the busy timeout), where
 * a deferred transaction could fail half-way when it first writes. Elsewhere it is autocommit switched off.
 */
final class Transactions {

    private Transactions() {
    }

    static void begin(Connection c, boolean sqlite) throws SQLException {
        if (sqlite) {
            c.setAutoCommit(true);
            exec(c, "BEGIN IMMEDIATE");
        } else {
            c.setAutoCommit(false);
        }
    }

    static void commit(Connection c, boolean sqlite) throws SQLException {
        if (sqlite) {
            exec(c, "COMMIT");
        } else {
            c.commit();
        }
    }

    static void rollback(Connection c, boolean sqlite) throws SQLException {
        if (sqlite) {
            exec(c, "ROLLBACK");
        } else {
            c.rollback();
        }
    }
}
