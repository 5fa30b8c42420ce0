package dev.covet.migrations.engine;

import ch.qos.logback.classic.Level;
import dev.covet.migrations.MigrateOptions;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationInfo;
import dev.covet.migrations.MigrationPhase;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.generate.MakeMigrations;
import dev.covet.migrations.generate.MakeMigrationsResult;
import dev.covet.migrations.LintFinding;
import dev.covet.migrations.LintReport;
import dev.covet.migrations.LintSuppressions;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static dev.covet.migrations.engine.MigrateRollbackTests.count;
import static dev.covet.migrations.engine.MigrateRollbackTests.read;
import static dev.covet.migrations.engine.MigrateRollbackTests.runner;
import static dev.covet.migrations.engine.Jdbc.execute;
import static dev.covet.migrations.engine.Jdbc.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expand/contract phases: hand-written and generated zero-downtime migrations, and the lint of pending migrations. */
class ExpandContractTests {

    private static final String INIT = """
            operations:
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                  - {name: email, type: VARCHAR(100), nullable: false}
                  - {name: score, type: INTEGER}
              - type: CREATE_TABLE
                table: notes
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true, auto_increment: true}
                  - {name: body, type: TEXT}
            """;

    @AllDatabases
    void expandHoldsBackContractStepsAndWhatDependsOnThem(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT)
                    .write("0002_add_nickname.yaml", """
                            phase: expand
                            operations:
                              - {type: ADD_COLUMN, table: customers, column: {name: nickname, type: VARCHAR(50)}}
                            """)
                    .write("0003_drop_score.sql", """
                            -- covet:phase contract
                            -- covet:up
                            ALTER TABLE customers DROP COLUMN score;
                            -- covet:down
                            ALTER TABLE customers ADD COLUMN score INTEGER;
                            """)
                    .write("0004_add_notes_title.yaml", """
                            operations:
                              - {type: ADD_COLUMN, table: notes, column: {name: title, type: VARCHAR(20)}}
                            """);
            MigrationRunner runner = runner(db, files);

            assertThat(runner.migrations()).extracting(m -> m.phase())
                    .containsExactly(MigrationPhase.NONE, MigrationPhase.EXPAND, MigrationPhase.CONTRACT, MigrationPhase.NONE);
            assertThat(runner.migrate(MigrateOptions.all().inPhase(MigrationPhase.EXPAND).asDryRun()).applied())
                    .extracting(e -> e.id().name()).containsExactly("0001_init", "0002_add_nickname");
            assertThat(read(db).tables()).isEmpty();

            assertThat(runner.migrate(MigrateOptions.all().inPhase(MigrationPhase.EXPAND)).applied())
                    .extracting(e -> e.id().name()).containsExactly("0001_init", "0002_add_nickname");
            assertThat(runner.status().pending()).extracting(MigrationInfo::id).extracting(id -> id.name())
                    .containsExactly("0003_drop_score", "0004_add_notes_title");
            assertThat(read(db).table("customers").orElseThrow().column("score")).isPresent();
            // Asking for the expand phase again applies nothing more.
            assertThat(runner.migrate(MigrateOptions.all().inPhase(MigrationPhase.EXPAND)).applied()).isEmpty();

