package dev.covet.migrations.engine;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.drift.DriftReport;
import dev.covet.migrations.drift.SchemaDrift;
import dev.covet.migrations.safety.RollbackPolicy;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.safety.SafeRollbackResult;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import static dev.covet.migrations.engine.Jdbc.execute;
import static dev.covet.migrations.engine.MigrateRollbackTests.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Models with {@code Integer} ids as well as {@code Long} ones: on SQLite both become {@code INTEGER PRIMARY KEY}
 * rowid aliases, and neither drift nor a verified rollback may take one for the other.
 */
class IntegerIdTests {

    private static String init(String idType) {
        return """
                operations:
                  - type: CREATE_TABLE
                    table: authors
                    columns:
                      - {name: id, type: %1$s, nullable: false, primary_key: true, auto_increment: true}
                      - {name: name, type: VARCHAR(100), nullable: false}
                  - type: CREATE_TABLE
                    table: books
                    columns:
                      - {name: id, type: %1$s, nullable: false, primary_key: true, auto_increment: true}
                      - {name: author_id, type: %1$s, nullable: false}
                    foreign_keys:
                      - {name: fk_books_author, columns: [author_id], references: {table: authors, columns: [id]}}
                """.formatted(idType);
    }

    private static final String NICKNAME = """
            operations:
              - {type: ADD_COLUMN, table: authors, column: {name: nickname, type: VARCHAR(20)}}
            """;

    @AllDatabases
    void integerIdsShowNoDriftAndRollBackVerified(DatabaseKind kind) throws Exception {
        migrateDriftAndRollBack(kind, "INTEGER");
    }

    @AllDatabases
    void longIdsShowNoDriftAndRollBackVerified(DatabaseKind kind) throws Exception {
        migrateDriftAndRollBack(kind, "BIGINT");
    }

    @AllDatabases
    void aRealIntegerToBigintChangeIsDriftWhereTheDatabaseCanTell(DatabaseKind kind) throws Exception {
        if (kind.toString().equals("sqlite")) {
            return; // both are INTEGER PRIMARY KEY there, and SQLite has no ALTER to retype a column with
        }
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", init("INTEGER"));
            MigrationRunner runner = runner(db, files);
            runner.migrate();
            if (kind.toString().equals("mysql")) {
                // MariaDB retypes neither side of a foreign key, so the key goes and comes back as it was.
                execute(db, "ALTER TABLE books DROP FOREIGN KEY fk_books_author",
                        "ALTER TABLE authors MODIFY id BIGINT NOT NULL AUTO_INCREMENT",
                        "ALTER TABLE books MODIFY author_id BIGINT NOT NULL",
                        "ALTER TABLE books ADD CONSTRAINT fk_books_author FOREIGN KEY (author_id) REFERENCES authors (id)");
            } else {
                execute(db, "ALTER TABLE authors ALTER COLUMN id TYPE BIGINT", "ALTER TABLE books ALTER COLUMN author_id TYPE BIGINT");
            }
            DriftReport drift = runner.drift();
            // The retyped columns are reported; the foreign key between them is in the database as before, so it is not.
            assertThat(drift.differences()).as(drift.toString()).containsExactlyInAnyOrder(
                    new SchemaDrift("authors", "column id is BIGINT NOT NULL in the database; the migrations say INTEGER NOT NULL"),
                    new SchemaDrift("books", "column author_id is BIGINT NOT NULL in the database; the migrations say INTEGER NOT NULL"));
        }
    }

    private static void migrateDriftAndRollBack(DatabaseKind kind, String idType) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", init(idType)).write("0002_nickname.yaml", NICKNAME);
            MigrationRunner runner = runner(db, files);
            runner.migrate();
            DriftReport drift = runner.drift();
            assertThat(drift.checked()).isTrue();
            assertThat(drift.differences()).as(drift.toString()).isEmpty();

            SafeRollbackResult result = new RollbackValidator(runner, RollbackPolicy.defaults()).safeRollback(1, false, null);
            assertThat(result.success()).as(result.errors().toString()).isTrue();
            assertThat(result.rolledBack()).containsExactly("0002_nickname");
            assertThat(runner.drift().differences()).as(runner.drift().toString()).isEmpty();
        }
    }
}
