package dev.covet.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How Covet opens, commits and rolls back a transaction it owns on a connection ({@link Dialect#transactions()}).
 * On SQLite that is {@code BEGIN IMMEDIATE} on an autocommit connection: it takes the write lock up front (waiting
 * up to the busy timeout), where a deferred transaction could fail half-way when it first writes. Elsewhere it is
 * autocommit switched off.
 */
public sealed interface Transactions permits Transactions.AutoCommitOff, Transactions.BeginImmediate {

    /** Opens a transaction. */
    void begin(Connection c) throws SQLException;

    /** Commits the transaction {@link #begin} opened. */
    void commit(Connection c) throws SQLException;

    /** Rolls back the transaction {@link #begin} opened. */
    void rollback(Connection c) throws SQLException;

    /**
     * Whether a transaction may be open on the connection, for a rollback after a failure.
     *
     * @param begun whether the caller began one
     */
    boolean mayBeOpen(Connection c, boolean begun) throws SQLException;

    /** Puts the connection back in autocommit after Covet's work on it, where {@link #begin} took it out. */
    void restoreAutoCommit(Connection c) throws SQLException;

    /** Autocommit switched off and on: the driver's flag tells whether a transaction is open. */
    record AutoCommitOff() implements Transactions {

        @Override
        public void begin(Connection c) throws SQLException {
            c.setAutoCommit(false);
        }

        @Override
        public void commit(Connection c) throws SQLException {
            c.commit();
        }

        @Override
        public void rollback(Connection c) throws SQLException {
            c.rollback();
        }

        @Override
        public boolean mayBeOpen(Connection c, boolean begun) throws SQLException {
            return !c.getAutoCommit();
        }

        @Override
        public void restoreAutoCommit(Connection c) throws SQLException {
            c.setAutoCommit(true);
        }
    }

    /** SQLite's {@code BEGIN IMMEDIATE} on an autocommit connection, whose driver flag then does not tell. */
    record BeginImmediate() implements Transactions {

        @Override
        public void begin(Connection c) throws SQLException {
            c.setAutoCommit(true);
            exec(c, "BEGIN IMMEDIATE");
        }

        @Override
        public void commit(Connection c) throws SQLException {
            exec(c, "COMMIT");
        }

        @Override
        public void rollback(Connection c) throws SQLException {
            exec(c, "ROLLBACK");
        }

        @Override
        public boolean mayBeOpen(Connection c, boolean begun) {
            return begun;
        }

        @Override
        public void restoreAutoCommit(Connection c) {
            // never left autocommit
        }

        private static void exec(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
