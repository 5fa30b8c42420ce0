package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.LintFinding;
import dev.covet.migrations.LintSuppressions;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.audit.AuditEntry;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.dialect.MySqlDialect;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.lock.MigrationLockTimeoutException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.ConnectionSource;
import dev.covet.migrations.testing.GaleraCluster;
import dev.covet.migrations.testing.JavaMigrations;
import dev.covet.migrations.testing.OneConnectionPool;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import dev.covet.migrations.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A three-node MariaDB Galera cluster ({@code scripts/galera-cluster.sh}): instances connected to different nodes
 * starting at once apply each migration exactly once and leave every node with the same schema and history; a holder
 * whose node dies blocks the others only until its lease runs out; a session that would run DDL on one node only is
 * refused before anything changes.
 */
class GaleraClusterTests {

    private static final int STARTS = 12;

    @Test
    void twelveStartsSpreadOverThreeNodesApplyEachMigrationOnceAndEveryNodeAgrees() throws Exception {
        GaleraCluster cluster = GaleraCluster.require();
        List<TestDatabase> nodes = cluster.newDatabase();
        try (MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            List<String> outcomes = StartsAtOnce.run(STARTS, i -> nodes.get(i % nodes.size()), files, Duration.ofSeconds(120));
            assertThat(outcomes).as("each start's outcome").noneMatch(o -> o.startsWith("failed"));
            assertThat(StartsAtOnce.applied(outcomes))
                    .as("migrations applied across all starts").isEqualTo(10);
            SchemaState first = schema(nodes.get(0));
            for (TestDatabase node : nodes) {
                assertThat(causalCount(node, "SELECT COUNT(*) FROM covet_migrations WHERE state = 'APPLIED'"))
                        .as("history on " + node.url()).isEqualTo(10);
                assertThat(causalCount(node, "SELECT COUNT(*) FROM customers")).as("rows on " + node.url()).isEqualTo(2);
                assertThat(causalCount(node, "SELECT COUNT(*) FROM covet_lock")).as("lock released").isZero();
                assertThat(schema(node)).as("schema on " + node.url()).isEqualTo(first);
                MigrationAuditLog audit = new MigrationAuditLog(node.dataSource(), node.dialect(), "covet_");
                List<AuditEntry> rows = audit.getRecentMigrations(100);
                assertThat(rows).hasSize(10).allSatisfy(r -> assertThat(r.status()).isEqualTo(AuditEntry.SUCCESS));
                assertThat(audit.verify()).as("audit chain on " + node.url()).isEmpty();
            }
        } finally {
            nodes.get(0).close();
        }
    }

    @Test
    void aHolderWhoseNodeDiesBlocksTheOthersOnlyUntilItsLeaseRunsOut() throws Exception {
        GaleraCluster cluster = GaleraCluster.require();
        List<TestDatabase> nodes = cluster.newDatabase();
        // a lease of 8 s: long enough to see it hold on the other nodes while the cluster settles after the kill
        Duration lockTimeout = Duration.ofSeconds(16);
        try (MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            MigrationLock onNode3 = new MySqlDialect().lock(nodes.get(2).dataSource(), "covet_");
            MigrationLock.Held held = onNode3.acquire(lockTimeout);
            try {
                cluster.kill(3);
                long killed = System.nanoTime();
                // the dead node's holder still holds the lock on the others: nobody may take it before its lease ends
                MigrationLock onNode1 = new MySqlDialect().lock(nodes.get(0).dataSource(), "covet_");
                assertThatThrownBy(() -> onNode1.acquire(Duration.ofMillis(300)).close())
                        .isInstanceOf(MigrationLockTimeoutException.class)
                        .hasMessageContaining("cluster's migration lock, held by process " + ProcessHandle.current().pid());
                MigrationRunner runner = MigrationRunner.builder(nodes.get(0).dataSource()).locations(files.location())
                        .lockTimeout(lockTimeout).build();
                assertThat(runner.migrate().applied()).hasSize(10);
                System.out.println("galera: migrated through node 1 " + (System.nanoTime() - killed) / 1_000_000
                        + " ms after the lock holder's node was killed (lease " + lockTimeout.dividedBy(2).toSeconds() + " s)");
                assertThat(causalCount(nodes.get(1), "SELECT COUNT(*) FROM covet_migrations WHERE state = 'APPLIED'"))
                        .isEqualTo(10);
            } finally {
                held.close();
                cluster.restart(3);
            }
            // the node that died catches up on rejoining: its history and schema are the others'
            assertThat(causalCount(nodes.get(2), "SELECT COUNT(*) FROM covet_migrations WHERE state = 'APPLIED'"))
                    .isEqualTo(10);
            assertThat(schema(nodes.get(2))).isEqualTo(schema(nodes.get(0)));
        } finally {
            nodes.get(0).close();
        }
    }

