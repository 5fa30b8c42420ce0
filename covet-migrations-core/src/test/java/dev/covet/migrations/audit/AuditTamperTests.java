package dev.covet.migrations.audit;

import dev.covet.migrations.internal.audit.AuditHasher;
import dev.covet.migrations.internal.audit.AuditTable;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way of tampering with the audit table is reported by {@link MigrationAuditLog#verify()}, on each database:
 * a changed row, a row deleted in the middle, first or last (the last two, all of them), rows reordered, and a row
 * inserted, even one whose hash was forged to link correctly.
 */
class AuditTamperTests {

    private static final MigrationId CREATE = MigrationId.parse("0001_create", "default");

    /** A tamper, and a word its finding must contain. */
    private record Tamper(String[] sql, String finding) {
    }

    private static Map<String, Tamper> tampers() {
        Map<String, Tamper> all = new LinkedHashMap<>();
        all.put("update", new Tamper(new String[] {"UPDATE covet_migration_audit SET executor = 'mallory' WHERE id = 3"},
                "does not match its hash"));
        all.put("delete middle", new Tamper(new String[] {"DELETE FROM covet_migration_audit WHERE id = 3"}, "rows 3 to 3 are missing"));
        all.put("delete first", new Tamper(new String[] {"DELETE FROM covet_migration_audit WHERE id = 1"}, "rows 1 to 1 are missing"));
        all.put("delete last", new Tamper(new String[] {"DELETE FROM covet_migration_audit WHERE id = 5"},
                "the newest rows 5 to 5 were deleted"));
        all.put("delete last two", new Tamper(new String[] {"DELETE FROM covet_migration_audit WHERE id >= 4"},
                "the newest rows 4 to 5 were deleted"));
        all.put("delete all", new Tamper(new String[] {"DELETE FROM covet_migration_audit"}, "all 5 rows were deleted"));
        all.put("reorder", new Tamper(new String[] {
                "UPDATE covet_migration_audit SET id = 99 WHERE id = 2",
                "UPDATE covet_migration_audit SET id = 2 WHERE id = 4",
                "UPDATE covet_migration_audit SET id = 4 WHERE id = 99"}, "does not match its hash"));
        all.put("insert", new Tamper(new String[] {"INSERT INTO covet_migration_audit (id, migration, direction, executor,"
                + " started_at, status, affected_rows, row_hash) VALUES (6, '0009_forged', 'UP', 'mallory',"
                + " CURRENT_TIMESTAMP, 'SUCCESS', 0, 'x')"}, "does not match its hash"));
        return all;
    }

    @AllDatabases
    void everyTamperIsReported(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            int n = 0;
            for (Map.Entry<String, Tamper> tamper : tampers().entrySet()) {
                // One trail per tamper, side by side in one database under its own table prefix.
                String prefix = "t" + n++ + "_";
                MigrationAuditLog log = trailOfFive(db, prefix);
                assertThat(log.verify()).as("before: %s", tamper.getKey()).isEmpty();
                for (String sql : tamper.getValue().sql()) {
                    db.execute(sql.replace("covet_migration_audit", prefix + "migration_audit"));
                }
                assertThat(log.verify()).as(tamper.getKey()).isNotEmpty()
                        .anySatisfy(f -> assertThat(f.problem()).contains(tamper.getValue().finding()));
            }
        }
    }

    @AllDatabases
    void aRowAppendedWithAForgedButCorrectlyLinkedHashIsReportedByTheHead(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            MigrationAuditLog log = trailOfFive(db);
            AuditTable table = new AuditTable(db.dialect(), "covet_");
            try (Connection c = db.connect()) {
                AuditEntry last = table.last(c);
                AuditEntry forged = new AuditEntry(6, "0009_forged", "UP", "mallory", "prod", null, Instant.now(), Instant.now(),
                        AuditEntry.SUCCESS, Duration.ZERO, 0, List.of(), null, "");
                table.insert(c, new AuditEntry(6, forged.migration(), forged.direction(), forged.executor(), forged.environment(),
                        null, forged.startedAt(), forged.finishedAt(), forged.status(), forged.duration(), 0, List.of(), null,
                        AuditHasher.hash(last.hash(), forged)));
            }
            assertThat(log.verify()).singleElement().satisfies(f -> assertThat(f.problem()).contains("rows after id 5 were added"));
        }
    }

    @AllDatabases
    void deletingTheHeadAnchorIsReported(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            MigrationAuditLog log = trailOfFive(db);
            db.execute("DELETE FROM covet_migration_audit_head");
            assertThat(log.verify()).singleElement().satisfies(f -> assertThat(f.problem()).contains("is missing"));
        }
    }

    private static MigrationAuditLog trailOfFive(TestDatabase db) {
        return trailOfFive(db, "covet_");
    }

    private static MigrationAuditLog trailOfFive(TestDatabase db, String prefix) {
        MigrationAuditLog log = new MigrationAuditLog(db.dataSource(), db.dialect(), prefix);
        for (int i = 0; i < 5; i++) {
            long id = log.recordExecutionStart(CREATE, "ci", "test", Map.of());
            log.recordExecutionComplete(id, true, Duration.ofMillis(5), i, List.of("SELECT " + i), null);
        }
        return log;
    }
}
