package dev.covet.migrations.audit;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit rows of attempts whose process died are closed by the next run as INTERRUPTED with what is known, and
 * an audit row that cannot be written fails the run instead of being dropped.
 */
class InterruptedAuditTests {

    private static MigrationRunner runner(TestDatabase db, MigrationFiles files, MigrationAuditLog log) {
        return MigrationRunner.builder(db.dataSource()).locations(files.location())
                .listener(new AuditingListener(log, "next-start", "test", Map.of())).build();
    }

    @AllDatabases
    void aDeadAttemptsRunningRowIsClosedAsInterruptedWithWhatRan(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_raw.yaml", """
                    operations:
                      - type: RUN_SQL
                        sql: CREATE TABLE made_by_hand (id INTEGER)
                      - type: RUN_SQL
                        sql: INSERT INTO needed_later (id) VALUES (1)
                    """);
            MigrationAuditLog log = new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_");
            MigrationRunner runner = runner(db, files, log);
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class);
            // A second attempt killed while it ran leaves its audit row RUNNING (and, on MySQL, the history row FAILED
            // after the CREATE TABLE).
            log.recordExecutionStart(MigrationId.parse("0001_raw", "default"), "killed-instance", "test", Map.of());
            db.execute("CREATE TABLE needed_later (id INTEGER)");

            runner.migrate();

            List<AuditEntry> rows = log.getMigrationHistory("0001_raw");
            assertThat(rows).extracting(AuditEntry::status)
                    .containsExactly(AuditEntry.FAILED, AuditEntry.INTERRUPTED, AuditEntry.SUCCESS);
            AuditEntry interrupted = rows.get(1);
            assertThat(interrupted.finishedAt()).isNotNull();
            assertThat(interrupted.error()).contains("interrupted: the process running it stopped before it finished")
                    .contains("closed by next-start");
            if (db.dialect().transactionalDdl()) {
                assertThat(interrupted.error()).contains("has no history row");
                assertThat(interrupted.sqlExecuted()).isEmpty();
            } else {
                assertThat(interrupted.error()).contains("history row is FAILED with 1 statement(s) completed");
                assertThat(interrupted.sqlExecuted()).containsExactly("CREATE TABLE made_by_hand (id INTEGER)");
            }
            assertThat(log.verify()).isEmpty();
            assertThat(log.getStatistics().running()).isZero();
        }
    }

    @AllDatabases
    void anAuditRowThatCannotBeWrittenFailsTheRunBeforeTheMigrationRuns(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_t.yaml", """
                    operations:
                      - {type: CREATE_TABLE, table: t, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                    """);
            // An audit table that cannot take the row: the audit fails (not a lock, so at once) and the run with it.
            db.execute("CREATE TABLE covet_migration_audit (id BIGINT NOT NULL PRIMARY KEY)");
            MigrationAuditLog log = new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_", Clock.systemUTC(),
                    Duration.ofMillis(200));
            assertThatThrownBy(runner(db, files, log)::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("the migration audit log").hasMessageContaining("covet_migration_audit")
                    .hasMessageContaining("column");
            assertThat(MigrationRunner.builder(db.dataSource()).locations(files.location()).build().status().pending()).hasSize(1);
        }
    }

    @AllDatabases
    void aWriteStillLockedAfterTheTimeoutFailsNamingTheLockTimeout(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            MigrationAuditLog log = new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_", Clock.systemUTC(),
                    Duration.ofMillis(300));
            log.recordExecutionStart(MigrationId.parse("0001_t", "default"), "ci", "test", Map.of());
            try (Connection other = db.connect(); Statement s = other.createStatement()) {
                lockAuditHead(db, other, s);
                assertThatThrownBy(() -> log.recordExecutionStart(MigrationId.parse("0002_t", "default"), "ci", "test", Map.of()))
                        .isInstanceOf(MigrationException.class).hasMessageContaining("still locked after retrying for 300 ms")
                        .hasMessageContaining("covet.migrations.lock-timeout");
                other.rollback();
            }
            assertThat(log.getRecentMigrations(10)).hasSize(1);
        }
    }

    /** Holds a write lock on the head row in an open transaction of another connection. */
    private static void lockAuditHead(TestDatabase db, Connection other, Statement s) throws Exception {
        if (db.kind().equals("sqlite")) {
            other.setAutoCommit(false);
            s.execute("UPDATE covet_migration_audit_head SET row_count = row_count WHERE id = 1");
            return;
        }
        other.setAutoCommit(false);
        s.execute("SELECT * FROM covet_migration_audit_head WHERE id = 1 FOR UPDATE");
    }
}
