package dev.covet.migrations.testing;

import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The streaming standby of the test PostgreSQL ({@code scripts/pg-standby.sh}, started by {@code .ci/run}), from
 * {@code COVET_TEST_PG_STANDBY_URL} (with {@code _USER}, a superuser there: pausing replay needs one, and
 * {@code _PASSWORD}). Without it the test is skipped with a message, except when {@code CI=true}, where it fails.
 * Databases made on the primary ({@link TestDatabases}) appear on the standby under the same name once replayed.
 */
public final class PostgresStandby {

    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(60);

    private final String url;
    private final String user;
    private final String password;

    private PostgresStandby(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The standby; skips (or fails on CI) when it is not configured or cannot be reached. */
    public static PostgresStandby locate() {
        String url = System.getenv("COVET_TEST_PG_STANDBY_URL");
        String problem = null;
        PostgresStandby standby = null;
        if (url == null || url.isBlank()) {
            problem = "skipped: no PostgreSQL standby for the replica tests: set COVET_TEST_PG_STANDBY_URL (and _USER/_PASSWORD),"
                    + " e.g. after scripts/pg-standby.sh start, or run .ci/run";
        } else {
            String user = System.getenv("COVET_TEST_PG_STANDBY_USER");
            String password = System.getenv("COVET_TEST_PG_STANDBY_PASSWORD");
            standby = new PostgresStandby(url, user, password == null ? "" : password);
            try (Connection c = standby.admin(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    problem = "COVET_TEST_PG_STANDBY_URL=" + url + " is not a standby (pg_is_in_recovery() is false)";
                }
            } catch (SQLException e) {
                problem = "COVET_TEST_PG_STANDBY_URL=" + url + " is set but cannot be reached: " + e.getMessage();
            }
        }
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + problem);
            }
            Assumptions.abort(problem);
        }
        return standby;
    }

    /** A connection to the standby's own database, as its (super)user. */
    public Connection admin() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Connections to the database of {@code primary} on the standby, once the standby has replayed everything the
     * primary has written so far.
     */
    public DataSource replicaOf(TestDatabase primary) throws SQLException {
        awaitReplayed(primary);
        String replicaUrl = TestDatabases.Server.withDatabase(url, databaseName(primary.url()));
        return ConnectionSource.of(replicaUrl, () -> DriverManager.getConnection(replicaUrl, user, password));
    }

    /** Waits (polling, bounded) until the standby has replayed the primary's current WAL position. */
    public void awaitReplayed(TestDatabase primary) throws SQLException {
        String lsn;
        try (Connection c = primary.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            lsn = rs.getString(1);
        }
        long deadline = System.nanoTime() + REPLAY_TIMEOUT.toNanos();
        try (Connection c = admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), ?::pg_lsn) >= 0")) {
            ps.setString(1, lsn);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standby did not replay " + lsn + " within " + REPLAY_TIMEOUT
                            + " (is its replay paused?)");
                }
                pollPause();
            }
        }
    }

    /** Pauses the standby's replay; it keeps receiving WAL. */
    public void pauseReplay() throws SQLException {
        adminExecute("SELECT pg_wal_replay_pause()");
    }

    /** Resumes the standby's replay. */
    public void resumeReplay() throws SQLException {
        adminExecute("SELECT pg_wal_replay_resume()");
    }

    private void adminExecute(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String databaseName(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return base.substring(base.lastIndexOf('/') + 1);
    }

    // Between two looks at the standby's replay position, not a wait for something to happen by itself.
    private static void pollPause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the standby", e);
        }
    }
}
