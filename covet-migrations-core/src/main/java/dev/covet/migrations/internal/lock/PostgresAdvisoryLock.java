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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Session-level advisory locks on a connection of their own. PostgreSQL releases them when that connection ends, so
 * a killed holder frees them at once.
 *
 * <p>A runner takes two keys, in this order: its database's (with the table prefix: what every earlier version took,
 * so instances of two versions exclude each other during an upgrade), then its schema's (the connection's
 * {@code current_schema()}). A tenant of a fleet on a shared database takes its schema's key alone, so tenants
 * migrate side by side, yet a plain runner whose search path points at a tenant's schema still excludes the fleet's
 * run of that tenant. Every holder takes the database key before the schema key or not at all: no cycle.
 */
public final class PostgresAdvisoryLock implements MigrationLock {

    private final DataSource dataSource;
    private final String scope;
    private final boolean databaseKey;

    private PostgresAdvisoryLock(DataSource dataSource, String scope, boolean databaseKey) {
        this.dataSource = dataSource;
        this.scope = scope;
        this.databaseKey = databaseKey;
    }

    /** The lock of the history in the schema {@code dataSource}'s connections use, with one table prefix. */
    public static PostgresAdvisoryLock forDatabase(DataSource dataSource, String tablePrefix) {
        return new PostgresAdvisoryLock(dataSource, tablePrefix, true);
    }

    /**
     * The lock of one schema tenant.
     *
     * @param schemaScope {@code <schema>.<table prefix>}
     */
    public static PostgresAdvisoryLock forTenant(DataSource dataSource, String schemaScope) {
        return new PostgresAdvisoryLock(dataSource, schemaScope, false);
    }

    /** One key per database and scope; 0x436F76 ("Cov") in the high bits keeps clear of other users' keys. */
    private static long key(String database, String scope) {
        CRC32 crc = new CRC32();
        crc.update((database + ":" + scope).getBytes(StandardCharsets.UTF_8));
        return (0x436F76L << 32) | crc.getValue();
    }

    /** The keys to take, in order. */
    private List<Long> keys(Connection c) throws SQLException {
        List<Long> keys = new ArrayList<>();
        String database = c.getCatalog();
        if (!databaseKey) {
            keys.add(key(database, scope));
            return keys;
        }
        keys.add(key(database, scope));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            String schema = rs.next() ? rs.getString(1) : null;
            if (schema != null) {
                keys.add(key(database, schema + "." + scope));
            }
        }
        return keys;
    }

    @Override
    public Held acquire(Duration timeout) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            List<Long> keys = keys(c);
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long key : keys) {
                take(c, key, Math.max(1, (deadline - System.nanoTime()) / 1_000_000), timeout);
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET lock_timeout = 0");
            }
            return () -> {
                try (c) {
                    for (int i = keys.size() - 1; i >= 0; i--) {
                        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                            p.setLong(1, keys.get(i));
                            p.execute();
                        }
                    }
                } catch (SQLException ignored) {
                    // closing the connection releases the locks anyway
                }
            };
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void take(Connection c, long key, long waitMs, Duration timeout) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = " + waitMs);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            p.setLong(1, key);
            p.execute();
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                String holder;
                try (Connection other = dataSource.getConnection()) {
                    holder = holder(other, key); // this connection's transaction, if any, is aborted now
                }
                throw new MigrationLockTimeoutException("waited " + MigrationLockTimeoutException.waited(timeout)
                        + " for the migration lock, held by " + holder + "; if that process is stuck, end it"
                        + " (SELECT pg_terminate_backend(pid)) or raise covet.migrations.lock-timeout");
            }
            throw e;
        }
    }

    @Override
    public String describe() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (long key : keys(c)) {
                String holder = holder(c, key);
                if (!holder.equals("free")) {
                    return holder;
                }
            }
            return "free";
        }
    }

    private static String holder(Connection c, long key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT l.pid, a.application_name, a.client_addr, a.backend_start"
                + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
            p.setLong(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? "PostgreSQL backend pid " + rs.getInt(1) + " (application '" + rs.getString(2)
                        + "', client " + rs.getString(3) + ", connected " + rs.getTimestamp(4) + ")" : "free";
            }
        }
    }
}
