package dev.covet.migrations.oracle;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.MigrationStatus;
import dev.covet.migrations.oracle.adopt.Account;
import dev.covet.migrations.oracle.adopt.AdoptApplication;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.parallel.ResourceLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code covet baseline} on a database made by hand before Covet: its schema becomes the initial migration, recorded
 * as applied; validation passes; makemigrations then writes only what the entities add; and the application starts
 * with Hibernate's {@code ddl-auto=validate}.
 */
// Full Spring Boot applications: Logback's re-initialization by two starting at once races (a
// ConcurrentModificationException in LoggerContext), so these classes do not run alongside each other.
@ResourceLock("spring-boot-logging")
class AdoptExistingDatabaseTests {

    @TempDir
    Path migrations;

    @AllDatabases
    void baselineAdoptsTheDatabaseAndMakemigrationsWritesOnlyTheRealDifference(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            db.execute(handMadeSchema(db.kind()));
            db.execute("INSERT INTO accounts (email, display_name, balance) VALUES ('ada@example.com', 'Ada', 12.50)");

            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "baseline")).isZero();
            assertThat(files()).containsExactly("0001_initial.yaml");
            assertThat(Files.readString(migrations.resolve("0001_initial.yaml")))
                    .contains("table: accounts", "table: notes", "fk_notes_account_id", "idx_notes_account");

            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "validate")).isZero();
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "status")).isZero();
            try (ConfigurableApplicationContext app = OracleApps.start(AdoptApplication.class, db, migrations,
                    "covet.migrations.run-on-startup=false", "spring.jpa.hibernate.ddl-auto=none")) {
                MigrationStatus status = app.getBean(MigrationRunner.class).status();
                assertThat(status.applied()).extracting(i -> i.id().name()).containsExactly("0001_initial");
                assertThat(status.pending()).isEmpty();
                assertThat(status.modified()).isEmpty();
            }
            // Adopted once: a second baseline is refused and writes nothing.
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "baseline")).isEqualTo(1);
            assertThat(files()).containsExactly("0001_initial.yaml");

            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "makemigrations", "--name", "add_phone"))
                    .isZero();
            assertThat(files()).containsExactly("0001_initial.yaml", "0002_add_phone.yaml");
            String second = Files.readString(migrations.resolve("0002_add_phone.yaml"));
            assertThat(second.split("- type: ", -1)).as(second).hasSize(2);
            assertThat(second).contains("type: ADD_COLUMN", "table: accounts", "name: phone", "VARCHAR(30)");

            try (ConfigurableApplicationContext app = OracleApps.start(AdoptApplication.class, db, migrations)) {
                EntityManager em = app.getBean(EntityManagerFactory.class).createEntityManager();
                try {
                    Account ada = em.createQuery("select a from Account a", Account.class).getSingleResult();
                    assertThat(ada.email).isEqualTo("ada@example.com");
                    assertThat(ada.balance).isEqualByComparingTo("12.50");
                    assertThat(ada.phone).isNull();
                } finally {
                    em.close();
                }
            }
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "validate")).isZero();
        }
    }

    @AllDatabases
    void baselineRefusesAnEmptyDatabaseAndExistingFiles(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "baseline")).isEqualTo(1);
            assertThat(files()).isEmpty();

            db.execute(handMadeSchema(db.kind()));
            Files.writeString(migrations.resolve("0001_first.yaml"), "operations: []\n");
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "baseline")).isEqualTo(1);
            assertThat(files()).containsExactly("0001_first.yaml");
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "baseline", "--name", "Bad-Name"))
                    .isEqualTo(2);
        }
    }

    @AllDatabases
    void baselineRecordsAFileWrittenOutsideTheLocations(DatabaseKind kind, @TempDir Path elsewhere) throws Exception {
        // As from an IDE: the app reads classpath migrations, the file goes to src/main/resources until the next build.
        String readElsewhere = "--covet.migrations.locations=filesystem:" + elsewhere;
        try (TestDatabase db = kind.create()) {
            db.execute(handMadeSchema(db.kind()));
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "baseline", readElsewhere)).isZero();
            assertThat(files()).containsExactly("0001_initial.yaml");
            // Once the file is where the app reads migrations, it is applied with the checksum it has.
            assertThat(OracleApps.command(AdoptApplication.class, db, migrations, "validate")).isZero();
        }
    }

    /** Tables as someone wrote them by hand, in each database's own idiom (auto-increment key, defaults). */
    private static String[] handMadeSchema(String kind) {
        String id = switch (kind) {
            case "postgresql" -> "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
            case "mysql" -> "id BIGINT AUTO_INCREMENT PRIMARY KEY";
            default -> "id INTEGER PRIMARY KEY AUTOINCREMENT";
        };
        // What a LocalDateTime needs: PostgreSQL's plain TIMESTAMP is Hibernate's timestamp(6); MySQL's DATETIME
        // would hold whole seconds only, a real difference.
        String timestamp = kind.equals("mysql") ? "DATETIME(6)" : "TIMESTAMP";
        return new String[] {
                "CREATE TABLE accounts (" + id + ", email VARCHAR(200) NOT NULL UNIQUE, display_name VARCHAR(100) NOT NULL,"
                        + " balance DECIMAL(12,2) NOT NULL DEFAULT 0, active BOOLEAN NOT NULL DEFAULT TRUE,"
                        + " created_at " + timestamp + " NOT NULL DEFAULT CURRENT_TIMESTAMP)",
                "CREATE TABLE notes (" + id + ", account_id BIGINT NOT NULL, body VARCHAR(1000),"
                        + " CONSTRAINT fk_notes_account_id FOREIGN KEY (account_id) REFERENCES accounts (id))",
                "CREATE INDEX idx_notes_account ON notes (account_id)"};
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(migrations)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
