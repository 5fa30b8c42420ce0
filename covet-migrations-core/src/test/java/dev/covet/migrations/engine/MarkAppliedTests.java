package dev.covet.migrations.engine;

import dev.covet.migrations.Direction;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MigrationRunner#markApplied}: a migration whose schema the database already has is recorded, not run, with
 * the checksum an apply records, and then counts as applied everywhere.
 */
class MarkAppliedTests {

    @TempDir
    Path dir;

    @AllDatabases
    void recordsWithoutRunningAndLaterMigrationsFollow(DatabaseKind kind) throws Exception {
        Files.writeString(dir.resolve("0001_initial.yaml"), """
                operations:
                  - type: CREATE_TABLE
                    table: accounts
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true}
                      - {name: email, type: VARCHAR(200), nullable: false}
                """);
        Files.writeString(dir.resolve("0002_add_phone.yaml"), """
                operations:
                  - {type: ADD_COLUMN, table: accounts, column: {name: phone, type: VARCHAR(30)}}
                """);
        try (TestDatabase db = kind.create()) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).dialect(db.dialect())
                    .locations("filesystem:" + dir).build();
            MigrationId initial = new MigrationId(MigrationId.DEFAULT_APP, "0001_initial");
            MigrationId addPhone = new MigrationId(MigrationId.DEFAULT_APP, "0002_add_phone");
            // The database already has the table (made by hand, as before adopting), with data.
            db.execute(runner.sql(initial, Direction.UP).toArray(String[]::new));
            db.execute("INSERT INTO accounts (id, email) VALUES (1, 'ada@example.com')");

            assertThatThrownBy(() -> runner.markApplied(addPhone)).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("dependency 0001_initial is not applied");
            runner.markApplied(initial);

            MigrationStatus status = runner.status();
            assertThat(status.applied()).extracting(i -> i.id().name()).containsExactly("0001_initial");
            // The checksum an apply records: the file's.
            assertThat(status.applied().get(0).checksum()).isEqualTo(runner.migrations().get(0).checksum());
            assertThat(status.pending()).extracting(i -> i.id().name()).containsExactly("0002_add_phone");
            assertThat(status.modified()).isEmpty();
            runner.validate();
            assertThat(runner.drift().differences()).isEmpty();
            assertThatThrownBy(() -> runner.markApplied(initial)).hasMessageContaining("already recorded");
            assertThatThrownBy(() -> runner.markApplied(new MigrationId(MigrationId.DEFAULT_APP, "0009_nothing"))).hasMessageContaining("no migration");

            // Only what came after runs (CREATE TABLE again would fail on the existing table), and the data stays.
            assertThat(runner.migrate().applied()).extracting(m -> m.id().name()).containsExactly("0002_add_phone");
            try (var c = db.connect(); var rs = c.createStatement().executeQuery("SELECT email, phone FROM accounts")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ada@example.com");
            }
        }
    }
}
