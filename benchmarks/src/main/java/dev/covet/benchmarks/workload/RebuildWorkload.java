package dev.covet.benchmarks.workload;

import dev.covet.migrations.dialect.SqliteDialect;
import dev.covet.migrations.generate.MigrationGenerator;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQLite rebuild scenario: a table {@code big} (six columns, one index) with many rows, and a pending
 * ALTER_COLUMN that widens {@code payload} to TEXT, which SQLite can only do by rebuilding the table.
 */
public final class RebuildWorkload {

    private static final SqliteDialect SQLITE = new SqliteDialect();
    private static final ColumnSchema PAYLOAD = ColumnSchema.of("payload", ColumnType.varchar(100));

    private RebuildWorkload() {
    }

    /** The table before the change. */
    public static TableSchema before() {
        return new TableSchema("big", List.of(
                ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey(),
                ColumnSchema.of("a", ColumnType.of(ColumnType.Kind.INTEGER)).notNull().withDefault(new ColumnDefault.Literal(0)),
                ColumnSchema.of("b", ColumnType.varchar(100)),
                ColumnSchema.of("c", ColumnType.decimal(10, 2)),
                ColumnSchema.of("d", ColumnType.of(ColumnType.Kind.TIMESTAMP)),
                PAYLOAD),
                List.of("id"), List.of(new IndexSchema("ix_big_a", List.of("a"), false, null)), List.of(), List.of());
    }

    /** The table after the change. */
    public static TableSchema after() {
        return before().mapColumn("payload", c -> c.withType(ColumnType.of(ColumnType.Kind.TEXT)));
    }

    /** Writes {@code 0001_create_big.yaml} and {@code 0002_widen_big_payload.yaml} into {@code dir}. */
    public static void writeMigrations(Path dir) throws IOException {
        MigrationGenerator generator = new MigrationGenerator();
        Files.createDirectories(dir);
        generator.saveMigration(generator.generateMigration(List.of(new CreateTable(before())), "create_big", null), dir);
        generator.saveMigration(generator.generateMigration(List.of(new AlterColumn("big", after().column("payload").orElseThrow(),
                PAYLOAD)), "widen_big_payload", null), dir);
    }

    /** Fills {@code big} with {@code rows} rows in one statement. */
    public static String fillSql(int rows) {
        return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") "
                + "INSERT INTO big (id, a, b, c, d, payload) SELECT i, i % 1000, 'name ' || i, (i % 100000) / 100.0, "
                + "'2024-01-01 10:00:00', printf('%032d', i) FROM n";
    }

    /** CREATE TABLE of the new shape under another name, and INSERT … SELECT into it. */
    public static List<String> plainCopySql() {
        TableSchema copy = after().withName("big_copy").withIndexes(List.of());
        List<String> sql = new ArrayList<>(SQLITE.render(new CreateTable(copy), SchemaState.empty()));
        sql.add("INSERT INTO big_copy (id, a, b, c, d, payload) SELECT id, a, b, c, d, payload FROM big");
        return sql;
    }

    /** The plain copy, then what completes a rebuild by hand: drop, rename, re-create the index. */
    public static List<String> manualRebuildSql() {
        List<String> sql = new ArrayList<>(plainCopySql());
        sql.add("DROP TABLE big");
        sql.add("ALTER TABLE big_copy RENAME TO big");
        sql.add("CREATE INDEX ix_big_a ON big (a)");
        return sql;
    }
}
