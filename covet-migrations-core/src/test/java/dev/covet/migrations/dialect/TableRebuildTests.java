package dev.covet.migrations.dialect;

import dev.covet.migrations.dialect.SqliteAlterations;
import dev.covet.migrations.sqlite.ShopSchema;
import dev.covet.migrations.sqlite.SqliteFixture;
import tools.jackson.databind.json.JsonMapper;
import dev.covet.migrations.ExecutedMigration;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation SQLite cannot ALTER, run with forced rebuilds on a table with indexes of every kind, a
 * trigger, a view, foreign keys in and out, AUTOINCREMENT and awkward data: afterwards the schema is as the
 * operation says and everything else (rows, indexes, trigger, view, cascade, sequence) is as before.
 */
class TableRebuildTests {

    @TempDir
    Path tempDir;

    private SqliteFixture db;
    private MigrationRunner runner;
    private List<String> customersBefore;

    @BeforeEach
    void createShop() throws SQLException {
        db = new SqliteFixture(tempDir);
        runner = db.forcedRunner();
        db.write("shop", ShopSchema.MIGRATION);
        runner.migrate();
        ShopSchema.insertRows(db);
        customersBefore = db.rows(ShopSchema.CUSTOMER_ROWS);
        assertThat(customersBefore).hasSize(4);
    }

    private List<String> apply(String name, String yaml) {
        db.write(name, yaml);
        List<ExecutedMigration> applied = runner.migrate().applied();
        assertThat(applied).hasSize(1);
        return applied.get(0).sql();
    }

    private TableSchema customers() throws SQLException {
        return db.schema().requireTable("customers");
    }

