package dev.covet.migrations.internal.lock;

import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.lock.MigrationLockTimeoutException;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * MySQL's {@code GET_LOCK} on its own connection. Named locks are server-wide, so the name includes the
 * database; the server frees it when the holding connection ends.
 */
public final class MySqlNamedLock implements MigrationLock {

    private final DataSource dataSource;
    private final String tablePrefix;

    /** The lock for the database {@code dataSource} connects to and one table prefix. */
    public MySqlNamedLock(DataSource dataSource, String tablePrefix) {
        this.dataSource = dataSource;
        this.tablePrefix = tablePrefix;
    }

    private String name(Connection c) throws SQLException {
        String name = "covet:" + c.getCatalog() + ":" + tablePrefix;
        if (name.length() <= 64) {
            return name;
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return name.substring(0, 55) + ":" + Long.toHexString(crc.getValue());
    }

    @Override
    public Held acquire(Duration timeout) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            String name = name(c);
            try (PreparedStatement p = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                p.setString(1, name);
                p.setLong(2, Math.max(1, (timeout.toMillis() + 999) / 1000));
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != 1) {
                        throw new MigrationLockTimeoutException("waited " + MigrationLockTimeoutException.waited(timeout) + " for the migration lock '"
                                + name + "', held by " + describe() + "; if that process is stuck, KILL its connection or"
                                + " raise covet.migrations.lock-timeout");
                    }
                }
            }
            return () -> {
                try (c; PreparedStatement p = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    p.setString(1, name);
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
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            p.setString(1, name(c));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? "free" : "MySQL connection id " + id + holder(c, id);
            }
        }
    }

    /**
     * Who the holding connection belongs to, from the process list; empty when this user may not see it (without
     * the PROCESS privilege a user sees only its own connections). MySQL keeps no time of a named lock's taking.
     */
    private static String holder(Connection c, long id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT USER, HOST FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? " (user '" + rs.getString(1) + "', client " + rs.getString(2) + ")" : "";
            }
        }
    }
}
