package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.drift.DriftReport;
import dev.covet.migrations.drift.SchemaDrift;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;


import static dev.covet.migrations.engine.MigrateRollbackTests.runner;
import static dev.covet.migrations.engine.Jdbc.execute;
import static org.assertj.core.api.Assertions.assertThat;

/** Drift: changes made to the database by hand, reported table by table. */
class DriftTests {

    private static final String INIT = """
            operations:
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                  - {name: email, type: VARCHAR(100), nullable: false}
                indexes:
                  - {name: idx_customers_email, columns: [email]}
              - type: CREATE_TABLE
                table: orders
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                  - {name: total, type: INTEGER}
            """;

    @AllDatabases
    void handMadeChangesAreReportedTableByTable(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = runner(db, files);
            runner.migrate();
            assertThat(runner.drift().inSync()).as(runner.drift().toString()).isTrue();

            boolean mysql = db.dialect().name().equals("mysql");
            execute(db, "ALTER TABLE customers ADD COLUMN nickname VARCHAR(50)",
                    mysql ? "DROP INDEX idx_customers_email ON customers" : "DROP INDEX idx_customers_email",
                    "CREATE TABLE scratch (id INTEGER)");

            DriftReport drift = runner.drift();
            assertThat(drift.checked()).isTrue();
            assertThat(drift.inSync()).isFalse();
            assertThat(drift.differences()).extracting(SchemaDrift::table).containsOnly("customers", "scratch");
            assertThat(drift.differences()).extracting(SchemaDrift::difference).anySatisfy(d ->
                    assertThat(d).startsWith("column nickname (VARCHAR(50) NULL) exists in the database"));
            assertThat(drift.differences()).extracting(SchemaDrift::difference)
                    .contains("index idx_customers_email is missing from the database",
                            "table scratch exists in the database but no migration creates it");
            assertThat(drift.differences()).noneMatch(d -> d.table().equals("orders"));
        }
    }

    @AllDatabases
    void checksAreComparedByNameNotByTheDatabasesWording(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT).write("0002_check.yaml", """
                    operations:
                      - type: ADD_CONSTRAINT
                        table: orders
                        constraint: {name: ck_orders_total, kind: CHECK, expression: total > 0 AND total < 1000000}
                    """);
            MigrationRunner runner = runner(db, files);
            runner.migrate();
            // PostgreSQL stores ((total > 0) AND (total < 1000000)), MariaDB quotes the column: still in sync.
            assertThat(runner.drift().inSync()).as(runner.drift().toString()).isTrue();
            if (kind.toString().equals("sqlite")) {
                return; // SQLite has no ALTER TABLE for constraints to make a hand change with
            }
            execute(db, "ALTER TABLE orders DROP CONSTRAINT ck_orders_total",
                    "ALTER TABLE orders ADD CONSTRAINT ck_orders_hand CHECK (total <> 13)");
            assertThat(runner.drift().differences()).extracting(SchemaDrift::difference).containsExactlyInAnyOrder(
                    "constraint ck_orders_total is missing from the database",
                    "constraint ck_orders_hand exists in the database but no migration creates it");
        }
    }

    @AllDatabases
    void rawSqlHistoriesAreNotJudged(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT).write("0002_seed.sql", "INSERT INTO orders (total) VALUES (3);\n");
            MigrationRunner runner = runner(db, files);
            runner.migrate();
            DriftReport drift = runner.drift();
            assertThat(drift.checked()).isFalse();
            assertThat(drift.reason()).contains("0002_seed").contains("not judged");
        }
    }
}
