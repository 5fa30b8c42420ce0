package dev.covet.migrations.data;

import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.testing.JavaMigrations;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.PostgresStandby;
import dev.covet.migrations.testing.TestDatabase;
import dev.covet.migrations.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * {@link BatchUpdate} watches a PostgreSQL primary's standbys: with the standby's replay paused
 * ({@code pg_wal_replay_pause()}) the job stops between batches and says so, and goes on once replay resumes.
 * Isolated: while replay is paused, any other batch job on the same primary would wait too.
 */
@Isolated
class ReplicaLagTests {

    private static final int ROWS = 20_000;

    @Test
    void waitsWhileTheStandbyReplaysNothingAndFinishesOnceItDoes() throws Exception {
        try (TestDatabase primary = TestDatabases.create("postgresql"); Connection c = primary.connect()) {
            PostgresStandby standby = PostgresStandby.locate();
            prepare(primary, standby);
            CountDownLatch threeLooks = new CountDownLatch(3);
            List<ReplicaWait> waits = new CopyOnWriteArrayList<>();
            BatchUpdate job = BatchUpdate.of(primary.dialect(), "touch_items", "items", "id").set("touched = touched + 1")
                    .batchSize(20).maxReplicaLag(Duration.ofMillis(300)).replicaPollInterval(Duration.ofMillis(50))
                    .onReplicaWait(w -> {
                        waits.add(w);
                        threeLooks.countDown();
                    });
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (CapturedLogs logs = CapturedLogs.of(BatchUpdate.class)) {
                standby.pauseReplay();
                Future<Long> run = executor.submit(() -> job.run(c));
                assertThat(threeLooks.await(60, TimeUnit.SECONDS)).as("the job reports that it waits").isTrue();
                // (On a busy server the standby may already be seconds behind when the job starts: any lag will do.)

                // Held between batches across three looks at the lag: not finished, some rows done, not all.
                assertThat(run.isDone()).isFalse();
                long touched = touched(primary);
                assertThat(touched).isPositive().isLessThan(ROWS);
                ReplicaWait first = waits.get(0);
                assertThat(first.lag()).isGreaterThan(Duration.ofMillis(300));
                assertThat(first.batch()).isPositive().isLessThan(first.batches());
                assertThat(first.batches()).isEqualTo(ROWS / 20);
                assertThat(waits).extracting(ReplicaWait::batch).containsOnly(first.batch());
                assertThat(waits.get(2).lag()).isGreaterThanOrEqualTo(first.lag());
                assertThat(logs.messages()).anyMatch(m -> m.matches(
                        "touch_items: waiting for replicas: lag [\\d.]+ m?s > 300 ms \\(batch \\d+ of 1000, waited \\d+ ms\\)"));

                standby.resumeReplay();
                assertThat(run.get(120, TimeUnit.SECONDS)).isEqualTo(ROWS);
                assertThat(touched(primary)).isEqualTo(ROWS);
                assertThat(countWhere(primary, "touched <> 1")).isZero();
                assertThat(logs.messages()).anyMatch(m -> m.startsWith("touch_items: replicas caught up"));
            } finally {
                standby.resumeReplay();
                executor.shutdownNow();
            }
        }
    }

    @Test
    void givesUpAfterTheMaximumWaitAndTheNextRunResumes() throws Exception {
        try (TestDatabase primary = TestDatabases.create("postgresql"); Connection c = primary.connect()) {
            PostgresStandby standby = PostgresStandby.locate();
            prepare(primary, standby);
            BatchUpdate job = BatchUpdate.of(primary.dialect(), "touch_items", "items", "id").set("touched = touched + 1")
                    .batchSize(20).maxReplicaLag(Duration.ofMillis(300)).replicaPollInterval(Duration.ofMillis(50))
                    .maxReplicaWait(Duration.ofMillis(500));
            try {
                standby.pauseReplay();
                assertThatThrownBy(() -> job.run(c)).isInstanceOf(MigrationException.class)
                        .hasMessageContaining("batch job touch_items: replicas still")
                        .hasMessageContaining("after waiting")
                        .hasMessageContaining("the next run resumes there");
                long touched = touched(primary);
                assertThat(touched).isPositive().isLessThan(ROWS);
            } finally {
                standby.resumeReplay();
            }
            // Once the standby has caught up, the rerun (which waits at most 500 ms) finishes the job.
            standby.awaitReplayed(primary);
            assertThat(job.run(c)).isEqualTo(ROWS);
            assertThat(countWhere(primary, "touched = 1")).isEqualTo(ROWS);
        }
    }

