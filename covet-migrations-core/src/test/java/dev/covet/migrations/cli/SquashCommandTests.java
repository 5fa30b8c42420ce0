package dev.covet.migrations.cli;

import dev.covet.migrations.MigrationRunner;
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

/** {@code covet squash} names what it verified and how, in text and in JSON, on every database. */
class SquashCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static MigrationFiles twoMigrations() {
        return new MigrationFiles().write("0001_customers.yaml", """
                operations:
                  - type: CREATE_TABLE
                    table: customers
                    columns:
                      - {name: id, type: BIGINT, nullable: false, primary_key: true}
                """).write("0002_customer_name.yaml", """
                operations:
                  - {type: ADD_COLUMN, table: customers, column: {name: name, type: VARCHAR(100)}}
                """);
    }

    @AllDatabases
    void printsWhereTheSquashWasVerified(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = twoMigrations()) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            CommandSettings settings = CommandSettings.defaults().withOutputDirectory(files.dir());

            assertThat(squash(runner, settings, "--preserve-recent", "0", "--json")).isEqualTo(ExitCodes.SUCCESS);
            JsonNode report = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
            assertThat(report.get("isValid").asBoolean()).isTrue();
            assertThat(report.get("file").asString()).endsWith("0002_squashed_0001_0002.yaml");
            assertThat(report.get("verification").get("method").asString()).isEqualTo("scratch-database");
            assertThat(report.get("verification").get("passed").asBoolean()).isTrue();

            out.reset();
            assertThat(squash(runner, settings, "--preserve-recent", "0", "--dry-run", "--name", "start"))
                    .isEqualTo(ExitCodes.SUCCESS);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Squashed 2 migrations")
                    .contains("Verified on a scratch database").contains("replaces:");
        }
    }

    private int squash(MigrationRunner runner, CommandSettings settings, String... args) {
        SquashCommand command = new SquashCommand(runner, settings);
        CommandOutput output = new CommandOutput(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return command.execute(CommandLineParser.parse(command.spec(), List.of(args)), output);
    }
}
