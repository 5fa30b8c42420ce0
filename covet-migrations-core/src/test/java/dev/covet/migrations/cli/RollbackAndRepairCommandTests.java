package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.safety.RollbackPolicy;
import dev.covet.migrations.safety.RollbackValidator;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code covet rollback --target ID} and {@code covet repair} through the dispatcher, on each database: the exit codes,
 * the text and the JSON a user or a script sees.
 */
class RollbackAndRepairCommandTests {

    private static final String CUSTOMERS = """
            operations:
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
            """;
    private static final String NICKNAME = """
            operations:
              - {type: ADD_COLUMN, table: customers, column: {name: nickname, type: VARCHAR(20)}}
            """;
    private static final String TAGS = """
            operations:
              - {type: CREATE_TABLE, table: tags, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(MigrationRunner runner, String... args) {
        out.reset();
        err.reset();
        CovetCommandDispatcher dispatcher = new CovetCommandDispatcher(
                List.of(new RollbackCommand(new RollbackValidator(runner, RollbackPolicy.defaults())), new RepairCommand(runner)),
                new CommandOutput(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return dispatcher.run(List.of(args));
    }

    private static MigrationRunner migrated(TestDatabase db, MigrationFiles files) {
        MigrationRunner runner = MigrationRunner.builder(db.dataSource()).dialect(db.dialect()).locations(files.location()).build();
        runner.migrate();
        return runner;
    }

    @AllDatabases
    void rollbackToATargetKeepsItAndRollsBackWhatCameAfter(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_customers.yaml", CUSTOMERS).write("0002_nickname.yaml", NICKNAME).write("0003_tags.yaml", TAGS);
            MigrationRunner runner = migrated(db, files);

            assertThat(run(runner, "rollback", "--target", "0001_customers", "--dry-run")).isEqualTo(ExitCodes.SUCCESS);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("0003_tags").contains("0002_nickname");
            assertThat(runner.status().applied()).hasSize(3);

            assertThat(run(runner, "rollback", "--target", "0009_nothing")).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("0009_nothing").contains("not a known migration");
            assertThat(run(runner, "rollback", "--target", "0009_nothing", "--dry-run")).isEqualTo(ExitCodes.FAILURE);
            assertThat(runner.status().applied()).hasSize(3);

            assertThat(run(runner, "rollback", "--target", "0001_customers", "--json")).isEqualTo(ExitCodes.SUCCESS);
            JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
            assertThat(json.toString()).contains("0003_tags").contains("0002_nickname");
            assertThat(runner.status().applied()).extracting(i -> i.id().name()).containsExactly("0001_customers");
            assertThat(runner.status().pending()).extracting(i -> i.id().name()).containsExactly("0002_nickname", "0003_tags");

            // A known migration no longer applied is refused as such; the target itself is never removed.
            assertThat(run(runner, "rollback", "--target", "0003_tags")).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("0003_tags is not applied");
            run(runner, "rollback", "--target", "0001_customers");
            assertThat(runner.status().applied()).extracting(i -> i.id().name()).containsExactly("0001_customers");
        }
    }

    @AllDatabases
    void repairPrintsEachChangeAndItsJson(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_customers.yaml", CUSTOMERS);
            MigrationRunner runner = migrated(db, files);
            assertThat(run(runner, "repair")).isEqualTo(ExitCodes.SUCCESS);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Nothing to repair");

            files.write("0001_customers.yaml", "# reviewed\n" + CUSTOMERS);
            assertThat(run(runner, "repair", "--dry-run", "--json")).isEqualTo(ExitCodes.SUCCESS);
            JsonNode dryRun = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
            assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
            assertThat(dryRun.get("changes").get(0).get("id").asString()).isEqualTo("0001_customers");
            assertThat(dryRun.get("changes").get(0).get("kind").asString()).isEqualTo("CHECKSUM_REALIGNED");
            assertThat(runner.status().modified()).hasSize(1);

            assertThat(run(runner, "repair")).isEqualTo(ExitCodes.SUCCESS);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Repaired:").contains("0001_customers: checksum ").contains(" -> ");
            assertThat(runner.status().modified()).isEmpty();

            files.delete("0001_customers.yaml");
            assertThat(run(runner, "repair")).isEqualTo(ExitCodes.FAILURE);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("0001_customers").contains("Restore the file");
        }
    }
}
