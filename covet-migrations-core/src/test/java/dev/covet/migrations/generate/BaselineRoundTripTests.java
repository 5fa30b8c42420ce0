package dev.covet.migrations.generate;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle for what a baseline captured: introspect the original, replay the baseline into an empty database,
 * introspect that; every table must be equal, column by column. Here: the types the portable kinds cannot say.
 */
class BaselineRoundTripTests {

    private static List<String> nativeTypes(String kind) {
        return switch (kind) {
            case "postgresql" -> List.of("""
                    CREATE TABLE documents (
                      id BIGINT PRIMARY KEY,
                      body_search tsvector,
                      tags TEXT[],
                      scores INTEGER[],
                      client inet,
                      kept_for interval,
                      raw json,
                      price money,
                      flags bit(8),
                      free_text character varying,
                      doc jsonb)""");
            case "mysql" -> List.of("""
                    CREATE TABLE documents (
                      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
                      made YEAR,
                      state ENUM('draft','it''s live','gone') NOT NULL,
                      labels SET('a','b','c'),
                      pages INT UNSIGNED,
                      amount DECIMAL(10,2) UNSIGNED,
                      summary TEXT,
                      note TINYTEXT,
                      thumb BLOB,
                      flags BIT(8),
                      counter MEDIUMINT)""");
            default -> List.of("""
                    CREATE TABLE documents (
                      id INTEGER PRIMARY KEY,
                      body BLOB SUB_TYPE TEXT,
                      price MONEY,
                      created DATETIMEOFFSET,
                      anything)""");
        };
    }

    @AllDatabases
    void nativeTypesRoundTrip(DatabaseKind kind) throws Exception {
        try (TestDatabase original = kind.create(); TestDatabase replay = kind.create();
             MigrationFiles none = new MigrationFiles(); MigrationFiles output = new MigrationFiles()) {
            original.execute(nativeTypes(kind.toString()).toArray(String[]::new));
            MigrationRunner runner = MigrationRunner.builder(original.dataSource()).locations(none.location()).build();
            assertThat(new Baseline(runner, output.dir()).adopt("initial")).isInstanceOf(BaselineResult.Adopted.class);
            runner.withLocations(List.of(output.location())).validate();

            MigrationRunner.builder(replay.dataSource()).locations(output.location()).build().migrate();

            SchemaState before = read(original);
            SchemaState after = read(replay);
            for (TableSchema table : before.tables().values()) {
                assertThat(after.requireTable(table.name())).as(table.name()).isEqualTo(table);
            }
            assertThat(after.tables()).hasSameSizeAs(before.tables());
        }
    }

    private static SchemaState read(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return db.dialect().schemaReader().read(c, "covet_");
        }
    }
}
