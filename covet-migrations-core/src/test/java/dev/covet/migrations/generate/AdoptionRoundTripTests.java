package dev.covet.migrations.generate;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.introspect.DatabaseObject;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

/**
 * The round-trip oracle of adoption, on three realistic schemas per database (a rental store with a domain, an
 * enum, views and triggers; an HR schema with composite keys and a self reference; a music store with every
 * foreign-key action): load the schema, {@code baseline}, check the original has no drift, replay the file into an
 * empty database, and introspect both: every table and every other object must be equal.
 */
class AdoptionRoundTripTests {

    private static final List<String> SCHEMAS = List.of("rental", "hr", "music");

    @AllDatabases
    void everySchemaRoundTrips(DatabaseKind kind) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String schema : SCHEMAS) {
            roundTrip(kind, schema, softly);
        }
        softly.assertAll();
    }

    private static void roundTrip(DatabaseKind kind, String schema, SoftAssertions softly) throws Exception {
        try (TestDatabase original = kind.create(); TestDatabase replay = kind.create();
             MigrationFiles none = new MigrationFiles(); MigrationFiles output = new MigrationFiles()) {
            original.execute(statements(kind + "-" + schema + ".sql"));
            MigrationRunner runner = MigrationRunner.builder(original.dataSource()).locations(none.location()).build();
            BaselineResult result = new Baseline(runner, output.dir()).adopt("initial");
            if (!(result instanceof BaselineResult.Adopted)) {
                softly.fail(schema + ": baseline refused: " + result);
                return;
            }
            MigrationRunner adopted = runner.withLocations(List.of(output.location()));
            softly.assertThat(adopted.drift().checked()).as(schema + ": drift judged after the baseline (" + adopted.drift().reason() + ")").isTrue();
            softly.assertThat(adopted.drift().differences()).as(schema + ": drift right after the baseline").isEmpty();

            MigrationRunner replayed = MigrationRunner.builder(replay.dataSource()).locations(output.location()).build();
            try {
                replayed.migrate();
            } catch (RuntimeException e) {
                softly.fail(schema + ": the baseline does not replay: " + e.getMessage());
                return;
            }
            SchemaState before = read(original);
            SchemaState after = read(replay);
            if (!kind.toString().equals("mysql") && schema.equals("rental")) {
                softly.assertThat(before.requireTable("inventory").foreignKeys()).as("RESTRICT is read")
                        .allMatch(k -> "RESTRICT".equals(k.onDelete()));
            }
            if (kind.toString().equals("mysql") && schema.equals("rental")) {
                // The oracle sees only what the reader reads: make sure it reads the attributes the test is about.
                softly.assertThat(before.requireTable("film").column("last_update").orElseThrow().type().sql())
                        .isEqualTo("mysql:timestamp on update current_timestamp()");
                softly.assertThat(before.requireTable("film").column("release_year").orElseThrow().type().sql())
                        .isEqualTo("mysql:year(4)");
            }
            softly.assertThat(after.tables().keySet()).as(schema + ": tables").isEqualTo(before.tables().keySet());
            for (TableSchema table : before.tables().values()) {
                softly.assertThat(after.tables().get(table.name())).as(schema + ": table " + table.name()).isEqualTo(table);
            }
            List<DatabaseObject> objectsBefore = runner.liveObjects();
            softly.assertThat(objectsBefore).extracting(DatabaseObject::createSql).as(schema + ": not tied to the schema")
                    .noneMatch(sql -> sql.contains("public."));
            if (schema.equals("rental") && !kind.toString().equals("mysql")) {
                softly.assertThat(objectsBefore).extracting(DatabaseObject::name).as(schema + ": descending and expression indexes")
                        .contains(kind.toString().equals("sqlite") ? "idx_recent" : "idx_recent_films", "idx_title_lower");
            }
            String capturedHere = switch (kind + "-" + schema) {
                case "postgresql-rental" -> "composite type postal_address";
                case "mysql-rental" -> "event purge_film_text";
                case "sqlite-music" -> "virtual table track_search";
                default -> null;
            };
            if (capturedHere != null) {
                softly.assertThat(objectsBefore).extracting(DatabaseObject::label).as(schema + ": read at all").contains(capturedHere);
            }
            if (kind.toString().equals("postgresql") && schema.equals("hr")) {
                softly.assertThat(before.requireTable("employee").column("work_email").orElseThrow().type().sql())
                        .as("an extension's type is kept as the database's own").isEqualTo("postgresql:citext");
                softly.assertThat(objectsBefore).extracting(DatabaseObject::label).contains("extension citext");
            }
            if (kind.toString().equals("sqlite") && schema.equals("music")) {
                softly.assertThat(before.tables().keySet()).as("shadow tables of the full-text table are its own")
                        .noneMatch(t -> t.startsWith("track_search"));
            }
            softly.assertThat(replayed.liveObjects()).as(schema + ": views, routines, triggers").isEqualTo(objectsBefore);
        }
    }

    private static String[] statements(String resource) throws IOException {
        try (InputStream in = AdoptionRoundTripTests.class.getResourceAsStream("/adoption/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no test schema /adoption/" + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n--;;\n")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
        }
    }

    private static SchemaState read(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            return db.dialect().schemaReader().read(c, "covet_");
        }
    }
}
