package dev.covet.migrations.oracle;

import dev.covet.migrations.oracle.adopt.AdoptApplication;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code covet.migrations.unmanaged-tables} from the property to the commands: baseline leaves the tables other tools
 * own out, validate does not report them as drift, and makemigrations drops only unmapped tables no pattern matches.
 * SQLite only: the core tests run the same on every database.
 */
// Full Spring Boot applications: Logback's re-initialization by two starting at once races (a
// ConcurrentModificationException in LoggerContext), so these classes do not run alongside each other.
@ResourceLock("spring-boot-logging")
class UnmanagedTablesTests {

    private static final String UNMANAGED = "--covet.migrations.unmanaged-tables=batch_*,QRTZ_*,shedlock";

    @TempDir
    Path migrations;

    @Test
    void baselineValidateAndMakemigrationsLeaveUnmanagedTablesAlone() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create()) {
            db.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, email VARCHAR(200) NOT NULL UNIQUE,"
                            + " display_name VARCHAR(100) NOT NULL, balance DECIMAL(12,2) NOT NULL DEFAULT 0,"
                            + " active BOOLEAN NOT NULL DEFAULT TRUE, created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)",
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, account_id BIGINT NOT NULL, body VARCHAR(1000),"
                            + " CONSTRAINT fk_notes_account_id FOREIGN KEY (account_id) REFERENCES accounts (id))",
                    "CREATE INDEX idx_notes_account ON notes (account_id)",
                    // Made by Spring Batch and ShedLock, which own them.
                    "CREATE TABLE batch_job_instance (job_instance_id BIGINT NOT NULL PRIMARY KEY, job_name VARCHAR(100))",
                    "CREATE TABLE shedlock (name VARCHAR(64) NOT NULL PRIMARY KEY, lock_until TIMESTAMP)");

            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "baseline", UNMANAGED)).isZero();
            String initial = Files.readString(migrations.resolve("0001_initial.yaml"));
            assertThat(initial).contains("table: accounts", "table: notes").doesNotContain("batch_job_instance", "shedlock");

            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "validate", UNMANAGED)).isZero();
            // Without the property, the same tables are drift: tables no migration creates.
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "validate")).isEqualTo(1);

            // A migration written by hand may still create an unmanaged table, beside one no entity maps.
            Files.writeString(migrations.resolve("0002_by_hand.yaml"), """
                    operations:
                      - type: CREATE_TABLE
                        table: QRTZ_LOCKS
                        columns:
                          - {name: lock_name, type: VARCHAR(40), nullable: false, primary_key: true}
                      - type: CREATE_TABLE
                        table: legacy_notes
                        columns:
                          - {name: id, type: BIGINT, nullable: false, primary_key: true}
                    """);
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "migrate", UNMANAGED)).isZero();

            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "makemigrations", "--name", "add_phone",
                    UNMANAGED)).isZero();
            assertThat(files()).containsExactly("0001_initial.yaml", "0002_by_hand.yaml", "0003_add_phone.yaml");
            String third = Files.readString(migrations.resolve("0003_add_phone.yaml"));
            assertThat(third.split("- type: ", -1)).as(third).hasSize(3);
            assertThat(third).contains("type: ADD_COLUMN", "name: phone", "type: DROP_TABLE", "table: legacy_notes")
                    .doesNotContain("QRTZ_LOCKS", "batch_job_instance", "shedlock");
        }
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(migrations)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
