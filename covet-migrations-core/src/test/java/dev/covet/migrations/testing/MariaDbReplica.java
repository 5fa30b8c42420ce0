package dev.covet.migrations.testing;

import dev.covet.migrations.data.Replica;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MariaDB primary and replica that {@code scripts/mariadb-replica.sh} starts on 127.0.0.1:4406 and 4407 (and
 * {@code .ci/run} starts before the tests), from {@code COVET_TEST_MARIADB_PRIMARY_URL} and
 * {@code COVET_TEST_MARIADB_REPLICA_URL} (with {@code COVET_TEST_MARIADB_USER}/{@code _PASSWORD}, default covet/covet,
 * a user with every privilege: the tests stop, delay and start replication). Without them a test is skipped with a
 * message that says how to start the pair, except when {@code CI=true}, where it fails. Databases made on the primary
 * ({@link #newDatabase()}) appear on the replica under the same name.
 */
public final class MariaDbReplica {

    private static final int CATCH_UP_SECONDS = 60;

    private final String primaryUrl;
    private final String replicaUrl;
    private final String user;
    private final String password;

    private MariaDbReplica(String primaryUrl, String replicaUrl, String user, String password) {
        this.primaryUrl = primaryUrl;
        this.replicaUrl = replicaUrl;
        this.user = user;
        this.password = password;
    }

    /** The running pair, replicating; skips (or fails on CI) when it is not configured or not reachable. */
    public static MariaDbReplica locate() {
        String primary = System.getenv("COVET_TEST_MARIADB_PRIMARY_URL");
        String replica = System.getenv("COVET_TEST_MARIADB_REPLICA_URL");
        if (primary == null || primary.isBlank() || replica == null || replica.isBlank()) {
            return unavailable("skipped: no MariaDB primary and replica for the replica-lag tests: run"
                    + " scripts/mariadb-replica.sh start and set COVET_TEST_MARIADB_PRIMARY_URL and"
                    + " COVET_TEST_MARIADB_REPLICA_URL (scripts/mariadb-replica.sh urls prints them; .ci/test-env.sh"
                    + " exports them, .ci/run starts the pair)");
        }
        MariaDbReplica pair = new MariaDbReplica(primary, replica,
                System.getenv().getOrDefault("COVET_TEST_MARIADB_USER", "covet"),
                System.getenv().getOrDefault("COVET_TEST_MARIADB_PASSWORD", "covet"));
        try (Connection p = pair.connect(primary)) {
            p.isValid(5);
        } catch (SQLException e) {
            return unavailable("the MariaDB primary " + primary + " cannot be reached: " + e.getMessage()
                    + "; run scripts/mariadb-replica.sh start");
        }
        try (Connection r = pair.connect(replica); Statement s = r.createStatement();
             ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
            if (!rs.next()) {
                return unavailable(replica + " is not a replica (SHOW SLAVE STATUS is empty); run scripts/mariadb-replica.sh start");
            }
        } catch (SQLException e) {
            return unavailable("the MariaDB replica " + replica + " cannot be reached: " + e.getMessage()
                    + "; run scripts/mariadb-replica.sh start");
        }
        return pair;
    }

    private static MariaDbReplica unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + why);
        }
        Assumptions.abort(why);
        return null;
    }

    /**
     * A fresh database on the primary, replicated and caught up on the replica with replication running undelayed;
     * closing it drops it on both.
     */
    public TestDatabase newDatabase() throws SQLException {
        String name = "covet_r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        resetReplication();
        primaryExecute("CREATE DATABASE " + name);
        awaitCaughtUp();
        return new TestDatabase("mysql", TestDatabases.Server.withDatabase(primaryUrl, name), user, password, () -> {
            try {
                primaryExecute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException ignored) {
                // best effort: a leftover test database does not affect other tests
            }
        });
    }

    /** The replica of {@code database} (made by {@link #newDatabase()}), as a batch job names it. */
    public Replica replicaOf(TestDatabase database) {
        return new Replica(replicaUrlOf(database), user, password);
    }

    /** The JDBC URL of {@code database} on the replica. */
    public String replicaUrlOf(TestDatabase database) {
        String url = database.url();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return TestDatabases.Server.withDatabase(replicaUrl, base.substring(base.lastIndexOf('/') + 1));
    }

    /** Makes the replica apply each event {@code seconds} after the primary wrote it ({@code MASTER_DELAY}). */
    public void delay(int seconds) throws SQLException {
        replicaExecute("STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY = " + seconds, "START SLAVE");
    }

    /** Stops replication on the replica (both threads), as an operator or a replication error would. */
    public void stopReplication() throws SQLException {
        replicaExecute("STOP SLAVE");
    }

    /** Replication running, undelayed: what every test starts from and leaves behind. */
    public void resetReplication() throws SQLException {
        delay(0);
    }

    /**
     * Waits (polling, bounded) until the replica reports itself at least {@code seconds} behind
     * ({@code Seconds_Behind_Master}, whole seconds): a delayed replica's lag grows with the clock from the first event
     * it holds back.
     */
    public void awaitBehind(int seconds) throws SQLException {
        long deadline = System.nanoTime() + CATCH_UP_SECONDS * 1_000_000_000L;
        try (Connection c = connect(replicaUrl); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SHOW SLAVE STATUS")) {
                    if (rs.next() && rs.getLong("Seconds_Behind_Master") >= seconds) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replica " + replicaUrl + " did not fall " + seconds
                            + " s behind within " + CATCH_UP_SECONDS + " s (is it delayed, and did the primary write?)");
                }
                pollPause();
            }
        }
    }

    /** Waits (bounded) until the replica has applied everything the primary has written so far. */
    public void awaitCaughtUp() throws SQLException {
        String position;
        try (Connection c = connect(primaryUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@gtid_binlog_pos")) {
            rs.next();
            position = rs.getString(1);
        }
        try (Connection c = connect(replicaUrl); PreparedStatement ps = c.prepareStatement("SELECT MASTER_GTID_WAIT(?, ?)")) {
            ps.setString(1, position);
            ps.setInt(2, CATCH_UP_SECONDS);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 0) {
                    throw new IllegalStateException("the replica " + replicaUrl + " did not reach the primary's position "
                            + position + " within " + CATCH_UP_SECONDS + " s (replication stopped or delayed?)");
                }
            }
        }
    }

    // Between two looks at the replica's status, not a wait for something to happen by itself.
    private static void pollPause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the replica", e);
        }
    }

    private void primaryExecute(String... sql) throws SQLException {
        execute(primaryUrl, sql);
    }

    private void replicaExecute(String... sql) throws SQLException {
        execute(replicaUrl, sql);
    }

    private void execute(String url, String... sql) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
