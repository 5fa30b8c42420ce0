package dev.covet.migrations.engine;

import dev.covet.migrations.ExecutedMigration;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrateResult;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.RollbackOptions;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateRollbackTests {

    static SchemaState read(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return db.dialect().schemaReader().read(c, "covet_");
        }
    }

    static MigrationRunner runner(TestDatabase db, MigrationFiles files) {
        return MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        return db.count(sql);
    }

    @AllDatabases
    void appliesRollsBackAndReappliesTenMigrations(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            MigrationRunner runner = runner(db, files);

            MigrateResult first = runner.migrate(MigrateOptions.toTarget(new MigrationId("default", "0005_index_order_status")));
            assertThat(first.applied()).hasSize(5);
            SchemaState atFive = read(db);
            assertThat(atFive.table("orders").orElseThrow().index("idx_orders_status")).isPresent();

            MigrateResult rest = runner.migrate();
            assertThat(rest.applied()).extracting(e -> e.id().name())
                    .containsExactly("0006_rename_customer_name", "0007_widen_full_name", "0008_create_products",
                            "0009_drop_order_total", "0010_rename_products");
            SchemaState atTen = read(db);
            assertThat(atTen.tables()).containsKeys("customers", "orders", "items").doesNotContainKey("products");
            assertThat(atTen.table("customers").orElseThrow().column("full_name")).isPresent();
            assertThat(count(db, "SELECT COUNT(*) FROM customers WHERE full_name = 'Ada'")).isEqualTo(1);

            assertThat(runner.rollback(5).rolledBack()).hasSize(5);
            assertThat(read(db).canonical()).isEqualTo(atFive.canonical());
            assertThat(count(db, "SELECT COUNT(*) FROM customers WHERE name = 'Ada'")).isEqualTo(1);

            runner.rollback(RollbackOptions.steps(5));
            assertThat(read(db).tables()).isEmpty();

            assertThat(runner.migrate().applied()).hasSize(10);
            assertThat(read(db).canonical()).isEqualTo(atTen.canonical());
            MigrationStatus status = runner.status();
            assertThat(status.applied()).hasSize(10);
            assertThat(status.pending()).isEmpty();
            assertThat(runner.migrate().applied()).isEmpty();
        }
    }

    @AllDatabases
    void dryRunChangesNothingAndShowsExactlyWhatARealRunExecutes(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = ShopHistory.write(new MigrationFiles())) {
            MigrationRunner runner = runner(db, files);
            MigrateResult dry = runner.migrate(MigrateOptions.all().asDryRun());
            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.applied()).hasSize(10);
            assertThat(read(db).tables()).isEmpty();

            MigrateResult real = runner.migrate();
            assertThat(real.applied().stream().map(ExecutedMigration::sql).toList())
                    .isEqualTo(dry.applied().stream().map(ExecutedMigration::sql).toList());

            List<ExecutedMigration> dryBack = runner.rollback(RollbackOptions.steps(3).asDryRun()).rolledBack();
            SchemaState before = read(db);
            assertThat(before.tables()).containsKey("items");
            List<ExecutedMigration> realBack = runner.rollback(3).rolledBack();
            assertThat(realBack.stream().map(ExecutedMigration::sql).toList())
                    .isEqualTo(dryBack.stream().map(ExecutedMigration::sql).toList());
        }
    }

    @AllDatabases
    void rollbackToATargetUndoesEverythingAppliedAfterIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_a.yaml", """
                    operations:
                      - {type: CREATE_TABLE, table: a, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                    """).write("0002_b.yaml", """
                    operations:
                      - {type: CREATE_TABLE, table: b, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                    """).write("0003_c.yaml", """
                    dependencies: [0001_a, 0002_b]
                    operations:
                      - {type: ADD_COLUMN, table: a, column: {name: note, type: TEXT}}
                    """);
            MigrationRunner runner = runner(db, files);
            runner.migrate();
            // Rolling back to 0001_a undoes everything after it, newest first.
            assertThat(runner.rollback(RollbackOptions.toTarget(new MigrationId("default", "0001_a"))).rolledBack())
                    .extracting(e -> e.id().name()).containsExactlyInAnyOrder("0002_b", "0003_c");
            assertThat(read(db).tables()).containsOnlyKeys("a");
        }
    }
}
