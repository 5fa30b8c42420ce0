package dev.covet.migrations.drift;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.generate.Baseline;
import dev.covet.migrations.generate.BaselineResult;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** After a baseline, drift compares the views and triggers it captured with the live database's. */
class ObjectDriftTests {

    @AllDatabases
    void aViewDroppedChangedOrAddedByHandIsDrift(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles none = new MigrationFiles(); MigrationFiles output = new MigrationFiles()) {
            db.execute("CREATE TABLE film (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL)",
                    "CREATE VIEW titles AS SELECT title FROM film",
                    "CREATE VIEW long_titles AS SELECT title FROM film WHERE id > 10");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(none.location()).build();
            assertThat(new Baseline(runner, output.dir()).adopt("initial")).isInstanceOf(BaselineResult.Adopted.class);
            MigrationRunner adopted = runner.withLocations(List.of(output.location()));
            assertThat(adopted.drift().inSync()).as(adopted.drift().toString()).isTrue();

            db.execute("DROP VIEW titles", "DROP VIEW long_titles",
                    "CREATE VIEW long_titles AS SELECT title FROM film WHERE id > 20",
                    "CREATE VIEW made_by_hand AS SELECT id FROM film");

            assertThat(adopted.drift().differences()).extracting(SchemaDrift::difference).containsExactlyInAnyOrder(
                    "view titles is missing from the database (0001_initial creates it)",
                    "view long_titles differs from the definition 0001_initial wrote",
                    "view made_by_hand exists in the database but no migration creates it");
        }
    }
}
