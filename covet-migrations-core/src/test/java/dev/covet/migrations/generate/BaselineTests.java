package dev.covet.migrations.generate;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Baseline} from Java: adopts a database once, writing into a directory the locations do not read yet. */
class BaselineTests {

    @AllDatabases
    void adoptsTheDatabaseOnceAndRecordsItsMigrationAsApplied(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles locations = new MigrationFiles();
             MigrationFiles output = new MigrationFiles()) {
            db.execute("CREATE TABLE shops (id BIGINT PRIMARY KEY, name VARCHAR(50))");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(locations.location()).build();
            Baseline baseline = new Baseline(runner, output.dir());

            BaselineResult.Adopted adopted = (BaselineResult.Adopted) baseline.adopt("initial");

            assertThat(adopted.file()).exists().hasFileName("0001_initial.yaml").hasParent(output.dir());
            assertThat(adopted.id().name()).isEqualTo("0001_initial");
            assertThat(adopted.tables()).containsExactly("shops");
            MigrationRunner reading = runner.withLocations(List.of(output.location()));
            assertThat(reading.status().applied()).extracting(i -> i.id().name()).containsExactly("0001_initial");
            reading.validate();
            assertThat(baseline.adopt("again")).isInstanceOfSatisfying(BaselineResult.Refused.class,
                    r -> assertThat(r.reason()).startsWith("the database already has migration history (1 migration(s)"));
        }
    }

    @AllDatabases
    void refusesADatabaseWithoutTables(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles output = new MigrationFiles()) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(output.location()).build();

            assertThat(new Baseline(runner, output.dir()).adopt("initial")).isInstanceOfSatisfying(BaselineResult.Refused.class,
                    r -> assertThat(r.reason()).startsWith("the database has no tables to adopt"));
            assertThat(output.dir()).isEmptyDirectory();
        }
    }
}
