package dev.covet.migrations.execute;

import dev.covet.migrations.internal.execute.CrashPoints;
import dev.covet.migrations.internal.execute.ExecutionContext;
import dev.covet.migrations.internal.execute.MigrationEngine;
import dev.covet.migrations.internal.execute.MigrationPlan;
import dev.covet.migrations.internal.execute.MigrationPlanner;
import dev.covet.migrations.internal.execute.ProgressRecordingExecutor;
import dev.covet.migrations.internal.execute.RenderedMigration;
import dev.covet.migrations.internal.execute.StepRunner;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.internal.history.HistoryTable;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MySQL (MariaDB) runs stopped at every moment a process can die (before a statement, after it ran but before its
 * progress was written, after its progress), then started again: every restart ends with the database exactly as
 * one clean run leaves it. A stop is an {@link Error} thrown at the crash point; the connection then closes without
 * a commit, as a killed process's does. The forked-JVM drill ({@link MySqlKillDrillTests}) covers statements still
 * running on the server when the client dies.
 */
class MySqlKillPointsTests {

    /** The run was stopped here. */
    static final class Killed extends Error {
        Killed(String where) {
            super(where, null, false, false);
        }
    }

    @Test
    void aRestartAfterAKillAtAnyMomentEndsAsOneCleanRun() throws Exception {
        try (MigrationFiles files = MixedMigrations.write(new MigrationFiles(), 3)) {
            List<String> clean;
            int moments;
            try (TestDatabase db = new DatabaseKind("mysql").create()) {
                List<String> seen = new ArrayList<>();
                runCrashing(db, files, (point, statement) -> seen.add(point + " " + statement));
                moments = seen.size();
                clean = MixedMigrations.outcome(db);
            }
            assertThat(moments).as("three moments per statement of the three migrations").isEqualTo(3 * (2 + 10 + 1));
            List<String> resumed = new ArrayList<>();
            for (int k = 0; k < moments; k++) {
                try (TestDatabase db = new DatabaseKind("mysql").create(); CapturedLogs logs = CapturedLogs.of(MigrationRunner.class)) {
                    int at = k;
                    int[] count = {0};
                    assertThatThrownBy(() -> runCrashing(db, files, (point, statement) -> {
                        if (count[0]++ == at) {
                            throw new Killed(point + " of statement " + (statement + 1));
                        }
                    })).isInstanceOf(Killed.class);
                    runner(db, files).migrate();
                    assertThat(MixedMigrations.outcome(db)).as("after a kill at moment %d", k).isEqualTo(clean);
                    logs.messagesOfThisThread().stream().filter(m -> m.startsWith("Resuming")).forEach(resumed::add);
                }
            }
            // Both ways a statement in doubt resolves were met: found applied in the catalog, and found not run.
            assertThat(resumed).anyMatch(m -> m.contains("already applied (index idx_big_v on big present)"))
                    .anyMatch(m -> m.contains("already applied (table solo present)"))
                    .anyMatch(m -> m.contains("already applied (index idx_summary_n on summary present)"))
                    .anyMatch(m -> m.contains("had not run (a data statement commits with its progress write)"))
                    .anyMatch(m -> m.contains("had not run (column big.flag absent)"));
        }
    }

    @Test
    void aResumeKilledInTurnIsResumedAgain() throws Exception {
        try (MigrationFiles files = MixedMigrations.write(new MigrationFiles(), 3);
             TestDatabase clean = new DatabaseKind("mysql").create();
             TestDatabase db = new DatabaseKind("mysql").create()) {
            runner(clean, files).migrate();
            // Killed after the index of 0002 was made (statement 3) but before its progress, then again in the resume
            // just after the next data statement ran, then started normally.
            int[] count = {0};
            assertThatThrownBy(() -> runCrashing(db, files, (point, statement) -> {
                if (point == CrashPoints.Point.AFTER_STATEMENT && statement == 2 && count[0]++ == 0) {
                    throw new Killed("first");
                }
            })).isInstanceOf(Killed.class);
            assertThatThrownBy(() -> runCrashing(db, files, (point, statement) -> {
                if (point == CrashPoints.Point.AFTER_STATEMENT && statement == 3) {
                    throw new Killed("second");
                }
            })).isInstanceOf(Killed.class);
            runner(db, files).migrate();
            assertThat(MixedMigrations.outcome(db)).isEqualTo(MixedMigrations.outcome(clean));
        }
    }

