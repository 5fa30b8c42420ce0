package dev.covet.migrations.engine;

import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationCheck;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.drift.SchemaDrift;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.CountingClassLoader;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static dev.covet.migrations.engine.Jdbc.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link MigrationRunner#check()}: status, validation and drift from one read of the files. */
class MigrationCheckTests {

    private static final String INIT = """
            operations:
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: email, type: VARCHAR(100), nullable: false}
            """;
    private static final String ORDERS = """
            operations:
              - type: CREATE_TABLE
                table: orders
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
            """;

    @AllDatabases
    void answersStatusValidationAndDriftFromOneReadOfTheFiles(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT).write("0002_orders.yaml", ORDERS);
            CountingClassLoader loader = new CountingClassLoader("db/migrations", files.dir());
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations("classpath:db/migrations")
                    .classLoader(loader).build();
            runner.migrate(MigrateOptions.toTarget(MigrationId.parse("0001_init", "default")));
            execute(db, "ALTER TABLE customers ADD COLUMN nickname VARCHAR(50)");
            loader.takeScans();

            MigrationCheck check = runner.check();

            assertThat(loader.takeScans()).as("reads of the migration files").isEqualTo(1);
            assertThat(check.valid()).as(check.problem()).isTrue();
            assertThat(check.status().applied()).extracting(i -> i.id().name()).containsExactly("0001_init");
            assertThat(check.status().pending()).extracting(i -> i.id().name()).containsExactly("0002_orders");
            // Every file in dependency order, from the same read (the dashboard draws its graph from them).
            assertThat(check.migrations()).extracting(m -> m.id().name()).containsExactly("0001_init", "0002_orders");
            assertThat(check.drift().checked()).isTrue();
            assertThat(check.drift().differences()).extracting(SchemaDrift::table).containsExactly("customers");
            // The same answers as the three calls on their own, which read the files once each.
            assertThat(check.status()).isEqualTo(runner.status());
            assertThat(check.drift()).isEqualTo(runner.drift());
            runner.validate();
            assertThat(loader.takeScans()).isEqualTo(3);
        }
    }

    @AllDatabases
    void aModifiedAppliedFileIsTheProblemValidateReportsWhileStatusStillAnswers(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = MigrateRollbackTests.runner(db, files);
            runner.migrate();
            files.write("0001_init.yaml", INIT + "# edited after it was applied\n");

            MigrationCheck check = runner.check();

            MigrationException validation = catchThrowableOfType(MigrationException.class, runner::validate);
            assertThat(check.valid()).isFalse();
            assertThat(check.problem()).isEqualTo(validation.getMessage()).contains("0001_init");
            assertThat(check.status().modified()).extracting(i -> i.id().name()).containsExactly("0001_init");
            assertThat(check.drift().inSync()).isTrue();
        }
    }

    @AllDatabases
    void aModifiedAppliedFileThatNoLongerProjectsIsReportedAsModified(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT).write("0002_orders.yaml", ORDERS);
            MigrationRunner runner = MigrateRollbackTests.runner(db, files);
            runner.migrate();
            files.write("0002_orders.yaml", """
                    operations:
                      - {type: ADD_COLUMN, table: no_such_table, column: {name: note, type: TEXT}}
                    """);

            MigrationException validation = catchThrowableOfType(MigrationException.class, runner::validate);
            MigrationException check = catchThrowableOfType(MigrationException.class, runner::check);

            assertThat(validation.getMessage()).contains("0002_orders");
            assertThat(check).as("check() of a modified file that no longer projects").isNotNull();
            assertThat(check.getMessage()).isEqualTo(validation.getMessage());
        }
    }

    @Test
    void aLiveSchemaThatCannotBeReadIsADriftCheckThatFailed() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = MigrateRollbackTests.runner(db, files);
            runner.migrate();
            // SQLite takes any declared type; Covet's schema reader knows no FROBNITZ.
            execute(db, "CREATE TABLE made_by_hand (x FROBNITZ)");

            MigrationCheck check = runner.check();

            assertThat(check.valid()).isTrue();
            assertThat(check.drift().checked()).isFalse();
            assertThat(check.drift().reason()).contains("the schema could not be read").contains("FROBNITZ");
            assertThat(check.driftCheckFailed()).isTrue();
        }
    }

    @Test
    void driftNotCheckedByDesignIsNotAFailedCheck() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT).write("0002_seed.sql", "INSERT INTO customers (id, email) VALUES (1, 'a@b');\n");
            MigrationRunner runner = MigrateRollbackTests.runner(db, files);
            runner.migrate();

            MigrationCheck check = runner.check();

            assertThat(check.drift().checked()).isFalse();
            assertThat(check.driftCheckFailed()).isFalse();
        }
    }
}
