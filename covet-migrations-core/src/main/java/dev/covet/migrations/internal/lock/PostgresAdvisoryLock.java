package dev.covet.migrations.internal.lock;

import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.lock.MigrationLockTimeoutException;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * A session-level advisory lock on its own connection. PostgreSQL releases it when that connection ends, so a
 * killed holder frees it at once.
 */
public final class PostgresAdvisoryLock implements MigrationLock {

    private final DataSource dataSource;
    private final String tablePrefix;

    /** The lock for the database {@code dataSource} connects to and one table prefix. */
    public PostgresAdvisoryLock(DataSource dataSource, String tablePrefix) {
        this.dataSource = dataSource;
        this.tablePrefix = tablePrefix;
    }

    private long key(Connection c) throws SQLException {
        // One key per database and table prefix; 0x436F76 ("Cov") in the high bits keeps clear of other users' keys.
        CRC32 crc = new CRC32();
        crc.update((c.getCatalog() + ":" + tablePrefix).getBytes(StandardCharsets.UTF_8));
        return (0x436F76L << 32) | crc.getValue();
    }

    @Override
    public Held acquire(Duration timeout) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            long key = key(c);
            try (Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
            }
            try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                p.setLong(1, key);
                p.execute();
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    String holder = describe();
                    throw new MigrationLockTimeoutException("waited " + MigrationLockTimeoutException.waited(timeout) + " for the migration lock, held by "
                            + holder + "; if that process is stuck, end it (SELECT pg_terminate_backend(pid)) or raise"
                            + " covet.migrations.lock-timeout");
                }
                throw e;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = 0");
            }
            return () -> {
                try (c; PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    p.setLong(1, key);
                    p.execute();
                } catch (SQLException ignored) {
                    // closing the connection releases the lock anyway
                }
            };
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public String describe() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT l.pid, a.application_name, a.client_addr, a.backend_start"
                     + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
                     + " WHERE l.locktype = 'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
            p.setLong(1, key(c));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? "PostgreSQL backend pid " + rs.getInt(1) + " (application '" + rs.getString(2)
                        + "', client " + rs.getString(3) + ", connected " + rs.getTimestamp(4) + ")" : "free";
            }
        }
    }
}