    @Test
    void aZeroMaximumLagDoesNotWatch() throws Exception {
        try (TestDatabase primary = TestDatabases.create("postgresql"); Connection c = primary.connect()) {
            PostgresStandby standby = PostgresStandby.locate();
            prepare(primary, standby);
            List<ReplicaWait> waits = new CopyOnWriteArrayList<>();
            try {
                standby.pauseReplay();
                assertThat(BatchUpdate.of(primary.dialect(), "touch_items", "items", "id").set("touched = touched + 1")
                        .batchSize(500).maxReplicaLag(Duration.ZERO).onReplicaWait(waits::add).run(c)).isEqualTo(ROWS);
            } finally {
                standby.resumeReplay();
            }
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void theRunsLimitReachesTheBatchJobOfAJavaMigration() throws Exception {
        try (TestDatabase primary = TestDatabases.create("postgresql"); MigrationFiles files = new MigrationFiles()) {
            PostgresStandby standby = PostgresStandby.locate();
            prepare(primary, standby);
            files.write("0001_touch.yaml", """
                    operations:
                      - {type: RUN_JAVA, migration: touch_items}
                    """);
            // The job sets no lag of its own: it takes the run's (covet.migrations.batch.max-replica-lag).
            JavaMigration touch = JavaMigrations.outsideTransaction("touch_items", c ->
            BatchUpdate.of(primary.dialect(), "touch_items", "items", "id").set("touched = touched + 1").batchSize(20)
                    .replicaPollInterval(Duration.ofMillis(50)).maxReplicaWait(Duration.ofMillis(500)).run(c));
            MigrationRunner runner = MigrationRunner.builder(primary.dataSource()).dialect(primary.dialect())
                    .locations(files.location()).javaMigration(touch).maxReplicaLag(Duration.ofMillis(300)).build();
            try {
                standby.pauseReplay();
                assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class)
                        .hasMessageContaining("replicas still");
            } finally {
                standby.resumeReplay();
            }
            assertThat(touched(primary)).isPositive().isLessThan(ROWS);
            // Outside a run, a job takes the default again.
            assertThat(BatchDefaults.maxReplicaLag()).isEqualTo(BatchDefaults.MAX_REPLICA_LAG);

            standby.awaitReplayed(primary);
            assertThat(runner.migrate().applied()).hasSize(1);
            assertThat(touched(primary)).isEqualTo(ROWS);
        }
    }

    /** The table, replayed on the standby; and the test user can see the standby's positions (pg_monitor). */
    private static void prepare(TestDatabase primary, PostgresStandby standby) throws SQLException {
        primary.execute("CREATE TABLE items (id BIGINT NOT NULL PRIMARY KEY, touched INTEGER NOT NULL)",
                "INSERT INTO items (id, touched) SELECT g, 0 FROM generate_series(1, " + ROWS + ") g");
        standby.awaitReplayed(primary);
        try (Connection c = primary.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(replay_lsn) FROM pg_stat_replication")) {
            rs.next();
            assertThat(rs.getLong(1)).as("standbys visible to " + primary.user() + " (GRANT pg_monitor TO it; .ci/run does)")
                    .isPositive();
        }
    }

    private static long touched(TestDatabase db) throws SQLException {
        return countWhere(db, "touched = 1");
    }

    private static long countWhere(TestDatabase db, String where) throws SQLException {
        return db.count("SELECT COUNT(*) FROM items WHERE " + where);
    }
}