    /** What every rebuild of customers must keep. */
    private void assertCustomersKeptEverythingElse() throws SQLException {
        assertThat(db.rows(ShopSchema.CUSTOMER_ROWS)).isEqualTo(customersBefore);
        assertThat(db.rows("SELECT note FROM customers WHERE id = 1")).containsExactly(ShopSchema.BIG_TEXT);
        assertThat(db.rows("SELECT name FROM customers WHERE id = 2")).containsExactly(ShopSchema.UNICODE);
        assertThat(db.rows("SELECT name FROM sqlite_master WHERE tbl_name = 'customers' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name"))
                .containsExactly("idx_customers_name", "idx_customers_scored", "ix_customers_lower_email", "trg_customers_renamed");
        assertThat(db.rows("SELECT sql FROM sqlite_master WHERE name = 'idx_customers_scored'")).singleElement().asString()
                .contains("WHERE score IS NOT NULL");
        assertThat(customers().indexes()).extracting(i -> i.name()).contains("idx_customers_name", "idx_customers_scored");
        // the view reads the new table
        assertThat(db.rows("SELECT id, total FROM customer_totals ORDER BY id")).containsExactly("1|30.75", "2|5", "3|7.75", "4|<null>");
        // AUTOINCREMENT keeps its high-water mark: the deleted customer 5's id is not handed out again
        assertThat(db.rows("SELECT seq FROM sqlite_sequence WHERE name = 'customers'")).containsExactly("5");
        db.execute("INSERT INTO customers (name, region_id) VALUES ('New', 1)");
        assertThat(db.rows("SELECT id FROM customers WHERE name = 'New'")).containsExactly("6");
        // the trigger still fires
        db.execute("UPDATE customers SET name = 'Ada L.' WHERE id = 1");
        assertThat(db.rows("SELECT msg FROM audit_log")).containsExactly("renamed 1");
        // the foreign key into the rebuilt table still cascades
        db.execute("DELETE FROM customers WHERE id = 1");
        assertThat(db.count("SELECT COUNT(*) FROM orders WHERE customer_id = 1")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM orders")).isEqualTo(2);
        assertThat(db.rows("PRAGMA foreign_key_check")).isEmpty();
        assertThat(db.rows("SELECT name FROM sqlite_master WHERE name LIKE '\\_covet\\_new\\_%' ESCAPE '\\'")).isEmpty();
    }

    private static void assertRebuilt(List<String> sql, String table) {
        assertThat(sql).anySatisfy(q -> assertThat(q).startsWith("CREATE TABLE \"_covet_new_" + table + "\""));
        assertThat(sql).anySatisfy(q -> assertThat(q).startsWith("ALTER TABLE \"_covet_new_" + table + "\" RENAME TO \"" + table + "\""));
    }

    @Test
    void alterColumnType() throws SQLException {
        List<String> sql = apply("score_bigint", """
                operations:
                  - {type: ALTER_COLUMN, table: customers, column: {name: score, type: BIGINT, nullable: true}}
                """);
        assertRebuilt(sql, "customers");
        assertThat(customers().column("score").orElseThrow().type().kind()).isEqualTo(ColumnType.Kind.BIGINT);
        assertThat(db.rows("SELECT id, score, typeof(score) FROM customers ORDER BY id"))
                .containsExactly("1|10|integer", "2|<null>|null", "3|30|integer", "4|40|integer");
        assertCustomersKeptEverythingElse();
    }

    @Test
    void alterColumnNullability() throws SQLException {
        List<String> sql = apply("name_nullable", """
                operations:
                  - {type: ALTER_COLUMN, table: customers, column: {name: name, type: VARCHAR(100), nullable: true}}
                """);
        assertRebuilt(sql, "customers");
        assertThat(customers().column("name").orElseThrow().nullable()).isTrue();
        assertCustomersKeptEverythingElse();
        db.execute("INSERT INTO customers (name) VALUES (NULL)");
    }

    @Test
    void alterColumnDefault() throws SQLException {
        List<String> sql = apply("score_default", """
                operations:
                  - {type: ALTER_COLUMN, table: customers, column: {name: score, type: INTEGER, nullable: true, default: 7}}
                """);
        assertRebuilt(sql, "customers");
        assertThat(customers().column("score").orElseThrow().defaultValue()).isNotNull();
        assertThat(db.rows("SELECT score FROM customers ORDER BY id")).containsExactly("10", "<null>", "30", "40");
        assertCustomersKeptEverythingElse();
        assertThat(db.rows("SELECT score FROM customers WHERE name = 'New'")).containsExactly("7");
    }

    @Test
    void dropColumn() throws SQLException {
        List<String> sql = apply("drop_score", """
                operations:
                  - {type: DROP_INDEX, table: customers, index: idx_customers_scored}
                  - {type: DROP_COLUMN, table: customers, column: score}
                """);
        assertRebuilt(sql, "customers");
        assertThat(customers().columns()).extracting(ColumnSchema::name).doesNotContain("score")
                .containsExactly("id", "name", "email", "note", "photo", "region_id");
        assertThat(db.rows(ShopSchema.CUSTOMER_ROWS)).isEqualTo(customersBefore);
        assertThat(db.rows("SELECT note FROM customers WHERE id = 1")).containsExactly(ShopSchema.BIG_TEXT);
        assertThat(db.rows("SELECT id, total FROM customer_totals ORDER BY id")).containsExactly("1|30.75", "2|5", "3|7.75", "4|<null>");
    }

    @Test
    void renameColumn() throws SQLException {
        List<String> sql = apply("rename_note", """
                operations:
                  - {type: RENAME_COLUMN, table: customers, column: note, new_name: remark}
                """);
        assertRebuilt(sql, "customers");
        assertThat(customers().column("remark")).isPresent();
        assertThat(customers().column("note")).isEmpty();
        assertThat(db.rows("SELECT remark FROM customers WHERE id = 1")).containsExactly(ShopSchema.BIG_TEXT);
        assertThat(db.rows("SELECT remark FROM customers WHERE id = 2")).containsExactly("ünïcødé note");
        assertThat(db.rows("SELECT id, remark IS NULL FROM customers ORDER BY id")).containsExactly("1|0", "2|0", "3|1", "4|0");
    }

    @Test
    void addForeignKeyThenDropIt() throws SQLException {
        List<String> sql = apply("customer_region", """
                operations:
                  - type: ADD_FOREIGN_KEY
                    table: customers
                    foreign_key: {name: fk_customers_region, columns: [region_id], references: {table: regions, columns: [id]}}
                """);
        assertRebuilt(sql, "customers");
        assertThat(customers().foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referencedTable()).isEqualTo("regions");
            assertThat(fk.columns()).containsExactly("region_id");
        });
        assertThatThrownBy(() -> db.execute("INSERT INTO customers (name, region_id) VALUES ('Nowhere', 99)"))
                .hasMessageContaining("FOREIGN KEY");
        assertCustomersKeptEverythingElse();

