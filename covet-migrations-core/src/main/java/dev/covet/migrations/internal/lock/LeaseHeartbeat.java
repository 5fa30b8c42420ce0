package dev.covet.migrations.internal.lock;

import dev.covet.migrations.internal.sqlite.session.SqliteLocking;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews a lock lease (SQLite's, a Galera cluster's) every third of the lease while its holder lives, so a short lease is safe for a long
 * run and a dead holder's lease (whose heartbeat died with it) expires soon. It uses a connection of its own,
 * opened from the database's URL rather than borrowed from the application's pool (a pool of one would hand it the
 * run's own connection). A beat that finds the database busy (a migration's transaction, which renews the lease
 * itself before it commits) is skipped; the next one comes well before the lease runs out. A Galera cluster's lease
 * ({@link GaleraLeaseLock}) beats on the connection that took the lock, from the application's pool.
 */
final class LeaseHeartbeat implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final Connection connection;
    private final AutoCloseable sessionReset;

    private LeaseHeartbeat(ScheduledExecutorService timer, Connection connection, AutoCloseable sessionReset) {
        this.timer = timer;
        this.connection = connection;
        this.sessionReset = sessionReset;
    }

    /**
     * Starts beating on a SQLite connection of its own; returns {@code null} when none can be opened (renewals
     * inside transactions remain).
     */
    static LeaseHeartbeat start(String url, String renewSql, String owner, Duration lease) {
        Connection c;
        try {
            c = DriverManager.getConnection(url);
            SqliteLocking.waitUpTo(c, lease.dividedBy(3));
        } catch (SQLException e) {
            LoggerFactory.getLogger(LeaseHeartbeat.class).warn("Covet Migrations: cannot open a connection to renew the"
                    + " migration lock lease ({}); it is renewed only when each migration commits", e.getMessage());
            return null;
        }
        return beatOn(c, renewSql, owner, lease, null);
    }

    /**
     * Starts beating on {@code c}, which the heartbeat then owns and closes, after closing {@code sessionReset} (when
     * not {@code null}) so that a pooled connection goes back with the session settings it came with.
     */
    static LeaseHeartbeat beatOn(Connection c, String renewSql, String owner, Duration lease, AutoCloseable sessionReset) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "covet-migrations-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long periodMs = Math.max(1, lease.toMillis() / 3);
        timer.scheduleWithFixedDelay(() -> beat(c, renewSql, owner, lease), periodMs, periodMs, TimeUnit.MILLISECONDS);
        return new LeaseHeartbeat(timer, c, sessionReset);
    }

    /**
     * Extends the lease held by {@code owner} to {@code lease} from now, on {@code c}.
     *
     * @return the rows renewed: 0 when the lease is no longer the owner's
     */
    static int renew(Connection c, String renewSql, String owner, Duration lease) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(renewSql)) {
            p.setLong(1, System.currentTimeMillis() + lease.toMillis());
            p.setString(2, owner);
            return p.executeUpdate();
        }
    }

    private static void beat(Connection c, String renewSql, String owner, Duration lease) {
        try {
            if (renew(c, renewSql, owner, lease) == 0) {
                LoggerFactory.getLogger(LeaseHeartbeat.class).error("Covet Migrations: the migration lock lease is no longer"
                        + " this process's (another process took it over after it expired: was this process paused for"
                        + " longer than the lease, or are the hosts' clocks apart?)");
            }
        } catch (SQLException e) {
            LoggerFactory.getLogger(LeaseHeartbeat.class).debug("lock lease renewal skipped: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (connection; AutoCloseable reset = sessionReset) {
            // closes the reset first, then the connection
        } catch (Exception ignored) {
            // nothing left to renew; a connection that cannot take the reset is not reused by a sane pool
        }
    }
}
