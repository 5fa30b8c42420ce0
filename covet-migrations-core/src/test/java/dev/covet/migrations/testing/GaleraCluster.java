package dev.covet.migrations.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The three-node MariaDB Galera cluster that {@code scripts/galera-cluster.sh} starts on loopback ports (and
 * {@code .ci/run} starts before the tests): its nodes' JDBC URLs come from {@code COVET_TEST_GALERA_URLS}
 * (comma-separated, with {@code COVET_TEST_GALERA_USER}/{@code _PASSWORD}) and the script from
 * {@code COVET_TEST_GALERA_CONTROL}, which the tests use to kill and restart a node. Without them a test is skipped
 * with a message that says how to start the cluster, except when {@code CI=true}, where it fails.
 */
public final class GaleraCluster {

    private final List<String> nodeUrls;
    private final String user;
    private final String password;
    private final String control;

    private GaleraCluster(List<String> nodeUrls, String user, String password, String control) {
        this.nodeUrls = nodeUrls;
        this.user = user;
        this.password = password;
        this.control = control;
    }

    /** The running cluster; skips (or fails on CI) when it is not configured or not reachable. */
    public static GaleraCluster require() {
        String urls = System.getenv("COVET_TEST_GALERA_URLS");
        String control = System.getenv("COVET_TEST_GALERA_CONTROL");
        if (urls == null || urls.isBlank() || control == null || control.isBlank()) {
            return unavailable("skipped: no Galera cluster for tests: run scripts/galera-cluster.sh start and set"
                    + " COVET_TEST_GALERA_URLS=$(scripts/galera-cluster.sh urls) COVET_TEST_GALERA_USER=covet"
                    + " COVET_TEST_GALERA_PASSWORD=covet COVET_TEST_GALERA_CONTROL=$PWD/scripts/galera-cluster.sh (.ci/run does)");
        }
        String user = System.getenv().getOrDefault("COVET_TEST_GALERA_USER", "covet");
        String password = System.getenv().getOrDefault("COVET_TEST_GALERA_PASSWORD", "covet");
        GaleraCluster cluster = new GaleraCluster(Arrays.stream(urls.split(",")).map(String::trim).toList(), user, password, control);
        for (int node = 1; node <= cluster.size(); node++) {
            try (Connection c = cluster.connect(cluster.nodeUrls.get(node - 1))) {
                c.isValid(5);
            } catch (SQLException e) {
                return unavailable("Galera node " + node + " (" + cluster.nodeUrls.get(node - 1) + ") cannot be reached: "
                        + e.getMessage() + "; run scripts/galera-cluster.sh start");
            }
        }
        return cluster;
    }

    private static GaleraCluster unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + why);
        }
        Assumptions.abort(why);
        return null;
    }

    /** How many nodes. */
    public int size() {
        return nodeUrls.size();
    }

    /**
     * A fresh database, created through node 1 (Galera replicates the CREATE to every node); element {@code n - 1}
     * reaches it through node {@code n}. Closing the first drops it on the whole cluster.
     */
    public List<TestDatabase> newDatabase() throws SQLException {
        String name = "covet_g_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin(1, "CREATE DATABASE " + name);
        for (int n = 2; n <= size(); n++) {
            awaitDatabase(n, name);
        }
        List<TestDatabase> nodes = new ArrayList<>();
        for (int n = 1; n <= size(); n++) {
            int node = n;
            Runnable drop = node == 1 ? () -> {
                try {
                    admin(node, "DROP DATABASE IF EXISTS " + name);
                } catch (SQLException ignored) {
                    // best effort: a leftover test database does not affect other tests
                }
            } : () -> { };
            nodes.add(new TestDatabase("mysql", TestDatabases.Server.withDatabase(nodeUrls.get(n - 1), name), user, password, drop));
        }
        return nodes;
    }

    /**
     * Waits until node {@code n} has applied the CREATE: Galera runs a DDL on the other nodes after the writer's
     * statement returns (seen on CI: "Unknown database" on node 2 right after the CREATE on node 1). A causal read
     * waits for everything the cluster committed before it; a SELECT, since {@code SHOW} is covered only by the
     * separate bit 8 (seen on CI: a causal {@code SHOW DATABASES} with bit 1 alone missed it).
     */
    private void awaitDatabase(int n, String name) throws SQLException {
        try (Connection c = connect(nodeUrls.get(n - 1)); Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 15");
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) != 1) {
                        throw new IllegalStateException("node " + n + " does not show " + name + " after a causal read");
                    }
                }
            }
        }
    }

    private void admin(int node, String sql) throws SQLException {
        try (Connection c = connect(nodeUrls.get(node - 1)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Kills node {@code n} with SIGKILL, as a crash would. */
    public void kill(int n) throws IOException, InterruptedException {
        control("kill", n);
    }

    /** Starts node {@code n} again; it rejoins the cluster and catches up before this returns. */
    public void restart(int n) throws IOException, InterruptedException {
        control("start-node", n);
    }

    private void control(String command, int n) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", control, command, String.valueOf(n)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(control + " " + command + " " + n + " failed: " + output);
        }
    }
}