        apply("drop_customer_region", """
                operations:
                  - {type: DROP_FOREIGN_KEY, table: customers, foreign_key: fk_customers_region}
                """);
        assertThat(customers().foreignKeys()).isEmpty();
        db.execute("INSERT INTO customers (name, region_id) VALUES ('Nowhere', 99)");
    }

    @Test
    void addCheckThenDropIt() throws SQLException {
        List<String> sql = apply("score_check", """
                operations:
                  - {type: ADD_CONSTRAINT, table: customers, constraint: {name: ck_customers_score, kind: CHECK, expression: score >= 0}}
                """);
        assertRebuilt(sql, "customers");
        assertThat(customers().constraints()).extracting(ConstraintSchema::name).containsExactly("ck_customers_score");
        assertThatThrownBy(() -> db.execute("INSERT INTO customers (name, score) VALUES ('Negative', -1)"))
                .hasMessageContaining("CHECK");
        assertCustomersKeptEverythingElse();

        List<String> drop = apply("drop_score_check", """
                operations:
                  - {type: DROP_CONSTRAINT, table: customers, constraint: ck_customers_score}
                """);
        assertRebuilt(drop, "customers");
        assertThat(customers().constraints()).isEmpty();
        db.execute("INSERT INTO customers (name, score) VALUES ('Negative', -1)");
    }

    @Test
    void addUniqueConstraint() throws SQLException {
        List<String> sql = apply("unique_name", """
                operations:
                  - {type: ADD_CONSTRAINT, table: customers, constraint: {name: uq_customers_name, kind: UNIQUE, columns: [name]}}
                """);
        assertRebuilt(sql, "customers");
        assertThat(customers().constraints()).singleElement().satisfies(k -> {
            assertThat(k.kind()).isEqualTo(ConstraintSchema.Kind.UNIQUE);
            assertThat(k.columns()).containsExactly("name");
        });
        assertThatThrownBy(() -> db.execute("INSERT INTO customers (name) VALUES ('Grace')")).hasMessageContaining("UNIQUE");
        assertCustomersKeptEverythingElse();
    }

    @Test
    void rebuildOfTheChildTableKeepsItsForeignKey() throws SQLException {
        List<String> sql = apply("total_wider", """
                operations:
                  - {type: ALTER_COLUMN, table: orders, column: {name: total, type: DECIMAL(12,2), nullable: false}}
                """);
        assertRebuilt(sql, "orders");
        assertThat(db.rows("SELECT id, customer_id, total FROM orders ORDER BY id"))
                .containsExactly("1|1|10.5", "2|1|20.25", "3|2|5", "4|3|7.75");
        assertThat(db.rows("SELECT seq FROM sqlite_sequence WHERE name = 'orders'")).containsExactly("4");
        db.execute("DELETE FROM customers WHERE id = 1");
        assertThat(db.count("SELECT COUNT(*) FROM orders")).isEqualTo(2);
        assertThat(db.rows("SELECT id, total FROM customer_totals ORDER BY id")).containsExactly("2|5", "3|7.75", "4|<null>");
    }

    @Test
    void changePrimaryKey() throws Exception {
        db.write("tags", """
                operations:
                  - type: CREATE_TABLE
                    table: tags
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true}
                      - {name: code, type: VARCHAR(20), nullable: false}
                      - {name: label, type: TEXT, nullable: true}
                    indexes:
                      - {name: idx_tags_label, columns: [label]}
                """);
        runner.migrate();
        db.execute("INSERT INTO tags VALUES (1, 'b', 'Bee'), (2, 'a', NULL), (3, 'c', 'Sea ✓')");
        SqliteAlterations workaround = new SqliteDialect(true).workaround();
        List<String> sql = workaround.changePrimaryKey(db.schema().requireTable("tags"), List.of("code", "id"));
        assertRebuilt(sql, "tags");
        // explicit SQL runs through the same executor, so the rebuild gets the same guard
        db.write("tags_key", JsonMapper.builder().build().writeValueAsString(Map.of("operations",
                List.of(Map.of("type", "RUN_SQL", "sql", sql)))));
        runner.migrate();
        assertThat(db.schema().requireTable("tags").primaryKey()).containsExactly("code", "id");
        assertThat(db.rows("SELECT id, code, label FROM tags ORDER BY id")).containsExactly("1|b|Bee", "2|a|<null>", "3|c|Sea ✓");
        assertThat(db.rows("SELECT name FROM sqlite_master WHERE tbl_name = 'tags' AND type = 'index' AND sql IS NOT NULL"))
                .containsExactly("idx_tags_label");
    }

    @Test
    void dryRunShowsTheWholeRebuildAndChangesNothing() throws SQLException {
        db.write("name_nullable", """
                operations:
                  - {type: ALTER_COLUMN, table: customers, column: {name: name, type: VARCHAR(100), nullable: true}}
                """);
        List<String> master = db.masterSql();
        List<String> sql = runner.migrate(MigrateOptions.all().asDryRun()).applied().get(0).sql();
        assertThat(sql).hasSize(8);
        assertThat(sql.get(0)).startsWith("CREATE TABLE \"_covet_new_customers\" (").contains("\"name\" VARCHAR(100),");
        assertThat(sql.get(1)).isEqualTo("INSERT INTO \"_covet_new_customers\" (\"id\", \"name\", \"email\", \"note\", \"photo\", \"score\", \"region_id\")"
                + " SELECT \"id\", \"name\", \"email\", \"note\", \"photo\", \"score\", \"region_id\" FROM \"customers\"");
        assertThat(sql.get(2)).startsWith("INSERT INTO sqlite_sequence");
        assertThat(sql.get(3)).startsWith("UPDATE sqlite_sequence");
        assertThat(sql.subList(4, 8)).containsExactly(
                "DROP TABLE \"customers\"",
                "ALTER TABLE \"_covet_new_customers\" RENAME TO \"customers\"",
                "CREATE INDEX \"idx_customers_name\" ON \"customers\" (\"name\")",
                "CREATE INDEX \"idx_customers_scored\" ON \"customers\" (\"score\") WHERE score IS NOT NULL");
        assertThat(db.masterSql()).isEqualTo(master);
        assertThat(runner.status().pending()).hasSize(1);
    }

    @Test
    void withoutForcingTheCurrentSqliteRenamesAndDropsNatively() throws SQLException {
        MigrationRunner natively = db.runner(new SqliteDialect(), Duration.ofSeconds(30));
        db.write("native", """
                operations:
                  - {type: RENAME_COLUMN, table: customers, column: note, new_name: remark}
                  - {type: DROP_COLUMN, table: customers, column: photo}
                """);
        List<String> sql = natively.migrate().applied().get(0).sql();
        assertThat(sql).containsExactly("ALTER TABLE \"customers\" RENAME COLUMN \"note\" TO \"remark\"",
                "ALTER TABLE \"customers\" DROP COLUMN \"photo\"");
        assertThat(customers().columns()).extracting(ColumnSchema::name)
                .containsExactly("id", "name", "email", "remark", "score", "region_id");
    }
}
