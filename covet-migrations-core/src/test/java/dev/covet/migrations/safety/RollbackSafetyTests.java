package dev.covet.migrations.safety;

import dev.covet.migrations.internal.backup.ContentHasher;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.RollbackOptions;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackSafetyTests {

    private static final String CUSTOMERS = """
            operations:
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: name, type: VARCHAR(10), nullable: true}
              - type: RUN_SQL
                sql:
                  - INSERT INTO customers (id, name) VALUES (1, 'Ada')
                  - INSERT INTO customers (id, name) VALUES (2, 'Bob')
                  - INSERT INTO customers (id, name) VALUES (3, NULL)
                reverse_sql: DELETE FROM customers
            """;

    @TempDir
    Path temp;

    private Path dir(Map<String, String> files) throws IOException {
        Path dir = Files.createTempDirectory(temp, "covet-safety-");
        for (var e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    private static MigrationRunner runner(TestDatabase db, Path dir) {
        return MigrationRunner.builder(db.dataSource()).locations("filesystem:" + dir).build();
    }

    @AllDatabases
    void droppingAColumnPutsItsNonNullValuesAtRiskAndTheThresholdDecidesTheLevel(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            Path dir = dir(Map.of("0001_customers.yaml", CUSTOMERS, "0002_nickname.yaml", """
                    operations:
                      - {type: ADD_COLUMN, table: customers, column: {name: nickname, type: VARCHAR(20)}}
                      - {type: RUN_SQL, sql: "UPDATE customers SET nickname = 'x' WHERE id < 3", reverse_sql: "SELECT 1"}
                    """));
            MigrationRunner runner = runner(db, dir);
            runner.migrate();
            RollbackValidation medium = new RollbackValidator(runner, RollbackPolicy.defaults()).validateRollback(1);
            assertThat(medium.dataAtRisk()).isEqualTo(Map.of("customers", 2L));
            assertThat(medium.riskLevel()).isEqualTo(RollbackRisk.MEDIUM);
            assertThat(medium.isSafe()).isTrue();
            assertThat(medium.sql()).anyMatch(s -> s.contains("nickname"));

            RollbackValidation high = new RollbackValidator(runner, RollbackPolicy.defaults().highRiskAbove(1)).validateRollback(1);
            assertThat(high.riskLevel()).isEqualTo(RollbackRisk.HIGH);
            assertThat(high.isSafe()).isFalse();
            assertThat(high.recommendations()).isNotEmpty();
        }
    }

    @AllDatabases
    void droppingATableCountsItsRowsAndAnEmptyOneIsSafe(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            Path dir = dir(Map.of("0001_customers.yaml", CUSTOMERS, "0002_tags.yaml", """
                    operations:
                      - {type: CREATE_TABLE, table: tags, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                    """));
            MigrationRunner runner = runner(db, dir);
            runner.migrate();
            RollbackValidator validator = new RollbackValidator(runner, RollbackPolicy.defaults());
            RollbackValidation empty = validator.validateRollback(1);
            assertThat(empty.riskLevel()).isEqualTo(RollbackRisk.SAFE);
            assertThat(empty.dataAtRisk()).isEmpty();

            RollbackValidation both = validator.validateRollback(2);
            // customers' rows go with its RUN_SQL reverse (LOW, hand-written) and then its DROP TABLE: counted now.
            assertThat(both.dataAtRisk()).containsEntry("customers", 3L);
            assertThat(both.riskLevel()).isEqualTo(RollbackRisk.MEDIUM);
            assertThat(both.migrations()).containsExactly("0002_tags", "0001_customers");
        }
    }

    @AllDatabases
    void narrowingAndNotNullRollbacksAreHighRiskWithTheOffendingRowsCounted(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            Path dir = dir(Map.of("0001_customers.yaml", CUSTOMERS, "0002_widen.yaml", """
                    operations:
                      - {type: ALTER_COLUMN, table: customers, column: {name: name, type: VARCHAR(100), nullable: true}}
                    """));
            MigrationRunner runner = runner(db, dir);
            runner.migrate();
            db.execute("INSERT INTO customers (id, name) VALUES (4, 'A name far longer than ten')");
            RollbackValidation v = new RollbackValidator(runner, RollbackPolicy.defaults().highRiskAbove(0)).validateRollback(1);
            assertThat(v.dataAtRisk()).containsEntry("customers", 1L);
            assertThat(v.riskLevel()).isEqualTo(RollbackRisk.HIGH);

        }
    }

    @AllDatabases
    void makingAColumnNotNullAgainWhileItHoldsNullsWouldFailAndIsReported(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            Path dir = dir(Map.of("0001_codes.yaml", """
                    operations:
                      - type: CREATE_TABLE
                        table: codes
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                          - {name: code, type: VARCHAR(10), nullable: false}
                    """, "0002_optional_code.yaml", """
                    operations:
                      - {type: ALTER_COLUMN, table: codes, column: {name: code, type: VARCHAR(10), nullable: true}}
                    """));
            MigrationRunner runner = runner(db, dir);
            runner.migrate();
            db.execute("INSERT INTO codes (id, code) VALUES (1, NULL)", "INSERT INTO codes (id, code) VALUES (2, 'ok')");
            RollbackValidation v = new RollbackValidator(runner, RollbackPolicy.defaults()).validateRollback(1);
            assertThat(v.riskLevel()).isEqualTo(RollbackRisk.HIGH);
            assertThat(v.isSafe()).isFalse();
            assertThat(v.dataAtRisk()).containsEntry("codes", 1L);
            assertThat(v.errors()).anyMatch(e -> e.contains("would fail"));
        }
    }

    @AllDatabases
    void rawSqlWithoutReverseIsCritical(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            Path dir = dir(Map.of("0001_customers.yaml", CUSTOMERS, "0002_raw.yaml", """
                    operations:
                      - {type: RUN_SQL, sql: "UPDATE customers SET name = 'z'"}
                    """));
            MigrationRunner runner = runner(db, dir);
            runner.migrate();
            RollbackValidation v = new RollbackValidator(runner, RollbackPolicy.defaults()).validateRollback(1);
            assertThat(v.riskLevel()).isEqualTo(RollbackRisk.CRITICAL);
            assertThat(v.isSafe()).isFalse();
            assertThat(v.errors()).anyMatch(e -> e.contains("0002_raw") && e.contains("reverse"));
            SafeRollbackResult refused = new RollbackValidator(runner, RollbackPolicy.defaults().alwaysBackUp()).safeRollback(1, false, null);
            assertThat(refused.success()).isFalse();
            assertThat(runner.status().applied()).hasSize(2);
        }
    }

    @AllDatabases
    void aFailureHalfwayThroughARollbackEndsWithTheDataRestoredIdentical(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            Path dir = dir(Map.of(
                    "0001_customers.yaml", CUSTOMERS,
                    "0002_orders.yaml", """
                            operations:
                              - type: CREATE_TABLE
                                table: orders
                                columns:
                                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                                  - {name: customer_id, type: BIGINT, nullable: false}
                                foreign_keys:
                                  - {name: fk_orders_customer, columns: [customer_id], references: {table: customers, columns: [id]}, on_delete: CASCADE}
                              - type: RUN_SQL
                                sql: INSERT INTO orders (id, customer_id) VALUES (7, 1)
                                reverse_sql: UPDATE no_such_table SET x = 1
                            """,
                    "0003_nickname.yaml", """
                            operations:
                              - {type: ADD_COLUMN, table: customers, column: {name: nickname, type: VARCHAR(20)}}
                              - {type: RUN_SQL, sql: "UPDATE customers SET nickname = 'ace' WHERE id = 1", reverse_sql: "SELECT 1"}
                            """));
            MigrationRunner runner = runner(db, dir);
            runner.migrate();
            Map<String, String> before = contentHashes(db);

            SafeRollbackResult result = new RollbackValidator(runner, RollbackPolicy.defaults().alwaysBackUp()).safeRollback(2, true, null);

            assertThat(result.success()).isFalse();
            assertThat(result.errors()).anyMatch(e -> e.contains("no_such_table"));
            assertThat(result.backupId()).isNotNull();
            assertThat(result.restored()).isTrue();
            assertThat(contentHashes(db)).isEqualTo(before);
            assertThat(runner.status().applied()).hasSize(3);
            assertThat(new BackupStore(db.dataSource(), db.dialect(), "covet_").list()).extracting(BackupInfo::id)
                    .contains(result.backupId());
        }
    }

    @AllDatabases
    void aSafeRollbackBacksUpRollsBackAndVerifies(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            Path dir = dir(Map.of("0001_customers.yaml", CUSTOMERS, "0002_nickname.yaml", """
                    operations:
                      - {type: ADD_COLUMN, table: customers, column: {name: nickname, type: VARCHAR(20)}}
                    """));
            MigrationRunner runner = runner(db, dir);
            runner.migrate();
            db.execute("UPDATE customers SET nickname = 'n'");
            Map<String, String> withNickname = contentHashes(db);
            RollbackValidator validator = new RollbackValidator(runner, RollbackPolicy.defaults().alwaysBackUp());
            SafeRollbackResult result = validator.safeRollback(1, false, null);
            assertThat(result.success()).as(result.errors().toString()).isTrue();
            assertThat(result.rolledBack()).containsExactly("0002_nickname");
            // The backup holds the dropped values: migrate again and restore them.
            runner.migrate();
            assertThat(validator.restoreBackup(result.backupId())).isTrue();
            assertThat(contentHashes(db)).isEqualTo(withNickname);
            BackupStore store = new BackupStore(db.dataSource(), db.dialect(), "covet_");
            assertThat(store.prune(0)).isEqualTo(1);
            assertThat(store.list()).isEmpty();
        }
    }

    @AllDatabases
    void aDryRunNamesTheTablesTheRowsAtRiskAndTheSqlAndChangesNothing(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            Path dir = dir(Map.of("0001_customers.yaml", CUSTOMERS, "0002_orders.yaml", """
                    operations:
                      - {type: CREATE_TABLE, table: orders, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                      - {type: ADD_COLUMN, table: customers, column: {name: nickname, type: VARCHAR(20)}}
                    """));
            MigrationRunner runner = runner(db, dir);
            runner.migrate();
            db.execute("UPDATE customers SET nickname = 'n' WHERE id = 1");
            Map<String, String> before = contentHashes(db);
            DryRunRollback dry = new RollbackValidator(runner, RollbackPolicy.defaults()).dryRunRollback(1);
            assertThat(dry.affectedTables()).containsExactlyInAnyOrder("customers", "orders");
            assertThat(dry.dataAtRisk()).isEqualTo(Map.of("customers", 1L));
            assertThat(dry.riskLevel()).isEqualTo(RollbackRisk.MEDIUM);
            assertThat(dry.sql()).anyMatch(s -> s.contains("nickname")).anyMatch(s -> s.contains("orders"));
            assertThat(contentHashes(db)).isEqualTo(before);
            assertThat(runner.status().applied()).hasSize(2);
        }
    }

    @AllDatabases
    void aSafeRollbackToATargetKeepsTheTargetAndBacksUpWhatGoes(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            Path dir = dir(Map.of("0001_customers.yaml", CUSTOMERS,
                    "0002_nickname.yaml", """
                            operations:
                              - {type: ADD_COLUMN, table: customers, column: {name: nickname, type: VARCHAR(20)}}
                            """,
                    "0003_tags.yaml", """
                            operations:
                              - {type: CREATE_TABLE, table: tags, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                            """));
            MigrationRunner runner = runner(db, dir);
            runner.migrate();
            db.execute("UPDATE customers SET nickname = 'n'");
            RollbackValidator validator = new RollbackValidator(runner, RollbackPolicy.defaults());
            SafeRollbackResult result = validator.safeRollback(
                    RollbackOptions.toTarget(MigrationId.parse("0001_customers", MigrationId.DEFAULT_APP)), false, null);
            assertThat(result.success()).as(result.errors().toString()).isTrue();
            assertThat(result.rolledBack()).containsExactly("0003_tags", "0002_nickname");
            assertThat(result.validation().dataAtRisk()).isEqualTo(Map.of("customers", 3L));
            assertThat(result.backupId()).as("MEDIUM risk takes a backup").isNotNull();
            assertThat(runner.status().applied()).extracting(i -> i.id().toString()).containsExactly("0001_customers");
        }
    }

    /** A content hash of every user table, by name. */
    static Map<String, String> contentHashes(TestDatabase db) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = db.connect()) {
            var schema = db.dialect().schemaReader().read(c, "covet_");
            ContentHasher hasher = new ContentHasher(db.dialect());
            for (var t : schema.tables().values()) {
                out.put(t.name(), t.columns().stream().map(col -> col.name() + ":" + col.type()).toList() + "="
                        + hasher.hash(c, t.name(), t.columns().stream().map(col -> col.name()).toList(), t.primaryKey()));
            }
        }
        return out;
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        return db.count(sql);
    }
}
