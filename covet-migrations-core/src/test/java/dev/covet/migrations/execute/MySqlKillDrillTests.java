package dev.covet.migrations.execute;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real thing on MariaDB: a child JVM migrating 100,000 rows among schema changes is killed (SIGKILL) at moments
 * spread over its run, while a statement may still be running on the server, and the next start must end exactly
 * as one clean run. CI runs 2 kill points (each costs a JVM start and a whole run);
 * {@code -Dcovet.kill-drill.points=24} runs more (see the README). {@link MySqlKillPointsTests} stops runs at every
 * moment between statements in-process.
 */
class MySqlKillDrillTests {

    /** Where the killed child's output goes (kept for a failing run's report, deleted after the test). */
    @TempDir
    Path childLog;

    private static final int POINTS = Integer.getInteger("covet.kill-drill.points", 2);

    @Test
    void aChildKilledAtMomentsSpreadOverItsRunIsResumedToTheCleanResult() throws Exception {
        try (MigrationFiles files = MixedMigrations.write(new MigrationFiles(), 5)) {
            List<String> clean;
            long runMs;
            try (TestDatabase db = new DatabaseKind("mysql").create()) {
                long started = System.nanoTime();
                MySqlKillPointsTests.runner(db, files).migrate();
                runMs = (System.nanoTime() - started) / 1_000_000;
                clean = MixedMigrations.outcome(db);
            }
            List<String> report = new ArrayList<>();
            for (int k = 0; k < POINTS; k++) {
                // Delays from the child's first history row, spread over about the length of a whole run.
                long delayMs = (k + 1) * runMs / (POINTS + 1);
                try (TestDatabase db = new DatabaseKind("mysql").create(); CapturedLogs logs = CapturedLogs.of(MigrationRunner.class)) {
                    Process child = start(db, files);
                    String killedDuring;
                    try {
                        awaitFirstHistoryRow(db, child);
                        Thread.sleep(delayMs);
                        killedDuring = running(db);
                    } finally {
                        child.destroyForcibly();
                        child.waitFor(30, TimeUnit.SECONDS);
                    }
                    MySqlKillPointsTests.runner(db, files).migrate();
                    assertThat(MixedMigrations.outcome(db)).as("killed %d ms in, during %s", delayMs, killedDuring).isEqualTo(clean);
                    report.add(delayMs + " ms, during " + killedDuring + ": " + logs.messagesOfThisThread().stream()
                            .filter(m -> m.startsWith("Resuming")).toList());
                }
            }
            report.forEach(line -> System.out.println("kill drill: " + line));
        }
    }

    private Process start(TestDatabase db, MigrationFiles files) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                MigrateMain.class.getName(), db.url(), db.user(), db.password(), files.location())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(childLog.resolve("child.log").toFile())).start();
    }

    /** Waits until the child wrote its first history row (it has connected and started migrating). */
    private static void awaitFirstHistoryRow(TestDatabase db, Process child) throws Exception {
        try (Connection c = db.connect()) {
            for (int i = 0; i < 6000 && child.isAlive(); i++) {
                try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM covet_migrations"); ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                } catch (SQLException notYet) {
                    // the table is not created yet
                }
                Thread.sleep(5);
            }
        }
    }

    /** What the child's sessions run on the server now (for the report). */
    private static String running(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement("SELECT INFO FROM information_schema.PROCESSLIST"
                + " WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND INFO IS NOT NULL"); ResultSet rs = p.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                String sql = rs.getString(1).replaceAll("\\s+", " ");
                out.add(sql.length() > 50 ? sql.substring(0, 50) + "..." : sql);
            }
            return out.isEmpty() ? "(between statements)" : out.toString();
        }
    }
}
