package dev.covet.migrations.it;

import dev.covet.migrations.autoconfigure.MigrationFailureAnalyzer;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A migration that fails at startup through Boot's connection pool, including one whose session the server ends
 * (what the pool then calls "Connection is closed"): the failure report names the file, the operation, the statement
 * and the database's own message.
 */
@ResourceLock("spring-boot-logging")
class StartupFailureReportTests {

    @AllDatabases
    void aFailedStartupMigrationIsReportedByFileStatementAndReason(DatabaseKind kind) {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            String statement = switch (db.kind()) {
                case "postgresql" -> "SELECT pg_terminate_backend(pg_backend_pid())";
                case "mysql" -> "KILL CONNECTION CONNECTION_ID()";
                default -> "CREATE TABLE x (a INT CHECK (a IN (SELECT 1)))";
            };
            String reason = switch (db.kind()) {
                case "postgresql" -> "terminating connection";
                case "mysql" -> "Connection was killed";
                default -> "subqueries prohibited";
            };
            files.write("0001_first.yaml", "operations:\n  - {type: CREATE_TABLE, table: first, columns: [{name: id, type: INT}]}\n");
            files.write("0002_broken.yaml", "operations:\n  - {type: CREATE_TABLE, table: second, columns: [{name: id, type: INT}]}\n"
                    + "  - {type: RUN_SQL, sql: \"" + statement + "\"}\n");
            List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + db.url(), "spring.jpa.hibernate.ddl-auto=none",
                    "covet.migrations.locations=" + files.location()));
            if (db.user() != null) {
                properties.add("spring.datasource.username=" + db.user());
                properties.add("spring.datasource.password=" + db.password());
            }
            Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(StarterTestApplication.class)
                    .web(WebApplicationType.NONE).properties(properties.toArray(String[]::new)).run().close());
            assertThat(failure).isNotNull();
            FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(failure);
            assertThat(analysis).as("analysis of %s", failure).isNotNull();
            assertThat(analysis.getDescription()).contains("0002_broken.yaml", "statement 2 of 2", statement, reason)
                    .doesNotContain("Connection is closed").doesNotContain("has been closed");
        }
    }
}
