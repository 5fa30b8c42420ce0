package dev.covet.migrations.internal.lock;

import dev.covet.migrations.lock.MigrationLock;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The migration lock for a MySQL or MariaDB server, chosen by asking the server: {@link GaleraLeaseLock} when it is a
 * Galera node ({@code wsrep_on}), whose named locks are not cluster-wide, else {@link MySqlNamedLock}. Asked once per
 * lock, on first use.
 */
public final class MySqlServerLock implements MigrationLock {

    private final DataSource dataSource;
    private final Supplier<MigrationLock> named;
    private final Supplier<MigrationLock> galera;
    private MigrationLock chosen;

    /** A lock that takes {@code named} on a single server and {@code galera} on a cluster node. */
    public MySqlServerLock(DataSource dataSource, Supplier<MigrationLock> named, Supplier<MigrationLock> galera) {
        this.dataSource = dataSource;
        this.named = named;
        this.galera = galera;
    }

    /** Whether the server behind {@code c} is a Galera node replicating (MySQL has no such variable: never). */
    public static boolean isGaleraNode(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
            return rs.next() && "ON".equalsIgnoreCase(rs.getString(2));
        }
    }

    private synchronized MigrationLock chosen() throws SQLException {
        if (chosen == null) {
            try (Connection c = dataSource.getConnection()) {
                chosen = isGaleraNode(c) ? galera.get() : named.get();
            }
        }
        return chosen;
    }

    @Override
    public Held acquire(Duration timeout) throws SQLException {
        return chosen().acquire(timeout);
    }

    @Override
    public String describe() throws SQLException {
        return chosen().describe();
    }
}
