package dev.covet.migrations.oracle;

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
 * The makemigrations workflow a developer and a CI pipeline go through: {@code --help}, {@code --dry-run} writing
 * nothing, the written file's lint findings printed, and a deleted unapplied file not depended on (the existing
 * migrations are read from the output directory, not from a stale compiled copy). SQLite: the workflow does not
 * depend on the database; {@link GenerationDecisionsTests} runs the decisions on all three.
 */
@ResourceLock("spring-boot-logging")
class MakeMigrationsWorkflowTests {

    private static final Class<?> BEFORE = dev.covet.migrations.oracle.clinic1.ClinicApplication.class;
    private static final Class<?> AFTER = dev.covet.migrations.oracle.clinic2.ClinicApplication.class;

    @TempDir
    Path migrations;

    @Test
    void helpDryRunLintAndTheOutputDirectoryAsSource() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create()) {
            OracleApps.Run help = OracleApps.commandOutput(BEFORE, db, migrations, "makemigrations", "--help");
            assertThat(help.code()).isZero();
            assertThat(help.out()).contains("usage: covet makemigrations", "--rename T.OLD=NEW", "--no-input", "--check", "--dry-run");

            OracleApps.Run dryRun = OracleApps.commandOutput(BEFORE, db, migrations, "makemigrations", "--dry-run");
            assertThat(dryRun.code()).isZero();
            assertThat(dryRun.out()).contains("nothing written", "type: CREATE_TABLE", "table: owners");
            assertThat(files()).isEmpty();

            OracleApps.Run written = OracleApps.commandOutput(BEFORE, db, migrations, "makemigrations", "--name", "initial");
            assertThat(written.code()).isZero();
            assertThat(written.err()).contains("existing migrations read from " + migrations + " (output-directory)");
            assertThat(written.out()).contains("Lint:");

            // Written but never applied, then deleted: the next file must not depend on it.
            OracleApps.Run second = OracleApps.commandOutput(AFTER, db, migrations, "makemigrations", "--no-input",
                    "--rename", "owners.telephone=phone_number", "--rename", "owners.birth_date=date_of_birth",
                    "--rename", "author=writer", "--rename", "tag=label", "--default", "owners.active=true",
                    "--default", "specialties.description=none");
            assertThat(second.code()).as(second.err()).isZero();
            // The lint sees the file just written: renaming a table that running code uses is a finding.
            assertThat(second.out()).contains("Lint:", "rename-table-in-use");
            Files.delete(onlySecondFile());
            OracleApps.Run again = OracleApps.commandOutput(AFTER, db, migrations, "makemigrations", "--no-input", "--name", "again",
                    "--rename", "owners.telephone=phone_number", "--rename", "owners.birth_date=date_of_birth",
                    "--rename", "author=writer", "--rename", "tag=label", "--default", "owners.active=true",
                    "--default", "specialties.description=none");
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(files()).containsExactly("0001_initial.yaml", "0002_again.yaml");
            assertThat(Files.readString(migrations.resolve("0002_again.yaml"))).contains("dependencies: [0001_initial]");
        }
    }

    private Path onlySecondFile() throws IOException {
        return migrations.resolve(files().stream().filter(f -> f.startsWith("0002_")).findFirst().orElseThrow());
    }

    private List<String> files() throws IOException {
        try (var list = Files.list(migrations)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
