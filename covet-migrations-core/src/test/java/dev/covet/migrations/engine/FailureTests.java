package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureTests {

    private static final String FIRST = """
            operations:
              - {type: CREATE_TABLE, table: keep, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
            """;

    @AllDatabases
    void aMigrationWhoseThirdStatementFailsLeavesTheDatabaseAsBefore(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_keep.yaml", FIRST).write("0002_broken.yaml", """
                    operations:
                      - type: CREATE_TABLE
                        table: widgets
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                          - {name: label, type: VARCHAR(50), nullable: false}
                      - type: ADD_INDEX
                        table: widgets
                        index: {name: idx_widgets_label, columns: [label]}
                      - type: RUN_SQL
                        sql: INSERT INTO no_such_table VALUES (1)
                        reverse_sql: SELECT 1
                    """);
            MigrationRunner runner = MigrateRollbackTests.runner(db, files);
            assertThatThrownBy(runner::migrate)
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("0002_broken")
                    .hasMessageContaining("statement 3 of 3")
                    .hasMessageContaining("no_such_table");
            // 0001 committed on its own; 0002 left nothing behind, on MySQL because its statements were undone.
            assertThat(MigrateRollbackTests.read(db).tables()).containsOnlyKeys("keep");
            MigrationStatus status = runner.status();
            assertThat(status.applied()).extracting(i -> i.id().name()).containsExactly("0001_keep");
            assertThat(status.failed()).isEmpty();
            assertThat(status.pending()).extracting(i -> i.id().name()).containsExactly("0002_broken");
        }
    }

    @AllDatabases
    void whatCannotBeUndoneIsMarkedFailedAndResumedOnTheNextRun(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_keep.yaml", FIRST).write("0002_raw.yaml", """
                    operations:
                      - type: RUN_SQL
                        sql: CREATE TABLE made_by_hand (id INTEGER)
                      - type: RUN_SQL
                        sql: INSERT INTO needed_later (id) VALUES (1)
                    """);
            MigrationRunner runner = MigrateRollbackTests.runner(db, files);
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class).hasMessageContaining("needed_later");
            MigrationStatus status = runner.status();
            if (db.dialect().transactionalDdl()) {
                assertThat(MigrateRollbackTests.read(db).tables()).containsOnlyKeys("keep");
                assertThat(status.failed()).isEmpty();
            } else {
                // MySQL: the CREATE committed and raw SQL has no reverse: marked FAILED with what ran.
                assertThat(MigrateRollbackTests.read(db).tables()).containsKeys("keep", "made_by_hand");
                assertThat(status.failed()).singleElement().satisfies(f -> {
                    assertThat(f.id().name()).isEqualTo("0002_raw");
                    assertThat(f.detail()).contains("CREATE TABLE made_by_hand").contains("failed at statement 2");
                });
            }
            db.execute("CREATE TABLE needed_later (id INTEGER)");
            // The rerun resumes after the last completed statement (MySQL) or reruns the whole migration.
            assertThat(runner.migrate().applied()).extracting(e -> e.id().name()).containsExactly("0002_raw");
            assertThat(MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM needed_later")).isEqualTo(1);
            assertThat(runner.status().failed()).isEmpty();
        }
    }
}