    @Test
    void aLockLeftByADeadProcessOnThisHostIsTakenOverAtOnce() throws Exception {
        GaleraCluster cluster = GaleraCluster.require();
        List<TestDatabase> nodes = cluster.newDatabase();
        try {
            MigrationLock lock = new MySqlDialect().lock(nodes.get(1).dataSource(), "covet_");
            lock.acquire(Duration.ofSeconds(5)).close();
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor(30, TimeUnit.SECONDS);
            long far = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
            causalExecute(nodes.get(0), "INSERT INTO covet_lock (id, owner, host, pid, acquired_at, expires_at) VALUES (1, 'dead', '"
                    + java.net.InetAddress.getLocalHost().getHostName() + "', " + gone.pid() + ", 0, " + far + ")");
            assertThat(lock.describe()).isEqualTo("free");
            try (MigrationLock.Held held = lock.acquire(Duration.ofSeconds(2))) {
                assertThat(causalCount(nodes.get(2), "SELECT COUNT(*) FROM covet_lock WHERE owner = 'dead'")).isZero();
                assertThat(new MySqlDialect().lock(nodes.get(2).dataSource(), "covet_").describe())
                        .startsWith("process " + ProcessHandle.current().pid());
            }
        } finally {
            nodes.get(0).close();
        }
    }

