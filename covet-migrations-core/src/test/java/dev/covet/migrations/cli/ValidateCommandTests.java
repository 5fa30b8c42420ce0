package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code covet validate} as a CI gate on SQLite: drift that could not be checked because of an error fails it;
 * drift not checked by design (raw SQL) does not; a modified applied file is reported as modified.
 */
class ValidateCommandTests {

    private static final String INIT = """
            operations:
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void driftThatCouldNotBeCheckedBecauseOfAnErrorFails() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = migrated(db, files);
            // SQLite takes any declared type, even one with a semicolon: Covet will not write that into DDL.
            db.execute("CREATE TABLE made_by_hand (x [FROB;NITZ])");

            assertThat(validate(runner)).isEqualTo(ExitCodes.FAILURE);
            assertThat(out()).contains("drift could not be checked").contains("FROB;NITZ").contains("run validate again");
        }
    }

    @Test
    void driftNotCheckedByDesignPasses() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT).write("0002_seed.sql", "INSERT INTO customers (id) VALUES (1);\n");
            MigrationRunner runner = migrated(db, files);

            assertThat(validate(runner)).isEqualTo(ExitCodes.SUCCESS);
            assertThat(out()).contains("Drift not checked");
        }
    }

    @Test
    void aModifiedAppliedFileThatNoLongerProjectsIsReportedAsModified() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = migrated(db, files);
            files.write("0001_init.yaml", """
                    operations:
                      - {type: ADD_COLUMN, table: no_such_table, column: {name: note, type: TEXT}}
                    """);
            String expected = catchThrowable(runner::validate).getMessage();

            assertThat(validate(runner)).isEqualTo(ExitCodes.FAILURE);
            assertThat(out()).contains("Invalid: " + expected).contains("0001_init");
        }
    }

    private static MigrationRunner migrated(TestDatabase db, MigrationFiles files) {
        MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
        runner.migrate();
        return runner;
    }

    private int validate(MigrationRunner runner) {
        ValidateCommand command = new ValidateCommand(runner);
        CommandOutput output = new CommandOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return command.execute(CommandLineParser.parse(command.spec(), List.of()), output);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
