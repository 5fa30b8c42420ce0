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
 * Drop backups through the commands: {@code covet.migrations.backup.max-rows} stops {@code covet migrate} before
 * anything changes, {@code --force} backs up anyway, and {@code covet backups --restore} brings the rows back once
 * a rollback re-created the table.
 */
@ResourceLock("spring-boot-logging")
class DropBackupCommandTests {

    @AllDatabases
    void maxRowsStopsMigrateForceBacksUpAndTheBackupRestores(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_tag.yaml", """
                    operations:
                      - type: CREATE_TABLE
                        table: tag
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                          - {name: label, type: VARCHAR(50), nullable: false}
                    """);
            // Set-up and rollback through the API: each command starts an application, which takes seconds.
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(files.location()).build();
            runner.migrate();
            db.execute("INSERT INTO tag (id, label) VALUES (1, 'red')", "INSERT INTO tag (id, label) VALUES (2, 'blue')");
            files.write("0002_drop_tag.yaml", "operations:\n  - {type: DROP_TABLE, table: tag}\n");
            String location = "--covet.migrations.locations=" + files.location();
            String limit = "--covet.migrations.backup.max-rows=1";

            assertThat(command(db, "migrate", location, limit)).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM tag")).isEqualTo(2);

            assertThat(command(db, "migrate", location, limit, "--force")).isEqualTo(0);
            String id;
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT id FROM covet_backups")) {
                assertThat(rs.next()).isTrue();
                id = rs.getString(1);
                assertThat(rs.next()).isFalse();
            }
            runner.rollback(1);
            assertThat(count(db, "SELECT COUNT(*) FROM tag")).isZero();
            assertThat(command(db, "backups", location, "--restore", id)).isEqualTo(0);
            assertThat(count(db, "SELECT COUNT(*) FROM tag WHERE label IN ('red', 'blue')")).isEqualTo(2);
        }
    }
}
