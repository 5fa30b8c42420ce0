package dev.covet.migrations.internal.lock;

import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.lock.MigrationLockTimeoutException;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.internal.sqlite.session.SqliteLocking;

import javax.sql.DataSource;
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
 * after its lease expires. A heartbeat renews the lease every third of it while the holder lives, and each
 * migration renews it before it commits ({@link #renewSql()}), so a short lease is safe: a dead holder on another
 * host blocks the next start for at most the lease.
 */
public final class SqliteLeaseLock implements MigrationLock {

    /** How long a lease lasts without renewal. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private static final String HOST = LeaseTable.HOST;

    private final DataSource dataSource;
    private final String table;
    private final String createTableSql;
    private final Duration lease;

    /**
     * A lock whose lease lasts {@code lease} without renewal (the heartbeat renews it every third of that).
     *
     * @param table the lock table's name, quoted
     * @param createTable the statement that creates the table when it is missing: {@link #table(String)} rendered
     *        by the dialect
     * @param lease shorter makes a dead holder on another host block others for less time; it must stay well above
     *        how far the hosts' clocks are apart and above the longest pause of the holding process
     */
    public SqliteLeaseLock(DataSource dataSource, String table, String createTable, Duration lease) {
        this.dataSource = dataSource;
        this.table = table;
        this.createTableSql = createTable;
        this.lease = lease;
    }

    /** The {@code <prefix>lock} table (see {@link LeaseTable}). */
    public static TableSchema table(String tablePrefix) {
        return LeaseTable.schema(tablePrefix);
    }

    /** The statement that renews a lease: parameters expires_at (epoch ms) and owner. */
    public String renewSql() {
        return "UPDATE " + table + " SET expires_at = ? WHERE owner = ?";
    }

    private void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(createTableSql);
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
            if (!heldByOther(c) && tryTake(c, owner, pid)) {
                return new LeaseHeld(owner, LeaseHeartbeat.start(c.getMetaData().getURL(), renewSql(), owner, lease));
            }
            long left = remaining(deadline).toMillis();
            if (left <= 0) {
                throw new MigrationLockTimeoutException("waited " + MigrationLockTimeoutException.waited(timeout) + " for the migration lock, held by "
                        + describe(c) + ". A live holder renews its lease every " + lease.dividedBy(3).toSeconds() + " s, and a"
                        + " dead one's expires within " + lease.toSeconds() + " s (at once if it ran on this host): raise"
                        + " covet.migrations.lock-timeout above " + lease.toSeconds() + " s to wait that out, or, if the"
                        + " holder's migration really runs this long, wait for it; delete the row from " + table
                        + " only if that process is certainly gone");
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

    /**
     * Whether a live holder has the lock, by a plain read: waiters poll this, and only a lock that looks free or
     * expired is claimed with a write transaction, so many waiters do not keep the holder's writes (its history and
     * audit rows) waiting for SQLite's write lock.
     */
    private boolean heldByOther(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT host, pid, expires_at FROM " + table + " WHERE id = 1")) {
            return rs.next() && !free(rs.getString(1), rs.getLong(2), rs.getLong(3), System.currentTimeMillis());
        }
    }

    private static boolean free(String host, long pid, long expiresAt, long now) {
        return LeaseTable.free(host, pid, expiresAt, now);
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
                        free = free(rs.getString(1), rs.getLong(2), rs.getLong(3), now);
                    }
                }
                if (free) {
                    try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO " + table
                            + " (id, owner, host, pid, acquired_at, expires_at) VALUES (1, ?, ?, ?, ?, ?)")) {
                        p.setString(1, owner);
                        p.setString(2, HOST);
                        p.setLong(3, pid);
                        p.setLong(4, now);
                        p.setLong(5, now + lease.toMillis());
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
        private final LeaseHeartbeat heartbeat;

        LeaseHeld(String owner, LeaseHeartbeat heartbeat) {
            this.owner = owner;
            this.heartbeat = heartbeat;
        }

        public String owner() {
            return owner;
        }

        /** Renews the lease on the caller's connection (inside its transaction). */
        @Override
        public void renew(Connection c) throws SQLException {
            LeaseHeartbeat.renew(c, renewSql(), owner, lease);
        }

        @Override
        public void close() {
            if (heartbeat != null) {
                heartbeat.close();
            }
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