    /**
     * Session ids are per server: a resume on another Galera node (or after a fail-over) must not take a session of
     * the same id there for the killed attempt's, wait for it, and fail; the catalog decides instead.
     */
    @Test
    void aResumeOnAnotherServerDoesNotWaitForASessionOfTheSameIdThere() throws Exception {
        try (MigrationFiles files = MixedMigrations.write(new MigrationFiles(), 3);
             TestDatabase clean = new DatabaseKind("mysql").create();
             TestDatabase db = new DatabaseKind("mysql").create();
             Connection stranger = db.connect();
             CapturedLogs logs = CapturedLogs.of(MigrationRunner.class)) {
            runner(clean, files).migrate();
            assertThatThrownBy(() -> runCrashing(db, files, (point, statement) -> {
                if (point == CrashPoints.Point.AFTER_STATEMENT && statement == 2) {
                    throw new Killed("after the index");
                }
            })).isInstanceOf(Killed.class);
            long strangerId;
            try (var rs = stranger.createStatement().executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                strangerId = rs.getLong(1);
            }
            try (Connection c = db.connect(); var s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE covet_migrations SET detail = REGEXP_REPLACE(detail,"
                        + " '\\\\[covet-connection:[^]]*]', '[covet-connection:" + strangerId + "@galera-node-3:3306]')"
                        + " WHERE state = 'RUNNING'")).isEqualTo(1);
            }
            var sleeping = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (var rs = stranger.createStatement().executeQuery("SELECT SLEEP(8)")) {
                    rs.next();
                    return rs.getInt(1);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitRunning(db, strangerId);
            MigrationRunner.builder(db.dataSource()).locations(files.location()).lockTimeout(Duration.ofSeconds(2)).build().migrate();
            assertThat(MixedMigrations.outcome(db)).isEqualTo(MixedMigrations.outcome(clean));
            assertThat(logs.messagesOfThisThread()).anyMatch(m -> m.startsWith("Resuming")
                    && m.contains("the killed attempt ran on galera-node-3:3306, not on this server"));
            assertThat(sleeping.get()).as("the other session's statement was left alone (SLEEP returns 1 when killed)").isZero();
        }
    }

    private static void awaitRunning(TestDatabase db, long session) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (Connection c = db.connect();
             var p = c.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ? AND COMMAND = 'Query'")) {
            p.setLong(1, session);
            while (true) {
                try (var rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("session %d runs its statement", session).isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }

    static MigrationRunner runner(TestDatabase db, MigrationFiles files) {
        return MigrationRunner.builder(db.dataSource()).locations(files.location()).lockTimeout(Duration.ofSeconds(10)).build();
    }

    /** Applies the pending migrations as the engine does, with crash points (the engine's own path has none). */
    static void runCrashing(TestDatabase db, MigrationFiles files, CrashPoints crash) throws Exception {
        MigrationRunner runner = runner(db, files);
        MigrationEngine engine = new MigrationEngine(runner.config());
        try (Connection c = db.connect()) {
            HistoryTable history = engine.history();
            history.create(c);
            List<HistoryRow> rows = history.readAll(c);
            MigrationPlan plan = new MigrationPlanner(engine.renderer()).plan(engine.sources(), rows);
            ExecutionContext context = new ExecutionContext(history, "kill-drill", null, null, Duration.ofSeconds(10));
            ProgressRecordingExecutor executor = new ProgressRecordingExecutor(engine.dialect(), new StepRunner(Map.of(), engine.dialect().transactions()),
                    context, crash);
            SchemaState state = plan.stateAfterApplied();
            for (Migration m : MigrationPlanner.select(plan, null, MigrateOptions.all().phase())) {
                RenderedMigration r = engine.renderer().renderUp(m, state);
                HistoryRow previous = plan.history().get(m.id());
                executor.execute(c, r, previous != null && !previous.isApplied() ? previous : null);
                state = r.after();
            }
        }
    }
}
