package dev.covet.migrations.dialect;

import dev.covet.migrations.internal.lock.GaleraSyncWait;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/**
 * MySQL: a row-lock wait bounded with the session's {@code innodb_lock_wait_timeout} (whole seconds, 50 by
 * default), put back afterwards since the session outlives the transaction. On a Galera node a run's connection
 * reads causally (see {@link #connectionWait}).
 */
final class MySqlLockWaits implements LockWaits {

    /** ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK. */
    private static final Set<Integer> RETRYABLE = Set.of(1205, 1213);

    private final boolean galera;

    /** @param galera whether the sessions are on a Galera cluster node */
    MySqlLockWaits(boolean galera) {
        this.galera = galera;
    }

    /**
     * Nothing on a single server. On a Galera node the connection's reads wait until the node has applied what the
     * cluster committed before them ({@code wsrep_sync_wait} bit 1): the lock may have been taken through another
     * node (a pool behind a load balancer), and a history read on a node that has not applied the previous holder's
     * last rows yet would run a migration twice; the audit chain would fork the same way. Put back on close.
     */
    @Override
    public Restore connectionWait(Connection c, Duration timeout) throws SQLException {
        return causalReads(c);
    }

    @Override
    public Restore causalReads(Connection c) throws SQLException {
        return galera ? GaleraSyncWait.raise(c, 1)::close : Restore.NOTHING;
    }

    @Override
    public Restore transactionWait(Connection c, Duration wait) throws SQLException {
        long before;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT @@SESSION.innodb_lock_wait_timeout")) {
            rs.next();
            before = rs.getLong(1);
        }
        set(c, Math.max(1, (Math.max(1, wait.toMillis()) + 999) / 1000));
        return () -> set(c, before);
    }

    private static void set(Connection c, long seconds) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = " + seconds);
        }
    }

    @Override
    public boolean retryable(Throwable failure) {
        return Causes.anySqlException(failure, e -> RETRYABLE.contains(e.getErrorCode()));
    }

    @Override
    public boolean lockedByOtherConnection(Throwable failure) {
        return false;
    }

    @Override
    public String lockedAdvice(Duration waited) {
        return "";
    }
}
