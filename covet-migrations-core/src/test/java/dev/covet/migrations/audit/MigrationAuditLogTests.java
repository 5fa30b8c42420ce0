package dev.covet.migrations.audit;

import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.assertj.core.data.Offset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationAuditLogTests {

    private static final MigrationId CREATE = MigrationId.parse("0001_create", "default");
    private static final MigrationId ALTER = MigrationId.parse("0002_alter", "default");

    private static MigrationAuditLog log(TestDatabase db) {
        return new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_");
    }

    @AllDatabases
    void recordsSuccessFailureAndRollbackWithStatistics(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            MigrationAuditLog log = log(db);
            long first = log.recordExecutionStart(CREATE, "alice", "prod", Map.of("ticket", "OPS-1"));
            log.recordExecutionComplete(first, true, Duration.ofMillis(40), 3, List.of("CREATE TABLE t (id INT)"), null);
            long second = log.recordExecutionStart(ALTER, Direction.UP, "alice", "prod", Map.of());
            log.recordExecutionComplete(second, false, Duration.ofMillis(20), 0, List.of("ALTER TABLE t"), "boom");
            long third = log.recordExecutionStart(CREATE, Direction.DOWN, "bob", "staging", null);
            log.recordExecutionComplete(third, true, Duration.ofMillis(30), 0, List.of("DROP TABLE t"), null);

            AuditStatistics stats = log.getStatistics();
            assertThat(stats.totalExecutions()).isEqualTo(3);
            assertThat(stats.successful()).isEqualTo(2);
            assertThat(stats.failed()).isEqualTo(1);
            assertThat(stats.rollbacks()).isEqualTo(1);
            assertThat(stats.successRate()).isCloseTo(2.0 / 3, Offset.offset(1e-9));
            assertThat(stats.averageDurationMs()).isEqualTo(30.0);
            assertThat(stats.totalAffectedRows()).isEqualTo(3);

            List<AuditEntry> recent = log.getRecentMigrations(2);
            assertThat(recent).extracting(AuditEntry::id).containsExactly(third, second);
            AuditEntry failed = log.getFailedMigrations(Instant.now().minus(Duration.ofDays(1))).get(0);
            assertThat(failed.migration()).isEqualTo("0002_alter");
            assertThat(failed.error()).isEqualTo("boom");
            assertThat(failed.sqlExecuted()).containsExactly("ALTER TABLE t");
            assertThat(log.getFailedMigrations(Instant.now().plus(Duration.ofDays(1)))).isEmpty();
            List<AuditEntry> history = log.getMigrationHistory("0001_create");
            assertThat(history).extracting(AuditEntry::direction).containsExactly("UP", "DOWN");
            assertThat(history.get(0).metadata()).isEqualTo("{\"ticket\":\"OPS-1\"}");
            assertThat(history.get(0).executor()).isEqualTo("alice");

            DashboardData dashboard = log.getDashboardData();
            assertThat(dashboard.velocityPerDay()).containsEntry(LocalDate.now(ZoneOffset.UTC), 3L);
            assertThat(dashboard.failed()).hasSize(1);
            assertThat(dashboard.recent()).hasSize(3);
            assertThat(log.verify()).isEmpty();
        }
    }

    @AllDatabases
    void detectsChangedAndDeletedRows(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            MigrationAuditLog log = log(db);
            for (int i = 0; i < 4; i++) {
                long id = log.recordExecutionStart(CREATE, "ci", "test", Map.of());
                log.recordExecutionComplete(id, true, Duration.ofMillis(5), i, List.of("SELECT " + i), null);
            }
            assertThat(log.verify()).isEmpty();
            db.execute("UPDATE covet_migration_audit SET executor = 'mallory' WHERE id = 2");
            assertThat(log.verify()).extracting(TamperFinding::id).containsExactly(2L);
            db.execute("UPDATE covet_migration_audit SET executor = 'ci' WHERE id = 2");
            assertThat(log.verify()).isEmpty();
            db.execute("DELETE FROM covet_migration_audit WHERE id = 3");
            assertThat(log.verify()).extracting(TamperFinding::id).contains(4L);
            assertThat(log.verify().get(0).problem()).contains("missing");
        }
    }
}
