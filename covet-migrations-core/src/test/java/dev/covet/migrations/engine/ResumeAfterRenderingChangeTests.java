package dev.covet.migrations.engine;

import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.execute.MigrationFailedException;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static dev.covet.migrations.engine.Jdbc.execute;
import static dev.covet.migrations.engine.Jdbc.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MySQL resumes a FAILED migration after its completed statements, counted in the statements as rendered now.
 * The row records a fingerprint of what ran: when the rendering changed (simulated by a different fingerprint,
 * since the file, and so its checksum, stays the same), the resume is refused instead of skipping the wrong
 * statements.
 */
class ResumeAfterRenderingChangeTests {

    private static final String RAW = """
            operations:
              - type: RUN_SQL
                sql: CREATE TABLE made_by_hand (id INTEGER)
              - type: RUN_SQL
                sql: CREATE TABLE made_too (id INTEGER)
              - type: RUN_SQL
                sql: INSERT INTO needed_later (id) VALUES (1)
            """;
    private static final String DETAIL = "SELECT detail FROM covet_migrations WHERE name = '0001_raw'";

    @Test
    void aChangedRenderingIsRefusedAndTheSameRenderingResumes() throws Exception {
        try (TestDatabase db = new DatabaseKind("mysql").create(); MigrationFiles files = new MigrationFiles()) {
            MigrationRunner runner = failHalfWay(db, files);
            String detail = text(db, DETAIL);
            assertThat(detail).contains("CREATE TABLE made_too").containsPattern("\\[covet-statements-done:[0-9a-f]{16}]$");

            setDetail(db, detail.replaceAll("done:[0-9a-f]{16}]", "done:0123456789abcdef]"));
            execute(db, "CREATE TABLE needed_later (id INTEGER)");
            assertThatThrownBy(runner::migrate).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("0001_raw")
                    .hasMessageContaining("cannot resume")
                    .hasMessageContaining("after 2 of its statements ran")
                    .hasMessageContaining("delete the migration's row from");
            assertThat(MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM needed_later")).as("nothing ran").isZero();
            // A dry run shows the refusal a real run would meet, not the wrong remaining statements.
            assertThatThrownBy(() -> runner.migrate(new MigrateOptions(null, true))).isInstanceOf(MigrationException.class)
                    .hasMessageContaining("cannot resume");

            setDetail(db, detail);
            assertThat(runner.migrate().applied()).extracting(e -> e.id().name()).containsExactly("0001_raw");
            assertThat(MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM needed_later")).isEqualTo(1);
        }
    }

    @Test
    void aRowWithoutAFingerprintResumesAsBefore() throws Exception {
        try (TestDatabase db = new DatabaseKind("mysql").create(); MigrationFiles files = new MigrationFiles()) {
            MigrationRunner runner = failHalfWay(db, files);
            setDetail(db, text(db, DETAIL).replaceAll(" ?\\[covet-statements-done:[0-9a-f]{16}]", ""));
            execute(db, "CREATE TABLE needed_later (id INTEGER)");

            assertThat(runner.migrate().applied()).extracting(e -> e.id().name()).containsExactly("0001_raw");
            assertThat(MigrateRollbackTests.count(db, "SELECT COUNT(*) FROM needed_later")).isEqualTo(1);
        }
    }

    /** Two CREATE TABLEs commit (raw SQL has no reverse), the INSERT fails: the row is FAILED after 2 statements. */
    private static MigrationRunner failHalfWay(TestDatabase db, MigrationFiles files) {
        files.write("0001_raw.yaml", RAW);
        MigrationRunner runner = MigrateRollbackTests.runner(db, files);
        assertThatThrownBy(runner::migrate).isInstanceOf(MigrationFailedException.class).hasMessageContaining("needed_later");
        assertThat(runner.status().failed()).singleElement().satisfies(f -> assertThat(f.detail()).contains("failed at statement 3"));
        return runner;
    }

    private static void setDetail(TestDatabase db, String detail) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement p = c.prepareStatement("UPDATE covet_migrations SET detail = ? WHERE name = '0001_raw'")) {
            p.setString(1, detail);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
    }
}
