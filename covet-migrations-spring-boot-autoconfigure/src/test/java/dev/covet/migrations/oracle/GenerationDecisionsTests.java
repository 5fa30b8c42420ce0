package dev.covet.migrations.oracle;

import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renames that names cannot reveal, through the commands, on every database, with rows in the tables: a column
 * renamed to a name sharing no text ({@code telephone -> phone_number}), an entity renamed with its columns
 * ({@code Author -> Writer}, referenced by {@code book.author_id}; {@code Tag -> Label}, referenced by nothing), a
 * renamed join table, a new primitive field on a populated table, and a column becoming NOT NULL where rows hold NULL. Without a terminal nothing is written and the
 * command fails; with the flags the file is written, says what was decided, applies, and every row is where it was.
 */
@ResourceLock("spring-boot-logging")
class GenerationDecisionsTests {

    private static final Class<?> BEFORE = dev.covet.migrations.oracle.clinic1.ClinicApplication.class;
    private static final Class<?> AFTER = dev.covet.migrations.oracle.clinic2.ClinicApplication.class;

    /** What the clinic's second version needs decided: every rename, and values for rows. */
    static final String[] DECISIONS = {"--rename", "owners.telephone=phone_number", "--rename", "owners.birth_date=date_of_birth",
            "--rename", "author=writer", "--rename", "tag=label", "--rename", "vet_specialties=vet_specializations",
            "--default", "owners.active=false", "--default", "specialties.description=n/a"};

    @TempDir
    Path migrations;

    @AllDatabases
    void renamesAreDecidedAndNoRowIsLost(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create()) {
            assertThat(OracleApps.command(BEFORE, db, migrations, "makemigrations", "--name", "initial", "--no-input")).isZero();
            assertThat(OracleApps.command(BEFORE, db, migrations, "migrate")).isZero();
            populate(db);

            // No terminal: every open question is listed, nothing is written.
            assertThat(OracleApps.command(AFTER, db, migrations, "makemigrations", "--no-input")).isEqualTo(1);
            assertThat(files()).containsExactly("0001_initial.yaml");
            // --check is the CI gate: the entities differ from the migrations.
            assertThat(OracleApps.command(AFTER, db, migrations, "makemigrations", "--check")).isEqualTo(1);
            assertThat(files()).containsExactly("0001_initial.yaml");

            List<String> args = new ArrayList<>(List.of("makemigrations", "--no-input", "--name", "renames"));
            args.addAll(List.of(DECISIONS));
            assertThat(OracleApps.command(AFTER, db, migrations, args.toArray(String[]::new))).isZero();
            assertThat(files()).containsExactly("0001_initial.yaml", "0002_renames.yaml");
            String second = Files.readString(migrations.resolve("0002_renames.yaml"));
            assertThat(second).contains("# Decided when this file was generated:",
                    "owners.telephone -> owners.phone_number: renamed (--rename owners.telephone=phone_number)",
                    "table author -> writer: renamed (--rename author=writer)",
                    "existing rows get false (--default owners.active=false)",
                    "fill_existing_rows: false",
                    "column specialties.description (VARCHAR(200)) becoming NOT NULL: rows where it is NULL get n/a",
                    "fill_null_rows: n/a")
                    .doesNotContain("DROP_TABLE", "DROP_COLUMN");

            assertThat(OracleApps.command(AFTER, db, migrations, "migrate")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM owners WHERE phone_number LIKE '555-%'")).isEqualTo(10);
            assertThat(count(db, "SELECT COUNT(*) FROM owners WHERE date_of_birth IS NOT NULL")).isEqualTo(10);
            assertThat(count(db, "SELECT COUNT(*) FROM owners WHERE active = " + falseLiteral(kind))).isEqualTo(10);
            assertThat(count(db, "SELECT COUNT(*) FROM writer")).isEqualTo(3);
            assertThat(count(db, "SELECT COUNT(*) FROM book b JOIN writer w ON w.id = b.author_id")).isEqualTo(6);
            assertThat(count(db, "SELECT COUNT(*) FROM label")).isEqualTo(4);
            assertThat(count(db, "SELECT COUNT(*) FROM vet_specializations")).isEqualTo(5);
            assertThat(count(db, "SELECT COUNT(*) FROM specialties WHERE description = 'n/a'")).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM specialties WHERE description = 'teeth'")).isEqualTo(1);

            // The entities now match the migrations, and Hibernate validates the schema.
            assertThat(OracleApps.command(AFTER, db, migrations, "makemigrations", "--check")).isZero();
            try (ConfigurableApplicationContext ignored = OracleApps.start(AFTER, db, migrations)) {
                assertThat(count(db, "SELECT COUNT(*) FROM owners")).isEqualTo(10);
            }
        }
    }

    private static void populate(TestDatabase db) throws Exception {
        for (int i = 1; i <= 10; i++) {
            db.execute("INSERT INTO owners (last_name, telephone, birth_date) VALUES ('Owner" + i + "', '555-010" + i
                    + "', '19" + (70 + i) + "-01-0" + (i % 9 + 1) + "')");
        }
        db.execute("INSERT INTO author (name, country) VALUES ('Le Guin', 'US')", "INSERT INTO author (name, country) VALUES ('Lem', 'PL')",
                "INSERT INTO author (name, country) VALUES ('Tove Jansson', 'FI')");
        for (int i = 1; i <= 6; i++) {
            db.execute("INSERT INTO book (title, author_id) VALUES ('Book " + i + "', " + ((i % 3) + 1) + ")");
        }
        for (String t : List.of("new", "used", "signed", "rare")) {
            db.execute("INSERT INTO tag (label) VALUES ('" + t + "')");
        }
        db.execute("INSERT INTO vets (last_name) VALUES ('Carter')", "INSERT INTO vets (last_name) VALUES ('Leary')",
                "INSERT INTO specialties (name) VALUES ('radiology')", "INSERT INTO specialties (name) VALUES ('surgery')",
                "INSERT INTO specialties (name, description) VALUES ('dentistry', 'teeth')");
        db.execute("INSERT INTO vet_specialties (vet_id, specialty_id) VALUES (1, 1)",
                "INSERT INTO vet_specialties (vet_id, specialty_id) VALUES (1, 2)",
                "INSERT INTO vet_specialties (vet_id, specialty_id) VALUES (2, 1)",
                "INSERT INTO vet_specialties (vet_id, specialty_id) VALUES (2, 2)",
                "INSERT INTO vet_specialties (vet_id, specialty_id) VALUES (2, 3)");
    }

    private static String falseLiteral(DatabaseKind kind) {
        return kind.toString().equals("postgresql") ? "FALSE" : "0";
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(migrations)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
