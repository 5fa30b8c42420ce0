package dev.covet.migrations.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How statements wait for locks other connections hold, and how a failure to get one is told
 * ({@link Dialect#lockWaits()}). SQLite waits per connection (its busy timeout) and fails with "database is locked";
 * PostgreSQL and MySQL wait for row locks per transaction or session.
 */
public sealed interface LockWaits permits PostgresLockWaits, MySqlLockWaits, SqliteLockWaits {

    /**
     * Makes statements on the connection wait up to {@code timeout} for another connection's lock before failing,
     * where the database sets that per connection (SQLite's busy timeout), and makes a Galera node's reads causal
     * (they wait for what other nodes committed); nothing elsewhere.
     *
     * @return what puts the connection's own setting back (best effort: a pooled connection returns as it came)
     */
    Restore connectionWait(Connection c, Duration timeout) throws SQLException;

    /**
     * Makes the connection's reads wait until its node has applied what other nodes committed before them (a Galera
     * node's {@code wsrep_sync_wait}), for a history read outside a run: {@code status} on one node right after a
     * migrate through another. Nothing elsewhere, where a committed row is visible at once.
     *
     * @return what puts the connection's own setting back
     */
    Restore causalReads(Connection c) throws SQLException;

    /**
     * Bounds how long statements of the transaction open on the connection wait for a row lock (PostgreSQL's
     * {@code lock_timeout} for the transaction, MySQL's session {@code innodb_lock_wait_timeout}), so that the
     * caller's retry loop, not the server's default, decides when to give up. Call inside the transaction.
     *
     * @return what puts the session back as it was
     */
    Restore transactionWait(Connection c, Duration wait) throws SQLException;

    /**
     * Whether a failure (or one of its causes) goes away when retried: another connection held a lock a little too
     * long (SQLite's "database is locked", MySQL's lock wait timeout and deadlock, PostgreSQL's deadlock, lock and
     * serialization failures).
     */
    boolean retryable(Throwable failure);

    /** Whether a failure (or one of its causes) is the whole database being locked by another connection (SQLite). */
    boolean lockedByOtherConnection(Throwable failure);

    /** What to tell the user when {@link #lockedByOtherConnection} held after waiting {@code waited}. */
    String lockedAdvice(Duration waited);

    /** Undoes a setting. */
    @FunctionalInterface
    interface Restore extends AutoCloseable {

        /** Nothing to undo. */
        Restore NOTHING = () -> { };

        @Override
        void close() throws SQLException;
    }
}
