package dev.covet.migrations.sqlite;

import dev.covet.migrations.dialect.SqliteAlterations;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.dialect.SqliteDialect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rebuild that cannot succeed changes nothing: the same {@code sqlite_master} text, the same rows, the
 * same sequence, no history row, foreign keys still on; and the error names the table, column and rows.
 */
class RebuildFailureTests {

    @TempDir
    Path tempDir;

    private SqliteFixture db;
    private MigrationRunner runner;

    @BeforeEach
    void createShop() throws SQLException {
        db = new SqliteFixture(tempDir);
        runner = db.forcedRunner();
        db.write("shop", ShopSchema.MIGRATION);
        runner.migrate();
        ShopSchema.insertRows(db);
    }

    /** Everything a failed rebuild must leave as it was. */
    private List<List<String>> everything() throws SQLException {
        return List.of(db.masterSql(),
                db.rows("SELECT id, name, email, hex(photo), note, score, region_id FROM customers ORDER BY id"),
                db.rows("SELECT * FROM orders ORDER BY id"),
                db.rows("SELECT * FROM sqlite_sequence ORDER BY name"),
                db.rows("SELECT name, state FROM covet_migrations ORDER BY id"));
    }

    private void assertFailsChangingNothing(String name, String yaml, String... messageParts) throws SQLException {
        List<List<String>> before = everything();
        String id = db.write(name, yaml);
        assertThatThrownBy(runner::migrate).isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(messageParts))
                .hasMessageContaining("rolled back");
        assertThat(everything()).isEqualTo(before);
        assertThat(runner.status().pending()).extracting(i -> i.id().name()).containsExactly(id);
        // foreign keys were switched back on: the cascade still works on the untouched tables
        db.execute("DELETE FROM customers WHERE id = 1");
        assertThat(db.count("SELECT COUNT(*) FROM orders WHERE customer_id = 1")).isZero();
    }

    @Test
    void setNotNullOnAColumnWithNullsNamesTableColumnAndRows() throws SQLException {
        assertFailsChangingNothing("email_required", """
                operations:
                  - {type: ALTER_COLUMN, table: customers, column: {name: email, type: VARCHAR(200), nullable: false, unique: true}}
                """, "rebuild of table customers: 2 rows violate NOT NULL on column email");
    }

    @Test
    void addingAForeignKeyThatRowsViolateListsTheRows() throws SQLException {
        db.execute("INSERT INTO customers (name, region_id) VALUES ('Lost', 99)");
        long lost = db.count("SELECT rowid FROM customers WHERE name = 'Lost'");
        assertFailsChangingNothing("customer_region", """
                operations:
                  - type: ADD_FOREIGN_KEY
                    table: customers
                    foreign_key: {name: fk_customers_region, columns: [region_id], references: {table: regions, columns: [id]}}
                """, "rebuild of table customers: 1 row(s) violate foreign keys", "customers rowid " + lost + " references a missing row in regions");
    }

    @Test
    void addingAUniqueConstraintOverDuplicatesCountsThem() throws SQLException {
        db.execute("INSERT INTO customers (name) VALUES ('Grace'), ('Grace')");
        assertFailsChangingNothing("unique_name", """
                operations:
                  - {type: ADD_CONSTRAINT, table: customers, constraint: {name: uq_customers_name, kind: UNIQUE, columns: [name]}}
                """, "rebuild of table customers: 3 rows share a value of (name) that must be unique");
    }

    @Test
    void addingACheckThatRowsViolateNamesTheConstraint() throws SQLException {
        assertFailsChangingNothing("score_small", """
                operations:
                  - {type: ADD_CONSTRAINT, table: customers, constraint: {name: ck_customers_score, kind: CHECK, expression: score < 35}}
                """, "rebuild of table customers: existing rows violate CHECK constraint ck_customers_score; fix those rows first");
    }

    @Test
    void aRenameThatWouldBreakAViewIsRefused() throws SQLException {
        // Natively SQLite would rewrite the view; a rebuild cannot, so it must not leave the view broken.
        assertFailsChangingNothing("rename_name", """
                operations:
                  - {type: RENAME_COLUMN, table: customers, column: name, new_name: full_name}
                """, "rebuild of table customers would break view customer_totals", "no such column");
    }

    @Test
    void changingThePrimaryKeyToDuplicatedValuesFails() throws Exception {
        SqliteAlterations workaround = new SqliteDialect(true).workaround();
        List<String> sql = workaround.changePrimaryKey(db.schema().requireTable("orders"), List.of("customer_id"));
        assertFailsChangingNothing("orders_key", JsonMapper.builder().build().writeValueAsString(
                        Map.of("operations", List.of(Map.of("type", "RUN_SQL", "sql", sql)))),
                "rebuild of table orders: 2 rows share a value of (customer_id) that must be unique");
    }

    @Test
    void aFailureInALaterOperationUndoesAnEarlierRebuild() throws SQLException {
        assertFailsChangingNothing("two_steps", """
                operations:
                  - {type: ALTER_COLUMN, table: customers, column: {name: score, type: BIGINT, nullable: true}}
                  - {type: RUN_SQL, sql: INSERT INTO no_such_table VALUES (1)}
                """, "no_such_table");
    }
}
