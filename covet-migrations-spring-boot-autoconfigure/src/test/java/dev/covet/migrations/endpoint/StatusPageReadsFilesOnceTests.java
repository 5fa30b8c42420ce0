package dev.covet.migrations.endpoint;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.cli.CommandOutput;
import dev.covet.migrations.cli.CovetCommandDispatcher;
import dev.covet.migrations.cli.ValidateCommand;
import dev.covet.migrations.safety.RollbackPolicy;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.testing.CountingClassLoader;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/migrations}, {@code GET /actuator/migrations/dashboard} and {@code covet validate} report
 * status (or validation), drift (and the dashboard's graph) from one read of the migration files per request,
 * counted by the class loader the runner lists them through.
 */
class StatusPageReadsFilesOnceTests {

    private static final String INIT = """
            operations:
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
            """;

    @Test
    void endpointAndValidateCommandReadTheFilesOncePerRequest() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            CountingClassLoader loader = new CountingClassLoader("db/migrations", files.dir());
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations("classpath:db/migrations")
                    .classLoader(loader).build();
            runner.migrate();
            db.execute("CREATE TABLE scratch (id INTEGER)");
            loader.takeScans();

            MigrationsDescriptor status = new CovetMigrationsEndpoint(runner,
                    new RollbackValidator(runner, RollbackPolicy.defaults()), false).migrations();

            assertThat(loader.takeScans()).as("file reads for GET /actuator/migrations").isEqualTo(1);
            assertThat(status.applied()).hasSize(1);
            assertThat(status.drift().differences()).singleElement()
                    .satisfies(d -> assertThat(d.table()).isEqualTo("scratch"));

            DashboardDescriptor dashboard = (DashboardDescriptor) new CovetMigrationsEndpoint(runner,
                    new RollbackValidator(runner, RollbackPolicy.defaults()), false).view("dashboard", null, null).getBody();

            assertThat(loader.takeScans()).as("file reads for GET /actuator/migrations/dashboard").isEqualTo(1);
            assertThat(dashboard.graph()).extracting(MigrationNode::id).containsExactly("0001_init");
            assertThat(dashboard.drift().differences()).hasSize(1);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = new CovetCommandDispatcher(List.of(new ValidateCommand(runner)),
                    new CommandOutput(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).run(List.of("validate"));

            assertThat(loader.takeScans()).as("file reads for covet validate").isEqualTo(1);
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("drift in scratch: table scratch exists in the database");
        }
    }
}
