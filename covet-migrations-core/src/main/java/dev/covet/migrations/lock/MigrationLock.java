package dev.covet.migrations.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A database-wide lock so that any number of app instances starting at once apply each migration exactly
 * once. A holder that dies never leaves it stuck: PostgreSQL and MySQL release session locks when the
 * connection drops; SQLite's lock row names its process and expires. The dialect hands out the lock for its
 * database ({@code Dialect.lock}).
 */
public interface MigrationLock {

    /**
     * Waits up to {@code timeout} for the lock.
     *
     * @throws MigrationLockTimeoutException naming who holds it when the wait ran out
     */
    Held acquire(Duration timeout) throws SQLException;

    /** Who holds the lock now, or "free" (for status reports; does not wait). */
    String describe() throws SQLException;

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {

        /**
         * Renews the lock inside the caller's transaction, before it commits: a lease (SQLite's lock row) must not
         * run out under a long migration. Session locks need nothing.
         */
        default void renew(Connection c) throws SQLException {
            // a session lock lasts as long as its connection
        }

        @Override
        void close();
    }
}
