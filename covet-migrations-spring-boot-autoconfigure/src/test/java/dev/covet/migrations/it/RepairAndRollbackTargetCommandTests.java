package dev.covet.migrations.it;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.sql.Connection;
import java.sql.ResultSet;

import static dev.covet.migrations.it.StarterDatabaseTests.command;
import static dev.covet.migrations.it.StarterDatabaseTests.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code covet repair} and {@code covet rollback --target} in a real application: repair audits with the configured
 * executor and makes {@code covet validate} pass; rollback to a target keeps it.
 */
@ResourceLock("spring-boot-logging")
class RepairAndRollbackTargetCommandTests {

    @AllDatabases
    void repairThenValidatePassesAndRollbackToATargetKeepsIt(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            String table = """
                    operations:
                      - {type: CREATE_TABLE, table: %s, columns: [{name: id, type: BIGINT, nullable: false, primary_key: true}]}
                    """;
            files.write("0001_tag.yaml", table.formatted("tag")).write("0002_note.yaml", table.formatted("note"));
            // Set-up through the API: each command starts an application, which takes seconds.
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            runner.migrate();
            files.write("0001_tag.yaml", "# reviewed, same table\n" + table.formatted("tag"));
            String location = "--covet.migrations.locations=" + files.location();

            assertThat(command(db, "validate", location)).isEqualTo(1);
            assertThat(command(db, "repair", location, "--covet.migrations.audit.executor=ops-alice")).isEqualTo(0);
            assertThat(command(db, "validate", location)).isEqualTo(0);
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT migration, executor, status FROM covet_migration_audit WHERE status = 'REPAIRED'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("0001_tag");
                assertThat(rs.getString(2)).isEqualTo("ops-alice");
                assertThat(rs.next()).isFalse();
            }

            assertThat(command(db, "rollback", location, "--target", "0001_tag")).isEqualTo(0);
            assertThat(runner.status().applied()).extracting(i -> i.id().name()).containsExactly("0001_tag");
            assertThat(count(db, "SELECT COUNT(*) FROM tag")).isZero();
            assertThat(command(db, "rollback", location, "--target", "0001_tag", "--steps", "1")).isEqualTo(2);
        }
    }
}
