package dev.covet.migrations.sqlite;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SQLite table with a generated column (as a baseline captures it: SQLite's own type with its expression) is
 * rebuilt for a change SQLite cannot ALTER: the copy leaves the generated column out (it takes no value), SQLite
 * computes it again, and every row is kept.
 */
class GeneratedColumnRebuildTests {

    @Test
    void aTableWithAGeneratedColumnIsRebuiltKeepingItsRowsAndItsExpression() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_lines.yaml", """
                    operations:
                      - type: CREATE_TABLE
                        table: order_lines
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                          - {name: price, type: "DECIMAL(10,2)", nullable: false}
                          - {name: qty, type: INTEGER, nullable: false}
                          - {name: note, type: VARCHAR(10), nullable: true}
                          - {name: total, type: "sqlite:numeric(12,2) generated always as (price * qty) stored", nullable: true}
                      - type: RUN_SQL
                        sql:
                          - INSERT INTO order_lines (id, price, qty, note) VALUES (1, 2.50, 4, 'a'), (2, 10, 3, NULL)
                        reverse_sql:
                          - DELETE FROM order_lines
                    """);
            files.write("0002_not_null_qty_note.yaml", """
                    operations:
                      - type: ALTER_COLUMN
                        table: order_lines
                        column: {name: note, type: VARCHAR(10), nullable: false, default: none}
                        fill_null_rows: none
                    """);
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            assertThat(runner.migrate().applied()).hasSize(2);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, note, total FROM order_lines ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("a");
                assertThat(rs.getDouble(3)).isEqualTo(10.0);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("none");
                assertThat(rs.getDouble(3)).isEqualTo(30.0);
                assertThat(rs.next()).isFalse();
            }
            assertThat(runner.drift().differences()).isEmpty();
        }
    }
}
