package dev.covet.migrations.oracle;

import dev.covet.migrations.oracle.adopt.AdoptApplication;
import dev.covet.migrations.oracle.library.LibraryApplication;
import dev.covet.migrations.oracle.v1.OracleV1Application;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.oracle.v2.OracleV2Application;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main oracle for the entity reader and the generator: the schema Covet's generated migrations make equals, by
 * introspection, the schema Hibernate's own {@code ddl-auto=create} makes for the same application on a second,
 * empty database of the same kind: tables, columns, types, nullability, lengths, primary, unique and foreign keys
 * and indexes ({@link TableShape}). So whatever Hibernate applies to its DDL (Bean Validation, the application's
 * {@code spring.jpa.properties}, its dialect's types) the model must apply too. Every test entity model is checked,
 * a model that changes (version 1 then 2) through both of its migrations.
 */
// Full Spring Boot applications: Logback's re-initialization by two starting at once races (a
// ConcurrentModificationException in LoggerContext), so these classes do not run alongside each other.
@ResourceLock("spring-boot-logging")
class HibernateCreateOracleTests {

    @TempDir
    Path migrations;

    @TempDir
    Path noMigrations;

    @AllDatabases
    void shopVersion1(DatabaseKind kind) throws Exception {
        assertCovetMakesWhatHibernateCreates(kind, List.of(new Version(OracleV1Application.class)), "customers", "order_lines");
    }

    @AllDatabases
    void shopVersion2AfterVersion1(DatabaseKind kind) throws Exception {
        // nickname goes and phone comes: a rename candidate that is not one.
        assertCovetMakesWhatHibernateCreates(kind, List.of(new Version(OracleV1Application.class),
                new Version(OracleV2Application.class, "--no-rename", "customers.nickname=phone")),
                "customers", "product_catalog", "reviews");
    }

    @AllDatabases
    void clinicAfterRenamesAndNewNotNullColumns(DatabaseKind kind) throws Exception {
        assertCovetMakesWhatHibernateCreates(kind, List.of(new Version(dev.covet.migrations.oracle.clinic1.ClinicApplication.class),
                new Version(dev.covet.migrations.oracle.clinic2.ClinicApplication.class, GenerationDecisionsTests.DECISIONS)),
                "owners", "writer", "label", "vet_specializations");
    }

    @AllDatabases
    void adoptedAccounts(DatabaseKind kind) throws Exception {
        assertCovetMakesWhatHibernateCreates(kind, List.of(new Version(AdoptApplication.class)), "accounts", "notes");
    }

    @AllDatabases
    void library(DatabaseKind kind) throws Exception {
        SortedMap<String, TableShape> hibernate = assertCovetMakesWhatHibernateCreates(kind, List.of(new Version(LibraryApplication.class)),
                "people", "authors", "members", "books", "book_authors", "book_keywords", "branch_opening_hours", "media_items");
        // What makes this model a test of the reader: Hibernate's create applied Bean Validation and the JPA property,
        // so Covet's migrations, equal to it, did too.
        assertThat(hibernate.get("people").columns().get("full_name").nullable()).as("@NotBlank").isFalse();
        assertThat(hibernate.get("people").columns().get("full_name").type()).as("@Size(max = 80)")
                .isEqualTo(ColumnType.varchar(80));
        assertThat(hibernate.get("people").columns().get("email").nullable()).as("@NotNull in a @Valid @NotNull embeddable")
                .isFalse();
        assertThat(hibernate.get("members").columns().get("level").nullable()).as("@NotNull in a JOINED subclass").isFalse();
        assertThat(hibernate.get("media_items").columns().get("narrator").nullable()).as("@NotBlank in a SINGLE_TABLE subclass")
                .isTrue();
        assertThat(hibernate.get("books").columns().get("list_price").type()).as("@Digits(integer = 6, fraction = 2)")
                .isEqualTo(ColumnType.decimal(8, 2));
        // 36 characters (CHAR(36); VARCHAR(36) as MariaDB's dialect writes it), not UUID, BINARY(16) or BLOB.
        ColumnType publicId = hibernate.get("people").columns().get("public_id").type();
        assertThat(publicId.kind().isText() && publicId.length() == 36)
                .as("spring.jpa.properties.hibernate.type.preferred_uuid_jdbc_type=CHAR: " + publicId).isTrue();
    }

    /**
     * Adopting a database Hibernate's {@code ddl-auto=create} made from the same entities: after {@code covet baseline},
     * makemigrations keeps the foreign keys under the names Hibernate chose (its hashes) rather than dropping and
     * re-creating each to rename it, and says so. That nothing at all is left is {@link HibernateCreatedAdoptionTests};
     * on SQLite Hibernate makes no foreign keys at all.
     */
    @AllDatabases
    void aDatabaseHibernateCreatedKeepsItsForeignKeyNamesOnAdoption(DatabaseKind kind) throws Exception {
        if (kind.toString().equals("sqlite")) {
            return;
        }
        try (TestDatabase db = kind.create()) {
            OracleApps.start(LibraryApplication.class, db, noMigrations,
                    "spring.jpa.hibernate.ddl-auto=create", "covet.migrations.enabled=false").close();
            OracleApps.Run baseline = OracleApps.commandOutput(LibraryApplication.class, db, migrations, "baseline");
            assertThat(baseline.code()).as(baseline.out() + baseline.err()).isZero();

            OracleApps.Run make = OracleApps.commandOutput(LibraryApplication.class, db, migrations, "makemigrations", "--dry-run");
            assertThat(make.code()).as(make.err()).isZero();
            assertThat(make.out()).as(make.out()).doesNotContain("FOREIGN_KEY")
                    .contains("foreign key book_authors.fk_book_authors_book_id: kept as ");
        }
    }

    /**
     * Generates and applies one migration per version of the application on one database, lets the last version's
     * Hibernate create its schema on another, and compares the two; returns Hibernate's schema.
     */
    /** One version of an application, and the flags that settle what its makemigrations cannot decide alone. */
    private record Version(Class<?> application, String... decisions) {
    }

    private SortedMap<String, TableShape> assertCovetMakesWhatHibernateCreates(DatabaseKind kind, List<Version> versions,
            String... someTables) throws Exception {
        try (TestDatabase covet = kind.create(); TestDatabase hibernate = kind.create()) {
            for (int i = 0; i < versions.size(); i++) {
                Class<?> version = versions.get(i).application();
                List<String> args = new ArrayList<>(List.of("makemigrations", "--no-input", "--name", "version_" + (i + 1)));
                args.addAll(List.of(versions.get(i).decisions()));
                assertThat(OracleApps.command(version, covet, migrations, args.toArray(String[]::new))).isZero();
                // Starting applies the migration, then Hibernate's validate runs too.
                OracleApps.start(version, covet, migrations).close();
            }
            Class<?> last = versions.get(versions.size() - 1).application();
            OracleApps.start(last, hibernate, noMigrations,
                    "spring.jpa.hibernate.ddl-auto=create", "covet.migrations.enabled=false").close();

            SortedMap<String, TableShape> byCovet = SchemaShapes.read(covet);
            SortedMap<String, TableShape> byHibernate = SchemaShapes.read(hibernate);
            assertThat(byHibernate).as("Hibernate created the schema").containsKeys(someTables);
            assertThat(SchemaShapes.differences(byCovet, byHibernate, SchemaShapes.nativeEnumColumns(hibernate)))
                    .as("how the schema of Covet's migrations differs from Hibernate's create on " + kind)
                    .isEmpty();
            return byHibernate;
        }
    }
}