            assertThat(runner.migrate(MigrateOptions.all().inPhase(MigrationPhase.CONTRACT)).applied())
                    .extracting(e -> e.id().name()).containsExactly("0003_drop_score", "0004_add_notes_title");
            assertThat(read(db).table("customers").orElseThrow().column("score")).isEmpty();
            assertThat(runner.status().pending()).isEmpty();
        }
    }

    @AllDatabases
    void generatedZeroDowntimePairKeepsOldCodeWorkingUntilContract(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = runner(db, files);
            runner.migrate();
            execute(db, "INSERT INTO customers (email, score) VALUES ('a@example.com', 5)",
                    "INSERT INTO notes (body) VALUES ('hello')");

            SchemaState before = runner.projectedSchema();
            ColumnSchema score = before.table("customers").flatMap(t -> t.column("score")).orElseThrow();
            SchemaState model = new RenameColumn("customers", "email", "email_address").applyTo(before);
            model = new AlterColumn("customers", score.withType(ColumnType.parse("BIGINT")), score).applyTo(model);
            model = new RenameTable("notes", "memos").applyTo(model);

            // notes -> memos shares every column but little of its name: a lower threshold lets it count as a rename.
            RenameDetector detector = new RenameDetector(0.6, false, 10, true);
            List<MakeMigrationsResult> written = new MakeMigrations(runner, detector)
                    .runZeroDowntime(model, "evolve", null, files.dir());
            assertThat(written).extracting(r -> r.file().getFileName().toString())
                    .containsExactly("0002_evolve_expand.yaml", "0003_evolve_contract.yaml");
            assertThat(Files.readString(written.get(0).file())).contains("phase: expand");
            assertThat(Files.readString(written.get(1).file())).contains("phase: contract");
            assertThat(written.get(0).operations()).anySatisfy(op -> assertThat(op).isEqualTo(new RenameTable("notes", "memos")));

            assertThat(runner.migrate(MigrateOptions.all().inPhase(MigrationPhase.EXPAND)).applied()).hasSize(1);
            TableSchema expanded = read(db).table("customers").orElseThrow();
            assertThat(expanded.columns()).extracting(ColumnSchema::name)
                    .contains("email", "email_address", "score", "score_new");
            assertThat(text(db, "SELECT email_address FROM customers WHERE email = 'a@example.com'")).isEqualTo("a@example.com");
            // Old code still works: it reads notes through the view and writes only the old columns.
            assertThat(count(db, "SELECT COUNT(*) FROM notes")).isEqualTo(1);
            execute(db, "INSERT INTO customers (email, score) VALUES ('b@example.com', 7)");

            assertThat(runner.migrate(MigrateOptions.all().inPhase(MigrationPhase.CONTRACT)).applied()).hasSize(1);
            SchemaState contracted = read(db);
            assertThat(contracted.tables()).containsKey("memos").doesNotContainKey("notes");
            TableSchema customers = contracted.table("customers").orElseThrow();
            assertThat(customers.columns()).extracting(ColumnSchema::name).containsExactlyInAnyOrder("id", "email_address", "score");
            assertThat(customers.column("email_address").orElseThrow().nullable()).isFalse();
            assertThat(customers.column("score").orElseThrow().type()).isEqualTo(model.table("customers")
                    .flatMap(t -> t.column("score")).orElseThrow().type());
            assertThat(count(db, "SELECT score FROM customers WHERE email_address = 'b@example.com'")).isEqualTo(7);
            assertThat(count(db, "SELECT score FROM customers WHERE email_address = 'a@example.com'")).isEqualTo(5);
            assertThat(count(db, "SELECT COUNT(*) FROM memos")).isEqualTo(1);
            assertThat(new MakeMigrations(runner, detector).runZeroDowntime(model, null, null, files.dir())).isEmpty();
        }
    }

    @AllDatabases
    void lintReportsPendingRiskyOperationsAndHonoursSuppressions(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = runner(db, files);
            runner.migrate();
            files.write("0002_drop_score.yaml", """
                    operations:
                      - {type: DROP_COLUMN, table: customers, column: score}
                    """);
            LintReport report = runner.lint(LintSuppressions.none(), true);
            assertThat(report.migrationsChecked()).isEqualTo(1);
            assertThat(report.findings()).extracting(LintFinding::rule).contains("drop-column-in-use");
            assertThat(report.findings()).allSatisfy(f -> assertThat(f.migration().name()).isEqualTo("0002_drop_score"));

            LintReport silenced = runner.lint(LintSuppressions.parse(List.of(
                    "0002_drop_score:0:drop-column-in-use=the column was unused since release 4.2",
                    "0002_drop_score:*:sqlite-table-rebuild=small table")), true);
            assertThat(silenced.findings()).extracting(LintFinding::rule).doesNotContain("drop-column-in-use", "sqlite-table-rebuild");
            // The created tables of the first migration are new: nothing to lock, so linting every file adds nothing for it.
            assertThat(runner.lint(LintSuppressions.none(), false).findings())
                    .noneMatch(f -> f.migration().name().equals("0001_init"));
            // Once everything is applied, nothing is pending to lint.
            runner.migrate();
            assertThat(runner.lint(LintSuppressions.none(), true).migrationsChecked()).isZero();
        }
    }

    @Test
    void aRunAskedToLintWarnsAboutWhatItIsAboutToApply() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(MigrationRunner.class);
             TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = runner(db, files);
            runner.migrate(MigrateOptions.all().withLint(LintSuppressions.none()));
            files.write("0002_drop_score.yaml", "operations:\n  - {type: DROP_COLUMN, table: customers, column: score}\n");
            runner.migrate(MigrateOptions.all().withLint(LintSuppressions.none()));
            // Creating tables is safe; dropping a column running code may read is not.
            assertThat(logs.messages(Level.WARN))
                    .singleElement().asString().contains("0002_drop_score").contains("drop-column-in-use");
        }
    }

    @Test
    void anUnknownPhaseNamesTheFileAndField() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", "phase: later\noperations: []\n");
            assertThatThrownBy(() -> runner(db, files).migrate())
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("0001_init.yaml").hasMessageContaining("phase")
                    .hasMessageContaining("'later' is not expand or contract");
        }
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.sql", "-- covet:phase sideways\nCREATE TABLE t (id INTEGER);\n");
            assertThatThrownBy(() -> runner(db, files).migrate())
                    .hasMessageContaining("0001_init.sql").hasMessageContaining("line 1")
                    .hasMessageContaining("'sideways' is not expand or contract");
        }
    }
}
