package dev.covet.migrations.internal.lock;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.lock.MigrationLockTimeoutException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The migration lock of a MariaDB Galera cluster. {@code GET_LOCK} is no lock there: a node grants it without asking
 * the others (or refuses it outright when {@code wsrep_on} is set, MDEV-30473), so two nodes would migrate at once.
 * This lock is a row in {@code <prefix>lock} like SQLite's lease: its holder and an expiry. Galera certifies every
 * commit against the whole cluster, so of two nodes inserting (or taking over) that row at the same moment exactly one
 * commits and the other gets a certification conflict; whoever commits holds the lock on every node. A heartbeat
 * renews the lease while the holder lives; a holder whose node or process died stops renewing, and its lease runs out.
 *
 * <p>The lease is derived from the lock timeout (half of it, at most 30 s): an instance waiting its full timeout always
 * outlives a dead holder's lease. The lease is also renewed before each DDL statement of a migration and inside each
 * data statement's transaction, which fails if the lease was taken over meanwhile: a holder that lost the lock runs
 * nothing more.
 *
 * <p>DDL must run in total order isolation ({@code wsrep_OSU_method=TOI}, Galera's default): under rolling schema
 * upgrade ({@code RSU}) a statement changes only the node it ran on, the nodes' schemas part and history rows would
 * say otherwise; taking the lock refuses such a session.
 */
public final class GaleraLeaseLock implements MigrationLock {

    /** The longest lease; a shorter lock timeout makes it shorter. */
    public static final Duration MAX_LEASE = Duration.ofSeconds(30);
    private static final Duration MIN_LEASE = Duration.ofSeconds(1);
    /** ER_DUP_ENTRY: another node's row is there. */
    private static final int DUPLICATE_KEY = 1062;
    /** ER_LOCK_DEADLOCK: Galera's certification chose another node's write. */
    private static final int CERTIFICATION_CONFLICT = 1213;

    /** {@code wsrep_sync_wait}: reads wait for what the cluster committed before them. */
    private static final int CAUSAL_READS = 1;
    /** {@code wsrep_sync_wait}: reads, updates and deletes wait. */
    private static final int CAUSAL_UPDATES = 3;

    private final DataSource dataSource;
    private final String table;
    private final String createTableSql;

    /**
     * @param table the lock table's name, quoted
     * @param createTable the statement that creates it when missing ({@link LeaseTable#schema} rendered by the dialect)
     */
    public GaleraLeaseLock(DataSource dataSource, String table, String createTable) {
        this.dataSource = dataSource;
        this.table = table;
        this.createTableSql = createTable;
    }

    /** The lease for a lock timeout: half of it, between 1 s and {@link #MAX_LEASE}. */
    public static Duration leaseFor(Duration lockTimeout) {
        Duration half = lockTimeout.dividedBy(2);
        return half.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : half.compareTo(MAX_LEASE) > 0 ? MAX_LEASE : half;
    }

    private String renewSql() {
        return "UPDATE " + table + " SET expires_at = ? WHERE id = 1 AND owner = ?";
    }

    @Override
    public Held acquire(Duration timeout) throws SQLException {
        Duration lease = leaseFor(timeout);
        String owner = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + timeout.toNanos();
        Connection c = dataSource.getConnection();
        GaleraSyncWait causal = null;
        try {
            c.setAutoCommit(true);
            refuseRollingUpgrade(c);
            // a free-looking lock row is then really free; put back before a pooled connection returns
            causal = GaleraSyncWait.raise(c, CAUSAL_READS);
            try (Statement s = c.createStatement()) {
                s.execute(createTableSql);
            }
            long backoffMs = 5;
            while (!tryTake(c, owner, lease)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new MigrationLockTimeoutException("waited " + MigrationLockTimeoutException.waited(timeout)
                            + " for the cluster's migration lock, held by " + describe(c) + ". A live holder renews its lease"
                            + " every " + lease.dividedBy(3).toMillis() + " ms and a dead one's (its process or its node gone)"
                            + " runs out within " + lease.toSeconds() + " s: if its migration really runs this long, wait"
                            + " for it or raise covet.migrations.lock-timeout; delete the row from " + table
                            + " only if that process is certainly gone");
                }
                sleep(Math.min(backoffMs, left));
                backoffMs = Math.min(200, backoffMs * 2);
            }
            return new LeaseHeld(owner, lease, LeaseHeartbeat.beatOn(c, renewSql(), owner, lease, causal));
        } catch (SQLException | RuntimeException e) {
            try (c; GaleraSyncWait ignored = causal) {
                // closes both, the setting first
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Refuses a session whose DDL would not reach every node. */
    private static void refuseRollingUpgrade(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION.wsrep_OSU_method")) {
            String method = rs.next() ? rs.getString(1) : "TOI";
            if (!"TOI".equals(method.toUpperCase(Locale.ROOT))) {
                throw new MigrationException("this Galera session runs DDL with wsrep_OSU_method=" + method + ": each"
                        + " statement would change only the node it runs on, and the cluster's nodes would then disagree"
                        + " with each other and with the migration history. Migrate with total order isolation: SET GLOBAL"
                        + " wsrep_OSU_method = 'TOI' (Galera's default), or remove the setting from the pool's"
                        + " connection-init SQL");
            }
        }
    }

    /** One attempt: insert the row, or take over a free one; {@code false} when another holds it or won the race. */
    private boolean tryTake(Connection c, String owner, Duration lease) throws SQLException {
        long now = System.currentTimeMillis();
        try {
            Holder holder = read(c);
            if (holder == null) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table
                        + " (id, owner, host, pid, acquired_at, expires_at) VALUES (1, ?, ?, ?, ?, ?)")) {
                    bind(p, owner, now, lease);
                    return p.executeUpdate() == 1;
                }
            }
            if (!LeaseTable.free(holder.host(), holder.pid(), holder.expiresAt(), now)) {
                return false;
            }
            // Naming the previous owner makes the takeover conditional: of two nodes taking over at once, certification
            // lets one commit, and a late one finds the owner changed.
            try (PreparedStatement p = c.prepareStatement("UPDATE " + table
                    + " SET owner = ?, host = ?, pid = ?, acquired_at = ?, expires_at = ? WHERE id = 1 AND owner = ?")) {
                bind(p, owner, now, lease);
                p.setString(6, holder.owner());
                return p.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == DUPLICATE_KEY || e.getErrorCode() == CERTIFICATION_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    private static void bind(PreparedStatement p, String owner, long now, Duration lease) throws SQLException {
        p.setString(1, owner);
        p.setString(2, LeaseTable.HOST);
        p.setLong(3, ProcessHandle.current().pid());
        p.setLong(4, now);
        p.setLong(5, now + lease.toMillis());
    }

    private record Holder(String owner, String host, long pid, long acquiredAt, long expiresAt) {
    }

    private Holder read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT owner, host, pid, acquired_at, expires_at FROM " + table + " WHERE id = 1")) {
            return rs.next() ? new Holder(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)) : null;
        }
    }

    private static void sleep(long ms) throws SQLException {
        // Waiting on a row another node holds can only be done by polling: row locks are not cluster-wide in Galera.
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the migration lock", e);
        }
    }

    @Override
    public String describe() throws SQLException {
        try (Connection c = dataSource.getConnection(); GaleraSyncWait ignored = GaleraSyncWait.raise(c, CAUSAL_READS);
             Statement s = c.createStatement()) {
            s.execute(createTableSql);
            return describe(c);
        }
    }

    private String describe(Connection c) throws SQLException {
        Holder holder = read(c);
        if (holder == null || LeaseTable.free(holder.host(), holder.pid(), holder.expiresAt(), System.currentTimeMillis())) {
            return "free";
        }
        return "process " + holder.pid() + " on " + holder.host() + " since " + Instant.ofEpochMilli(holder.acquiredAt())
                + " (lease until " + Instant.ofEpochMilli(holder.expiresAt()) + ")";
    }

    /** The held lease. */
    private final class LeaseHeld implements Held {
        private final String owner;
        private final Duration lease;
        private final LeaseHeartbeat heartbeat;

        LeaseHeld(String owner, Duration lease, LeaseHeartbeat heartbeat) {
            this.owner = owner;
            this.lease = lease;
            this.heartbeat = heartbeat;
        }

        /**
         * Renews the lease in the caller's transaction; a lease another instance took over fails it, so a holder that
         * was paused past its lease cannot commit a migration the new holder may also run.
         */
        @Override
        public void renew(Connection c) throws SQLException {
            if (LeaseHeartbeat.renew(c, renewSql(), owner, lease) == 0 && renewCausally(c) == 0) {
                throw new SQLException("this instance no longer holds the cluster's migration lock: its lease ran out"
                        + " (was the process paused for longer than " + lease.toSeconds() + " s?) and another instance took"
                        + " it over; nothing of this migration is recorded, and the run stops");
            }
        }

        /**
         * Renews once more after {@code c}'s node applied what the cluster committed: the caller's connection may be
         * on another node than the lock's (a pool behind a load balancer), one that has not applied the lease's
         * insert or last renewal yet, where the first UPDATE matched no row although the lease is still this
         * instance's (seen on CI). Galera's causal wait for UPDATE and DELETE ({@code wsrep_sync_wait} bit 2)
         * settles it; the session's own setting is put back.
         */
        private int renewCausally(Connection c) throws SQLException {
            try (GaleraSyncWait ignored = GaleraSyncWait.raise(c, CAUSAL_UPDATES)) {
                return LeaseHeartbeat.renew(c, renewSql(), owner, lease);
            }
        }

        @Override
        public void close() {
            heartbeat.close();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE id = 1 AND owner = ?")) {
                p.setString(1, owner);
                p.executeUpdate();
            } catch (SQLException ignored) {
                // the lease runs out by itself
            }
        }
    }
}
