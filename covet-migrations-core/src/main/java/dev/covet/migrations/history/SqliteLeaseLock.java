package dev.covet.migrations.history;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.sqlite.SqliteLocking;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * SQLite has no session locks, so the lock is a row in {@code <prefix>lock} naming its holder (host, process
 * id) with an expiry. A holder on this host whose process is gone is taken over at once; any other holder
 * after its lease expires. Runners renew the lease as they go ({@link #renewSql()}).
 */
public final class SqliteLeaseLock implements MigrationLock {

    /** How long a lease lasts without renewal. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private static final String HOST = hostName();

    private final DataSource dataSource;
    private final String table;

    SqliteLeaseLock(DataSource dataSource, Dialect dialect, String tablePrefix) {
        this.dataSource = dataSource;
        this.table = dialect.quote(tablePrefix + "lock");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }

    /** The statement that renews a lease: parameters expires_at (epoch ms) and owner. */
    public String renewSql() {
        return "UPDATE " + table + " SET expires_at = ? WHERE owner = ?";
    }

    private void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id INTEGER PRIMARY KEY CHECK (id = 1), owner TEXT NOT NULL,"
                    + " host TEXT NOT NULL, pid INTEGER NOT NULL, acquired_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)");
        }
    }

    @Override
    public Held acquire(Duration timeout) throws SQLException {
        String owner = UUID.randomUUID().toString();
        long pid = ProcessHandle.current().pid();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = dataSource.getConnection()) {
            Duration previous = SqliteLocking.busyTimeout(c);
            try {
                return acquire(c, timeout, owner, pid, deadline);
            } finally {
                SqliteLocking.restoreBusyTimeout(c, previous);
            }
        }
    }

    private Held acquire(Connection c, Duration timeout, String owner, long pid, long deadline) throws SQLException {
        long backoffMs = 5;
        // SQLite's own wait for another connection's write lock (busy_timeout) counts against the same
        // deadline as waiting for the lease row, so the whole acquire honours the timeout, sub-second ones too.
        SqliteLocking.waitUpTo(c, remaining(deadline));
        createTable(c);
        while (true) {
            SqliteLocking.waitUpTo(c, remaining(deadline));
            if (tryTake(c, owner, pid)) {
                return new LeaseHeld(owner);
            }
            long left = remaining(deadline).toMillis();
            if (left <= 0) {
                throw new MigrationLockTimeoutException("waited " + MigrationLockTimeoutException.waited(timeout) + " for the migration lock, held by "
                        + describe(c) + "; if that process is gone for good, delete the row from " + table
                        + " or raise covet.migrations.lock-timeout");
            }
            // Polling is the only way to wait on a row lock in SQLite; back off up to 200 ms, never past the deadline.
            try {
                Thread.sleep(Math.min(backoffMs, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the migration lock", e);
            }
            backoffMs = Math.min(200, backoffMs * 2);
        }
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private boolean tryTake(Connection c, String owner, long pid) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            // BEGIN IMMEDIATE takes SQLite's write lock, so reading and claiming the row is atomic.
            s.execute("BEGIN IMMEDIATE");
            boolean taken = false;
            try {
                long now = System.currentTimeMillis();
                boolean free = true;
                try (ResultSet rs = s.executeQuery("SELECT host, pid, expires_at FROM " + table + " WHERE id = 1")) {
                    if (rs.next()) {
                        free = rs.getLong(3) < now || (HOST.equals(rs.getString(1)) && !alive(rs.getLong(2)));
                    }
                }
                if (free) {
                    try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO " + table
                            + " (id, owner, host, pid, acquired_at, expires_at) VALUES (1, ?, ?, ?, ?, ?)")) {
                        p.setString(1, owner);
                        p.setString(2, HOST);
                        p.setLong(3, pid);
                        p.setLong(4, now);
                        p.setLong(5, now + LEASE.toMillis());
                        p.executeUpdate();
                    }
                    taken = true;
                }
                s.execute("COMMIT");
                return taken;
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String describe() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            createTable(c);
            return describe(c);
        }
    }

    private String describe(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT host, pid, acquired_at, expires_at FROM " + table + " WHERE id = 1")) {
            if (!rs.next() || rs.getLong(4) < System.currentTimeMillis()) {
                return "free";
            }
            return "process " + rs.getLong(2) + " on " + rs.getString(1) + " since " + Instant.ofEpochMilli(rs.getLong(3))
                    + " (lease until " + Instant.ofEpochMilli(rs.getLong(4)) + ")";
        }
    }

    /** The held lease; the owner id lets the runner renew it inside its own transactions. */
    public final class LeaseHeld implements Held {
        private final String owner;

        LeaseHeld(String owner) {
            this.owner = owner;
        }

        public String owner() {
            return owner;
        }

        /** Renews the lease on the caller's connection (inside its transaction). */
        public void renew(Connection c) throws SQLException {
            try (PreparedStatement p = c.prepareStatement(renewSql())) {
                p.setLong(1, System.currentTimeMillis() + LEASE.toMillis());
                p.setString(2, owner);
                p.executeUpdate();
            }
        }

        @Override
        public void close() {
            try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE owner = ?")) {
                Duration previous = SqliteLocking.busyTimeout(c);
                try {
                    SqliteLocking.waitUpTo(c, Duration.ofSeconds(30));
                    p.setString(1, owner);
                    p.executeUpdate();
                } finally {
                    SqliteLocking.restoreBusyTimeout(c, previous);
                }
            } catch (SQLException ignored) {
                // the lease expires by itself
            }
        }
    }
}
