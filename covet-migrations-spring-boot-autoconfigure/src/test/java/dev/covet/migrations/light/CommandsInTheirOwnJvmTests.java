package dev.covet.migrations.light;

import dev.covet.migrations.testing.MigrationFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The light application launched as a user launches it (its own {@code main}, its own JVM, real exit codes):
 * help starts nothing of the application, and a command builds no entity manager factory and runs no seed.
 * SQLite only: what is checked here is the start, not the database.
 */
class CommandsInTheirOwnJvmTests {

    record Run(int code, String output) {
    }

    @Test
    void helpAndUsageErrorsStartNothing() throws Exception {
        Run help = launch(List.of(), "covet", "help");
        assertThat(help.code()).isZero();
        assertThat(help.output()).contains("usage: java -jar app.jar covet <command>", "covet makemigrations", "covet repair");
        assertThat(help.output()).as("no application start, no pool").doesNotContain("Starting LightApplication", "HikariPool");

        Run commandHelp = launch(List.of(), "covet", "rollback", "--help");
        assertThat(commandHelp.code()).isZero();
        assertThat(commandHelp.output()).contains("usage: covet rollback", "--target ID").doesNotContain("Starting LightApplication");

        Run unknown = launch(List.of(), "covet", "frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown command 'frobnicate'").doesNotContain("Starting LightApplication");
    }

    @Test
    void aCommandBuildsNoEntityManagerFactoryAndRunsNoSeed(@TempDir Path dir) throws Exception {
        try (MigrationFiles files = new MigrationFiles()) {
            files.write("0001_notes.yaml", """
                    operations:
                      - type: CREATE_TABLE
                        table: note
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                          - {name: text, type: VARCHAR(255)}
                    """);
            String url = "jdbc:sqlite:" + dir.resolve("light.db");
            List<String> settings = List.of("--spring.datasource.url=" + url, "--covet.migrations.locations=" + files.location());

            Run migrate = launch(settings, "covet", "migrate");
            assertThat(migrate.code()).as(migrate.output()).isZero();
            assertThat(migrate.output()).contains("0001_notes").doesNotContain("EntityManagerFactory");

            Run status = launch(settings, "covet", "status");
            assertThat(status.code()).as(status.output()).isZero();
            assertThat(status.output()).contains("[APPLIED] 0001_notes").doesNotContain("EntityManagerFactory");
            try (Connection c = DriverManager.getConnection(url);
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM note")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the application's seed runner never ran").isZero();
            }
        }
    }

    /** Runs {@code LightApplication.main} in a new JVM on this test's class path, with Spring options first. */
    private static Run launch(List<String> springOptions, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                LightApplication.class.getName()));
        command.addAll(springOptions);
        command.addAll(List.of(args));
        Path log = Files.createTempFile("covet-light", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the application did not end: " + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