    /** A holder whose lease another instance took over (it was paused past it) runs nothing more. */
    @Test
    void aHolderWhoseLeaseWasTakenOverRunsNothingMore() throws Exception {
        GaleraCluster cluster = GaleraCluster.require();
        List<TestDatabase> nodes = cluster.newDatabase();
        try (MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            MigrationRunner.builder(nodes.get(0).dataSource()).locations(files.location()).build().status();
            MigrationLock lock = new MySqlDialect().lock(nodes.get(0).dataSource(), "covet_");
            try (MigrationLock.Held held = lock.acquire(Duration.ofSeconds(10)); Connection c = nodes.get(1).connect()) {
                held.renew(c);
                causalExecute(nodes.get(2), "UPDATE covet_lock SET owner = 'another instance' WHERE id = 1");
                assertThatThrownBy(() -> held.renew(c)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("no longer holds the cluster's migration lock");
            }
        } finally {
            nodes.get(0).close();
        }
    }

    /**
     * A pool behind a load balancer may hand the run a connection on another node than the lock's; its history reads
     * must wait for what the cluster committed (else a migration the previous holder just applied looks pending),
     * and a pooled connection (the run's, the lock's, status's) goes back to the application with its own setting.
     */
    @Test
    void aRunsConnectionReadsCausallyAndGoesBackAsItCame() throws Exception {
        GaleraCluster cluster = GaleraCluster.require();
        List<TestDatabase> nodes = cluster.newDatabase();
        try (MigrationFiles files = new MigrationFiles(); Connection pooled = nodes.get(1).connect()) {
            files.write("0001_sync_wait.yaml", """
                    operations:
                      - {type: RUN_JAVA, migration: read_sync_wait}
                    """);
            List<Long> seen = new ArrayList<>();
            JavaMigration readSyncWait = JavaMigrations.outsideTransaction("read_sync_wait", c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT @@SESSION.wsrep_sync_wait")) {
                    rs.next();
                    seen.add(rs.getLong(1));
                }
            });
            MigrationRunner.builder(nodes.get(1).dataSource()).locations(files.location()).javaMigration(readSyncWait)
                    .build().migrate();
            assertThat(seen).as("the run's wsrep_sync_wait").singleElement().satisfies(v -> assertThat(v & 1).isEqualTo(1));

            try (Statement s = pooled.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = 4");
            }
            MigrationRunner.builder(OneConnectionPool.of(pooled)).locations(files.location()).build().migrate();
            new MySqlDialect().lock(OneConnectionPool.of(pooled), "covet_").acquire(Duration.ofSeconds(5)).close();
            assertThat(MigrationRunner.builder(OneConnectionPool.of(pooled)).locations(files.location()).build().status()
                    .applied()).hasSize(1);
            try (ResultSet rs = pooled.createStatement().executeQuery("SELECT @@SESSION.wsrep_sync_wait")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the pooled connection's own setting, back").isEqualTo(4);
            }
        } finally {
            nodes.get(0).close();
        }
    }

    /**
     * Connector/J's load-balanced URL spreads a connection over the nodes: it works, and without causal reads in the
     * URL the run says what to add (a session variable would not follow the connection to another node).
     */
    @Test
    void aLoadBalancedUrlMigratesAndIsToldToMakeItsReadsCausal() throws Exception {
        GaleraCluster cluster = GaleraCluster.require();
        List<TestDatabase> nodes = cluster.newDatabase();
        String hosts = String.join(",", nodes.stream().map(n -> n.url().replaceFirst("^jdbc:mysql://([^/]+)/.*$", "$1")).toList());
        String database = nodes.get(0).url().replaceFirst("^.*/([^/?]+).*$", "$1");
        String balanced = "jdbc:mysql:loadbalance://" + hosts + "/" + database;
        try (MigrationFiles files = ShopHistory.write(new MigrationFiles()); CapturedLogs logs = CapturedLogs.of(MySqlDialect.class)) {
            // the connection moves between nodes at commits: the session's own wsrep_sync_wait is put back wherever it is
            assertThat(MigrationRunner.builder(ConnectionSource.of(balanced, () -> DriverManager.getConnection(balanced, nodes.get(0).user(), nodes.get(0).password())))
                    .locations(files.location()).build().migrate().applied()).hasSize(10);
            assertThat(logs.messagesOfThisThread()).anySatisfy(m -> assertThat(m)
                    .contains("load-balances over Galera nodes").contains("sessionVariables=wsrep_sync_wait=7"));

            String causal = balanced + "?sessionVariables=wsrep_sync_wait=7";
            int before = logs.messagesOfThisThread().size();
            files.write("0011_create_tags.yaml", """
                    operations:
                      - type: CREATE_TABLE
                        table: tags
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                    """);
            assertThat(MigrationRunner.builder(ConnectionSource.of(causal, () -> DriverManager.getConnection(causal, nodes.get(0).user(), nodes.get(0).password())))
                    .locations(files.location()).build().migrate().applied()).hasSize(1);
            assertThat(logs.messagesOfThisThread().subList(before, logs.messagesOfThisThread().size()))
                    .noneMatch(m -> m.contains("load-balances"));
            for (TestDatabase node : nodes) {
                assertThat(causalCount(node, "SELECT COUNT(*) FROM covet_migrations WHERE state = 'APPLIED'"))
                        .as("history on " + node.url()).isEqualTo(11);
            }
        } finally {
            nodes.get(0).close();
        }
    }

    @Test
    void aSessionThatWouldRunDdlOnOneNodeOnlyIsRefusedBeforeAnythingChanges() throws Exception {
        GaleraCluster cluster = GaleraCluster.require();
        List<TestDatabase> nodes = cluster.newDatabase();
        try (MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            TestDatabase node = nodes.get(0);
            DataSource rollingUpgrade = ConnectionSource.of(node.url(), () -> {
                Connection c = node.connect();
                try (Statement s = c.createStatement()) {
                    s.execute("SET SESSION wsrep_OSU_method = 'RSU'");
                }
                return c;
            });
            MigrationRunner runner = MigrationRunner.builder(rollingUpgrade).locations(files.location()).build();
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("wsrep_OSU_method=RSU").hasMessageContaining("SET GLOBAL wsrep_OSU_method = 'TOI'");
            for (TestDatabase n : nodes) {
                assertThat(causalCount(n, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"))
                        .as("tables on " + n.url()).isZero();
            }
        } finally {
            nodes.get(0).close();
        }
    }

    @Test
    void theLintSaysWhatDdlOnAnExistingTableDoesToTheClusterAndWhatRsuWouldMean() throws Exception {
        GaleraCluster cluster = GaleraCluster.require();
        List<TestDatabase> nodes = cluster.newDatabase();
        try (MigrationFiles files = new MigrationFiles(); TestDatabase single = TestDatabases.create("mysql")) {
            files.write("0001_items.yaml", """
                    operations:
                      - type: CREATE_TABLE
                        table: items
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                          - {name: sku, type: VARCHAR(40), nullable: true}
                    """);
            MigrationRunner.builder(nodes.get(1).dataSource()).locations(files.location()).build().migrate();
            MigrationRunner.builder(single.dataSource()).locations(files.location()).build().migrate();
            files.write("0002_items_sku.yaml", """
                    operations:
                      - type: ADD_INDEX
                        table: items
                        index: {name: items_sku, columns: [sku], unique: false}
                    """);
            List<LintFinding> onCluster = MigrationRunner.builder(nodes.get(1).dataSource()).locations(files.location()).build()
                    .lint(LintSuppressions.none(), true).findings();
            assertThat(onCluster).filteredOn(f -> f.rule().equals("galera-total-order")).singleElement()
                    .satisfies(f -> assertThat(f.why()).contains("whole cluster waits").contains("items")
                            .contains("wsrep_OSU_method=RSU").contains("one desynchronized node only"));
            List<LintFinding> onOneServer = MigrationRunner.builder(single.dataSource()).locations(files.location()).build()
                    .lint(LintSuppressions.none(), true).findings();
            assertThat(onOneServer).extracting(LintFinding::rule).doesNotContain("galera-total-order");
        } finally {
            nodes.get(0).close();
        }
    }

    private static SchemaState schema(TestDatabase db) throws SQLException {
        try (Connection c = causalConnection(db)) {
            return db.dialect().schemaReader().read(c, "covet_");
        }
    }

    /**
     * A count read on one node after another node wrote: Galera applies a replicated write set on the other nodes
     * after the writer's commit returns, so a plain read there may still miss the last one (seen on CI: 9 of 10
     * history rows). The product's own reads follow its lock session's causal read; the test's must wait too.
     */
    private static long causalCount(TestDatabase db, String sql) throws SQLException {
        try (Connection c = causalConnection(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A write on one node after another node wrote the same rows: it waits for them as a causal read would. */
    private static void causalExecute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = causalConnection(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A session whose reads, updates, deletes and inserts wait for what the cluster committed before them. */
    private static Connection causalConnection(TestDatabase db) throws SQLException {
        Connection c = db.connect();
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 7");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
