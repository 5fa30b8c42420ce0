package dev.covet.migrations.generate;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.generate.MakeMigrationsAndLint.Shape;
import dev.covet.migrations.generate.MakeMigrationsAndLint.Written;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** makemigrations then lint as one call: what was written is linted, and only that. */
class MakeMigrationsAndLintTests {

    private static final String CUSTOMERS = """
            operations:
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
            """;

    /** The model: customers without the note column the existing migrations added. */
    private static SchemaState model(TestDatabase db) {
        try (MigrationFiles files = new MigrationFiles().write("0001_customers.yaml", CUSTOMERS)) {
            return MigrationRunner.builder(db.dataSource()).locations(files.location()).build().projectedSchema();
        }
    }

    private static MigrationFiles existing() {
        return new MigrationFiles().write("0001_customers.yaml", CUSTOMERS).write("0002_note.yaml", """
                operations:
                  - {type: ADD_COLUMN, table: customers, column: {name: note, type: TEXT}}
                """);
    }

    @Test
    void writesTheNextMigrationAndLintsIt() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles output = existing()) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(output.location()).build();
            MakeMigrationsAndLint makeMigrations = new MakeMigrationsAndLint(runner, output.dir(), true, List.of());

            Written written = makeMigrations.write(model(db), "drop_note", new RenameDetector(), Shape.ONE);

            assertThat(makeMigrations.sourceDescription()).contains("(output-directory)");
            assertThat(written.results()).singleElement().satisfies(r -> {
                assertThat(r.file()).hasFileName("0003_drop_note.yaml");
                assertThat(r.operations()).extracting(op -> op.type()).containsExactly("DROP_COLUMN");
            });
            assertThat(written.lintWarnings()).singleElement().asString().contains("0003_drop_note").contains("drop-column-in-use");
        }
    }

    @Test
    void withLintOffOrNothingWrittenThereAreNoWarnings() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles output = existing()) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(output.location()).build();

            Written unlinted = new MakeMigrationsAndLint(runner, output.dir(), false, List.of())
                    .write(model(db), "drop_note", new RenameDetector(), Shape.ONE);
            assertThat(unlinted.results()).singleElement().satisfies(r -> assertThat(r.changed()).isTrue());
            assertThat(unlinted.lintWarnings()).isEmpty();

            MakeMigrationsAndLint again = new MakeMigrationsAndLint(runner, output.dir(), true, List.of());
            Written nothing = again.write(again.projectedSchema(), null, new RenameDetector(), Shape.ONE);
            assertThat(nothing.results()).singleElement().satisfies(r -> assertThat(r.changed()).isFalse());
            assertThat(nothing.lintWarnings()).isEmpty();
        }
    }
}
