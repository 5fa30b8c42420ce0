package dev.covet.migrations.generate;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.introspect.DatabaseObject;
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
                      doc jsonb,
                      qty INTEGER NOT NULL DEFAULT 1,
                      unit NUMERIC(8,2),
                      total NUMERIC(10,2) GENERATED ALWAYS AS (unit * qty) STORED,
                      code TEXT COLLATE "C",
                      code_upper TEXT COLLATE "C" GENERATED ALWAYS AS (upper(code)) STORED)""");
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
                      counter MEDIUMINT,
                      qty INT NOT NULL DEFAULT 1,
                      unit DECIMAL(8,2),
                      total DECIMAL(10,2) AS (unit * qty) STORED,
                      label VARCHAR(40) AS (CONCAT('n', qty)) VIRTUAL,
                      code VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin,
                      code_upper VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_bin AS (UPPER(code)) VIRTUAL)""");
            default -> List.of("""
                    CREATE TABLE documents (
                      id INTEGER PRIMARY KEY,
                      body BLOB SUB_TYPE TEXT,
                      price MONEY,
                      created DATETIMEOFFSET,
                      anything,
                      qty INTEGER NOT NULL DEFAULT 1,
                      unit NUMERIC(8,2),
                      total NUMERIC(10,2) GENERATED ALWAYS AS (unit * qty) STORED,
                      label TEXT AS ('n' || qty) VIRTUAL)""");
        };
    }

    private static List<String> objects(String kind) {
        return switch (kind) {
            case "postgresql" -> List.of(
                    "CREATE TYPE mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'it''s R')",
                    "CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)",
                    "CREATE SEQUENCE ticket_numbers START WITH 100 INCREMENT BY 5",
                    "CREATE TABLE film (id BIGINT PRIMARY KEY, title TEXT NOT NULL, rating mpaa_rating DEFAULT 'G', "
                            + "release_year year, ticket BIGINT DEFAULT nextval('ticket_numbers'), updated TIMESTAMP)",
                    "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$",
                    "CREATE TRIGGER film_touch BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION touch()",
                    "CREATE VIEW rated AS SELECT id, title FROM film WHERE rating <> 'G'",
                    "CREATE VIEW rated_titles AS SELECT title FROM rated",
                    "CREATE TABLE film_log (film_id BIGINT, at TIMESTAMP DEFAULT now())",
                    "CREATE RULE log_deletes AS ON DELETE TO film DO ALSO INSERT INTO film_log (film_id) VALUES (OLD.id)");
            case "mysql" -> List.of(
                    "CREATE TABLE film (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL, updated DATETIME)",
                    "CREATE TRIGGER film_touch BEFORE UPDATE ON film FOR EACH ROW BEGIN SET NEW.updated = NOW(); END",
                    "CREATE VIEW rated_titles AS SELECT title FROM rated",
                    "CREATE FUNCTION shout(s VARCHAR(50)) RETURNS VARCHAR(60) DETERMINISTIC RETURN CONCAT(UPPER(s), '!')",
                    "CREATE PROCEDURE count_films(OUT n INT) BEGIN SELECT COUNT(*) INTO n FROM film; END");
            default -> List.of(
                    "CREATE TABLE film (id INTEGER PRIMARY KEY, title TEXT NOT NULL, updated TEXT)",
                    "CREATE VIEW rated AS SELECT id, title FROM film WHERE id > 1",
                    "CREATE VIEW rated_titles AS SELECT title FROM rated",
                    "CREATE TRIGGER film_touch AFTER UPDATE ON film BEGIN UPDATE film SET updated = datetime('now') "
                            + "WHERE id = NEW.id; END");
        };
    }

    /** Types, domains, sequences, functions, procedures, views (one on another) and triggers come back the same. */
    @AllDatabases
    void otherObjectsRoundTrip(DatabaseKind kind) throws Exception {
        try (TestDatabase original = kind.create(); TestDatabase replay = kind.create();
             MigrationFiles none = new MigrationFiles(); MigrationFiles output = new MigrationFiles()) {
            List<String> ddl = new java.util.ArrayList<>(objects(kind.toString()));
            if (kind.toString().equals("mysql")) {
                // A view named before the view it reads: the baseline must still create them in dependency order.
                ddl.add(2, "CREATE VIEW rated AS SELECT id, title FROM film WHERE id > 1");
            }
            original.execute(ddl.toArray(String[]::new));
            MigrationRunner runner = MigrationRunner.builder(original.dataSource()).locations(none.location()).build();
            List<DatabaseObject> before = runner.liveObjects();
            assertThat(before).extracting(DatabaseObject::kind).contains("view", "trigger");
            assertThat(new Baseline(runner, output.dir()).adopt("initial")).isInstanceOf(BaselineResult.Adopted.class);
            runner.withLocations(List.of(output.location())).validate();

            MigrationRunner replayed = MigrationRunner.builder(replay.dataSource()).locations(output.location()).build();
            replayed.migrate();

            assertThat(replayed.liveObjects()).isEqualTo(before);
            assertThat(read(replay).tables()).isEqualTo(read(original).tables());
        }
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
            if (!kind.toString().equals("sqlite")) {
                assertThat(before.requireTable("documents").column("code").orElseThrow().type().nativeSql()).contains("collate");
                // Both at once: neither is lost.
                assertThat(before.requireTable("documents").column("code_upper").orElseThrow().type().nativeSql())
                        .contains("collate").contains("as(");
            }
            {
                // A generated column must come back generated, not as a plain column or one with a default.
                assertThat(before.requireTable("documents").column("total").orElseThrow().type().nativeSql()).contains("as(").contains("unit").contains("stored");
            }
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
