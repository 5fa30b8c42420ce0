package dev.covet.migrations.dialect;

import dev.covet.migrations.internal.sqlite.session.SqliteLocking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * SQLite: one lock for the whole database, waited for up to the connection's busy timeout, then "database is
 * locked". The busy timeout covers row-lock waits too.
 */
final class SqliteLockWaits implements LockWaits {

    @Override
    public Restore connectionWait(Connection c, Duration timeout) throws SQLException {
        Duration before = SqliteLocking.busyTimeout(c);
        SqliteLocking.waitUpTo(c, timeout);
        return () -> SqliteLocking.restoreBusyTimeout(c, before);
    }

    @Override
    public Restore causalReads(Connection c) {
        return Restore.NOTHING;
    }

    @Override
    public Restore transactionWait(Connection c, Duration wait) {
        return Restore.NOTHING;
    }

    @Override
    public boolean retryable(Throwable failure) {
        return SqliteLocking.isLocked(failure);
    }

    @Override
    public boolean lockedByOtherConnection(Throwable failure) {
        return SqliteLocking.isLocked(failure);
    }

    @Override
    public String lockedAdvice(Duration waited) {
        return SqliteLocking.lockedMessage(waited);
    }
}
