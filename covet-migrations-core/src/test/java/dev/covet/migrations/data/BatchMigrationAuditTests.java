package dev.covet.migrations.data;

import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.audit.AuditEntry;
import dev.covet.migrations.audit.AuditingListener;
import dev.covet.migrations.audit.MigrationAuditLog;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A batched data migration run by the engine: every row done, and the audit trail records how many. */
class BatchMigrationAuditTests {

    /** Backfills in batches, outside one long transaction. */
    private static final class Backfill implements JavaMigration {
        @Override
        public String name() {
            return "backfill_flags";
        }

        @Override
        public boolean transactional() {
            return false;
        }

        @Override
        public void migrate(Connection c) throws SQLException {
            String url = c.getMetaData().getURL();
            BatchUpdate.of(Dialect.forJdbcUrl(url), "backfill_flags", "items", "id")
                    .set("flag = 1").where("flag = 0").batchSize(400).run(c);
        }
    }

    @AllDatabases
    void batchedJavaMigrationRecordsItsRowsInTheAudit(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_items.yaml", """
                operations:
                  - type: CREATE_TABLE
                    table: items
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true}
                      - {name: flag, type: INTEGER, nullable: false, default: 0}
                """).write("0002_backfill.yaml", """
                operations:
                  - {type: RUN_JAVA, migration: backfill_flags}
                """);
            MigrationAuditLog audit = new MigrationAuditLog(db.dataSource(), db.dialect(), "covet_");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location())
                    .javaMigration(new Backfill()).listener(new AuditingListener(audit, "ci", "test", Map.of())).build();
            runner.migrate(MigrateOptions.toTarget(
                    MigrationId.parse("0001_items", "default")));
            db.execute("CREATE TABLE digits (d INTEGER NOT NULL)");
            db.execute("INSERT INTO digits (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
            db.execute("INSERT INTO items (id, flag) SELECT a.d + 10 * b.d + 100 * c.d + 1, 0 FROM digits a, digits b, digits c");

            runner.migrate();

            List<AuditEntry> recent = audit.getRecentMigrations(5);
            AuditEntry backfill = recent.stream().filter(e -> e.migration().endsWith("0002_backfill")).findFirst().orElseThrow();
            assertThat(backfill.status()).isEqualTo(AuditEntry.SUCCESS);
            assertThat(backfill.affectedRows()).isEqualTo(1000);
            try (Connection c = db.connect(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM items WHERE flag = 1")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1000);
            }
        }
    }
}
