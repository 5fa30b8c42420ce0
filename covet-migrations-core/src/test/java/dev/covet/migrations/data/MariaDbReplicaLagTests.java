package dev.covet.migrations.data;

import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.MariaDbReplica;
import dev.covet.migrations.testing.JavaMigrations;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BatchUpdate} on a MariaDB primary watches the replicas it is told of ({@link BatchUpdate#replicas(List)}):
 * a replica held back by {@code MASTER_DELAY} makes the job wait between batches until the delay is lifted; a replica
 * whose replication is stopped, or that cannot be reached, is named in the wait and counts as behind. On the real
 * primary and replica of {@code scripts/mariadb-replica.sh} ({@link MariaDbReplica}). The methods run one after the
 * other (the class default), since they delay and stop the one replica; no other class uses it.
 */
class MariaDbReplicaLagTests {

    private static final int ROWS = 2_000;
    private static final int BATCH = 100;

    @Test
    void waitsWhileTheReplicaIsDelayedAndResumesWhenTheDelayIsLifted() throws Exception {
        MariaDbReplica pair = MariaDbReplica.locate();
        try (TestDatabase primary = pair.newDatabase(); Connection c = primary.connect()) {
            prepare(primary, pair);
            CountDownLatch threeLooks = new CountDownLatch(3);
            List<ReplicaWait> waits = new CopyOnWriteArrayList<>();
            BatchUpdate job = job(primary).replicas(List.of(pair.replicaOf(primary))).onReplicaWait(w -> {
                waits.add(w);
                threeLooks.countDown();
            });
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (CapturedLogs logs = CapturedLogs.of(BatchUpdate.class)) {
                lagging(primary, pair);
                Future<Long> run = executor.submit(() -> job.run(c));
                assertThat(threeLooks.await(60, TimeUnit.SECONDS)).as("the job reports that it waits").isTrue();

                // Held after its first batch across three looks at the replica.
                assertThat(run.isDone()).isFalse();
                assertThat(touched(primary)).isEqualTo(BATCH);
                ReplicaWait first = waits.get(0);
                assertThat(first.lag()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
                assertThat(first.problems()).isEmpty();
                assertThat(first.batch()).isEqualTo(1);
                assertThat(first.batches()).isEqualTo(ROWS / BATCH);
                assertThat(waits).extracting(ReplicaWait::batch).containsOnly(1);
                assertThat(logs.messages()).anyMatch(m -> m.matches(
                        "touch_items: waiting for replicas: lag \\d+ s > 1 s \\(batch 1 of 20, waited \\d+ ms\\)"));

                pair.resetReplication();
                assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(ROWS);
                assertThat(touched(primary)).isEqualTo(ROWS);
                assertThat(logs.messages()).anyMatch(m -> m.startsWith("touch_items: replicas caught up"));
            } finally {
                pair.resetReplication();
                executor.shutdownNow();
            }
        }
    }

    @Test
    void givesUpAfterTheMaximumWaitAndTheNextRunResumes() throws Exception {
        MariaDbReplica pair = MariaDbReplica.locate();
        try (TestDatabase primary = pair.newDatabase(); Connection c = primary.connect()) {
            prepare(primary, pair);
            BatchUpdate job = job(primary).replicas(List.of(pair.replicaOf(primary))).maxReplicaWait(Duration.ofMillis(500));
            try {
                lagging(primary, pair);
                assertThatThrownBy(() -> job.run(c)).isInstanceOf(MigrationException.class)
                        .hasMessageMatching("batch job touch_items: replicas still \\d+ s behind \\(more than 1000 ms\\)"
                                + " after waiting 0 s; stopped after batch 1, the next run resumes there");
                assertThat(touched(primary)).isEqualTo(BATCH);
            } finally {
                pair.resetReplication();
            }
            pair.awaitCaughtUp();
            assertThat(job.run(c)).isEqualTo(ROWS);
            assertThat(countWhere(primary, "touched = 1")).isEqualTo(ROWS);
        }
    }

    @Test
    void aStoppedReplicaIsReportedAsStoppedAndCountsAsBehind() throws Exception {
        MariaDbReplica pair = MariaDbReplica.locate();
        try (TestDatabase primary = pair.newDatabase(); Connection c = primary.connect()) {
            prepare(primary, pair);
            String replicaUrl = pair.replicaUrlOf(primary);
            List<ReplicaWait> waits = new CopyOnWriteArrayList<>();
            BatchUpdate job = job(primary).replicas(List.of(pair.replicaOf(primary))).maxReplicaWait(Duration.ofMillis(300))
                    .onReplicaWait(waits::add);
            try (CapturedLogs logs = CapturedLogs.of(BatchUpdate.class)) {
                pair.stopReplication();
                assertThatThrownBy(() -> job.run(c)).isInstanceOf(MigrationException.class)
                        .hasMessageStartingWith("batch job touch_items: replicas still behind after waiting 0 s: replication"
                                + " stopped on " + replicaUrl + " (Slave_IO_Running: No, Slave_SQL_Running: No)")
                        .hasMessageContaining("stopped after batch 1, the next run resumes there");
                assertThat(waits).isNotEmpty().allSatisfy(w -> assertThat(w.problems()).containsExactly(
                        "replication stopped on " + replicaUrl + " (Slave_IO_Running: No, Slave_SQL_Running: No)"));
                assertThat(logs.messages()).anyMatch(m -> m.startsWith("touch_items: waiting for replicas: replication stopped on "
                        + replicaUrl + " (Slave_IO_Running: No, Slave_SQL_Running: No) (batch 1 of 20, waited "));
                assertThat(touched(primary)).as("the first batch's progress is kept").isEqualTo(BATCH);
            } finally {
                pair.resetReplication();
            }
            assertThat(job.run(c)).isEqualTo(ROWS);
        }
    }

    @Test
    void anUnreachableReplicaOrOneThatIsNoReplicaCountsAsBehind() throws Exception {
        MariaDbReplica pair = MariaDbReplica.locate();
        try (TestDatabase primary = pair.newDatabase(); Connection c = primary.connect()) {
            prepare(primary, pair);
            // Nothing listens on port 1; the primary itself replicates from nobody.
            Replica unreachable = new Replica("jdbc:mysql://127.0.0.1:1/nothing", primary.user(), primary.password());
            Replica notAReplica = new Replica(primary.url(), primary.user(), primary.password());
            List<ReplicaWait> waits = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            assertThatThrownBy(() -> job(primary).replicas(List.of(pair.replicaOf(primary), unreachable, notAReplica))
                    .maxReplicaWait(Duration.ofMillis(300)).onReplicaWait(waits::add).run(c))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("cannot reach replica jdbc:mysql://127.0.0.1:1/nothing: Communications link failure")
                    .hasMessageContaining(primary.url() + " is not a replica")
                    .hasMessageContaining("the next run resumes there");
            assertThat(waits.get(0).problems()).hasSize(2);
            assertThat(waits.get(0).lag()).as("the replica that answered is not behind").isLessThan(Duration.ofSeconds(2));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no long connect timeout").isLessThan(Duration.ofSeconds(20));
            assertThat(touched(primary)).isEqualTo(BATCH);
        }
    }

    @Test
    void aUserThatMayNotReadTheReplicationStatusIsNamed() throws Exception {
        MariaDbReplica pair = MariaDbReplica.locate();
        try (TestDatabase primary = pair.newDatabase(); Connection c = primary.connect()) {
            prepare(primary, pair);
            String user = "covet_nomon_" + Long.toHexString(System.nanoTime());
            // Created on the primary and replicated: it may read the database, not the replication status.
            primary.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'nomon'",
                    "GRANT SELECT ON *.* TO '" + user + "'@'%'");
            try {
                pair.awaitCaughtUp();
                Replica replica = new Replica(pair.replicaUrlOf(primary), user, "nomon");
                assertThatThrownBy(() -> job(primary).replicas(List.of(replica)).maxReplicaWait(Duration.ofMillis(200)).run(c))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageContaining("cannot read the replication status of " + replica.url() + ": Access denied")
                        .hasMessageContaining("the next run resumes there");
            } finally {
                primary.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    @Test
    void noReplicasNamedWatchesNothing() throws Exception {
        MariaDbReplica pair = MariaDbReplica.locate();
        try (TestDatabase primary = pair.newDatabase(); Connection c = primary.connect()) {
            prepare(primary, pair);
            List<ReplicaWait> waits = new CopyOnWriteArrayList<>();
            try {
                lagging(primary, pair);
                assertThat(job(primary).onReplicaWait(waits::add).run(c)).isEqualTo(ROWS);
            } finally {
                pair.resetReplication();
            }
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void theRunsReplicasReachTheBatchJobOfAJavaMigration() throws Exception {
        MariaDbReplica pair = MariaDbReplica.locate();
        try (TestDatabase primary = pair.newDatabase(); MigrationFiles files = new MigrationFiles()) {
            prepare(primary, pair);
            files.write("0001_touch.yaml", """
                    operations:
                      - {type: RUN_JAVA, migration: touch_items}
                    """);
            // The job names no replicas and no lag: it takes the run's (covet.migrations.batch.*).
            JavaMigration touch = JavaMigrations.outsideTransaction("touch_items", c ->
            BatchUpdate.of(primary.dialect(), "touch_items", "items", "id").set("touched = touched + 1")
                    .batchSize(BATCH).replicaPollInterval(Duration.ofMillis(50))
                    .maxReplicaWait(Duration.ofMillis(500)).run(c));
            MigrationRunner runner = MigrationRunner.builder(primary.dataSource()).dialect(primary.dialect())
                    .locations(files.location()).javaMigration(touch).maxReplicaLag(Duration.ofSeconds(1))
                    .replicas(List.of(pair.replicaOf(primary))).build();
            try {
                lagging(primary, pair);
                assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class)
                        .hasMessageContaining("replicas still");
            } finally {
                pair.resetReplication();
            }
            assertThat(touched(primary)).isEqualTo(BATCH);
            // Outside a run, a job names no replicas again.
            assertThat(BatchDefaults.replicas()).isEmpty();

            pair.awaitCaughtUp();
            assertThat(runner.migrate().applied()).hasSize(1);
            assertThat(touched(primary)).isEqualTo(ROWS);
        }
    }

    private static BatchUpdate job(TestDatabase primary) {
        return BatchUpdate.of(primary.dialect(), "touch_items", "items", "id").set("touched = touched + 1")
                .batchSize(BATCH).maxReplicaLag(Duration.ofSeconds(1)).replicaPollInterval(Duration.ofMillis(50));
    }

    /** The table, on the primary and replicated. */
    private static void prepare(TestDatabase primary, MariaDbReplica pair) throws SQLException {
        primary.execute("CREATE TABLE items (id BIGINT NOT NULL PRIMARY KEY, touched INTEGER NOT NULL)",
                "INSERT INTO items (id, touched) SELECT seq, 0 FROM seq_1_to_" + ROWS);
        pair.awaitCaughtUp();
    }

    /**
     * The replica held 30 s behind (MASTER_DELAY) and already 2 s behind when this returns: Seconds_Behind_Master
     * counts whole seconds from the first event held back, so the job's first look sees more than its 1 s limit.
     */
    private static void lagging(TestDatabase primary, MariaDbReplica pair) throws SQLException {
        pair.delay(30);
        primary.execute("CREATE TABLE lag_marker (id INT PRIMARY KEY)");
        pair.awaitBehind(2);
    }

    private static long touched(TestDatabase db) throws SQLException {
        return countWhere(db, "touched = 1");
    }

    private static long countWhere(TestDatabase db, String where) throws SQLException {
        return db.count("SELECT COUNT(*) FROM items WHERE " + where);
    }
}
