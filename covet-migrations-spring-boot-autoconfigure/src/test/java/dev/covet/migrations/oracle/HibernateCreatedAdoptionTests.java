package dev.covet.migrations.oracle;

import dev.covet.migrations.oracle.adopt.AdoptApplication;
import dev.covet.migrations.oracle.library.LibraryApplication;
import dev.covet.migrations.oracle.v1.OracleV1Application;
import dev.covet.migrations.oracle.v2.OracleV2Application;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adopting a database Hibernate's {@code ddl-auto=create} made (issue 16): for every test entity model, after
 * {@code covet baseline} of what Hibernate created, {@code makemigrations} finds nothing to change. What the database
 * (or Hibernate) chose by itself, names of foreign keys, unique keys and checks, a composite key's order, the native
 * ENUM column MariaDB gets for a string enum, is kept, not re-created. Hibernate's own work tables on SQLite
 * ({@code HT_...}) are not adopted. On SQLite, where Hibernate's DDL leaves out foreign keys and multi-column unique
 * keys, those (and only those) are proposed, and once migrated nothing is left.
 */
// Full Spring Boot applications: Logback's re-initialization by two starting at once races (a
// ConcurrentModificationException in LoggerContext), so these classes do not run alongside each other.
@ResourceLock("spring-boot-logging")
class HibernateCreatedAdoptionTests {

    @TempDir
    Path migrations;

    @TempDir
    Path noMigrations;

    @AllDatabases
    void shopVersion1(DatabaseKind kind) throws Exception {
        assertNoChangesAfterAdoption(kind, OracleV1Application.class);
    }

    @AllDatabases
    void shopVersion2(DatabaseKind kind) throws Exception {
        assertNoChangesAfterAdoption(kind, OracleV2Application.class);
    }

    @AllDatabases
    void clinic1(DatabaseKind kind) throws Exception {
        assertNoChangesAfterAdoption(kind, dev.covet.migrations.oracle.clinic1.ClinicApplication.class);
    }

    @AllDatabases
    void clinic2(DatabaseKind kind) throws Exception {
        assertNoChangesAfterAdoption(kind, dev.covet.migrations.oracle.clinic2.ClinicApplication.class);
    }

    @AllDatabases
    void library(DatabaseKind kind) throws Exception {
        assertNoChangesAfterAdoption(kind, LibraryApplication.class);
    }

    @AllDatabases
    void adopt(DatabaseKind kind) throws Exception {
        assertNoChangesAfterAdoption(kind, AdoptApplication.class);
    }

    private void assertNoChangesAfterAdoption(DatabaseKind kind, Class<?> application) throws Exception {
        try (TestDatabase db = kind.create()) {
            OracleApps.start(application, db, noMigrations,
                    "spring.jpa.hibernate.ddl-auto=create", "covet.migrations.enabled=false").close();
            OracleApps.Run baseline = OracleApps.commandOutput(application, db, migrations, "baseline");
            assertThat(baseline.code()).as(baseline.out() + baseline.err()).isZero();

            OracleApps.Run make = OracleApps.commandOutput(application, db, migrations, "makemigrations", "--dry-run", "--no-input");
            assertThat(make.code()).as(make.err()).isZero();
            if (kind.toString().equals("sqlite") && !make.out().contains("No changes detected")) {
                // Hibernate's SQLite DDL writes foreign keys and multi-column unique keys as ALTER TABLE, which SQLite
                // lacks, so it leaves them out: the database misses them, a real difference. Only those are proposed;
                // once a migration adds them, nothing is left.
                List<String> types = Pattern.compile("- type: (\\w+)").matcher(make.out()).results().map(r -> r.group(1)).toList();
                assertThat(types).as(make.out()).isNotEmpty().allMatch(t -> t.equals("ADD_FOREIGN_KEY") || t.equals("ADD_CONSTRAINT"));
                assertThat(make.out()).as(make.out()).doesNotContain("kind: CHECK");
                assertThat(OracleApps.command(application, db, migrations, "makemigrations", "--no-input", "--name", "sqlite_keys"))
                        .isZero();
                OracleApps.start(application, db, migrations).close();
                make = OracleApps.commandOutput(application, db, migrations, "makemigrations", "--dry-run", "--no-input");
            }
            assertThat(make.out()).as("makemigrations after adopting what Hibernate created on " + kind + ":\n"
                    + make.out() + make.err()).contains("No changes detected");
            // The check agrees, and the adopted database passes validate (the baseline as applied, unchanged).
            OracleApps.Run check = OracleApps.commandOutput(application, db, migrations, "makemigrations", "--check");
            assertThat(check.code()).as(check.out() + check.err()).isZero();
            OracleApps.Run validate = OracleApps.commandOutput(application, db, migrations, "validate");
            assertThat(validate.code()).as(validate.out() + validate.err()).isZero();
        }
    }
}
