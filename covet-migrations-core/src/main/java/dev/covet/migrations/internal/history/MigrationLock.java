package dev.covet.migrations.internal.history;

import dev.covet.migrations.dialect.Dialect;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A database-wide lock so that any number of app instances starting at once apply each migration exactly
 * once. A holder that dies never leaves it stuck: PostgreSQL and MySQL release session locks when the
 * connection drops; SQLite's lock row names its process and expires.
 */
public sealed interface MigrationLock permits PostgresAdvisoryLock, MySqlNamedLock, SqliteLeaseLock {

    /**
     * Waits up to {@code timeout} for the lock.
     *
     * @throws MigrationLockTimeoutException naming who holds it when the wait ran out
     */
    Held acquire(Duration timeout) throws SQLException;

    /** Who holds the lock now, or "free" (for status reports; does not wait). */
    String describe() throws SQLException;

    /** The lock for a database. */
    static MigrationLock forDialect(Dialect dialect, DataSource dataSource, String tablePrefix) {
        return switch (dialect.name()) {
            case "postgresql" -> new PostgresAdvisoryLock(dataSource, tablePrefix);
            case "mysql" -> new MySqlNamedLock(dataSource, tablePrefix);
            default -> new SqliteLeaseLock(dataSource, dialect, tablePrefix);
        };
    }

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
