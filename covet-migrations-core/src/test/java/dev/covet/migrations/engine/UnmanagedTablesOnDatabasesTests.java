package dev.covet.migrations.engine;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.drift.DriftReport;
import dev.covet.migrations.drift.SchemaDrift;
import dev.covet.migrations.generate.MakeMigrations;
import dev.covet.migrations.generate.MakeMigrationsResult;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableFilter;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.CapturedLogs;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.covet.migrations.engine.Jdbc.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tables other tools own ({@code covet.migrations.unmanaged-tables}): makemigrations does not drop them, a baseline
 * leaves them out, and drift ignores them, while unmapped tables that match no pattern are handled as before.
 */
class UnmanagedTablesOnDatabasesTests {

    private static final TableFilter UNMANAGED = TableFilter.of("test", List.of("batch_*", "ShedLock", "qrtz_*"));

    /** A hand-written first migration: the application's table, one Spring Batch owns, one nobody maps any more. */
    private static final String INIT = """
            operations:
              - type: CREATE_TABLE
                table: customers
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: email, type: VARCHAR(100), nullable: false}
              - type: CREATE_TABLE
                table: batch_job_execution
                columns:
                  - {name: job_execution_id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: status, type: VARCHAR(10)}
              - type: CREATE_TABLE
                table: job_notes
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
                  - {name: execution_id, type: BIGINT}
                foreign_keys:
                  - {name: fk_job_notes_execution, columns: [execution_id], references: {table: batch_job_execution, columns: [job_execution_id]}}
              - type: CREATE_TABLE
                table: legacy_log
                columns:
                  - {name: id, type: BIGINT, nullable: false, primary_key: true}
            """;

    private static MigrationRunner runner(TestDatabase db, MigrationFiles files, TableFilter unmanaged) {
        return MigrationRunner.builder(db.dataSource()).locations(files.location()).unmanagedTables(unmanaged).build();
    }

    /** What the entities map: customers and job_notes; batch_job_execution and legacy_log have no entity. */
    private static SchemaState model(MigrationRunner runner) {
        SchemaState projected = runner.projectedSchema();
        return SchemaState.of(List.of(projected.requireTable("customers"), projected.requireTable("job_notes")));
    }

    @Test
    void makemigrationsDropsOnlyTheUnmappedTableNoPatternMatches() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = runner(db, files, UNMANAGED);
            MakeMigrationsResult result = new MakeMigrations(runner, new RenameDetector())
                    .run(model(runner), null, null, files.dir(), false);
            assertThat(result.operations()).extracting(Operation::type).containsExactly("DROP_TABLE");
            assertThat(((DropTable) result.operations().get(0)).table()).isEqualTo("legacy_log");

            // The same with --zero-downtime: the drop is the contract step, nothing touches batch_job_execution.
            files.delete(result.file().getFileName().toString());
            List<MakeMigrationsResult> pair = new MakeMigrations(runner, new RenameDetector())
                    .runZeroDowntime(model(runner), "tidy", null, files.dir());
            assertThat(pair).flatExtracting(MakeMigrationsResult::operations).extracting(Operation::type)
                    .containsExactly("DROP_TABLE");
            assertThat(pair).flatExtracting(MakeMigrationsResult::operations)
                    .noneMatch(op -> op.tables().contains("batch_job_execution"));
        }
    }

    @Test
    void anEntityTableThatMatchesAPatternIsLeftAloneWithAWarning() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(MakeMigrations.class);
             TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = runner(db, files, TableFilter.of("test", List.of("batch_*", "job_*", "legacy_log")));
            // job_notes is an entity's table, but "job_*" (meant for another tool's tables) matches it too.
            SchemaState model = model(runner).withTable(model(runner).requireTable("job_notes")
                    .withColumns(List.of(model(runner).requireTable("job_notes").columns().get(0))));
            MakeMigrationsResult result = new MakeMigrations(runner, new RenameDetector()).run(model, null, null, files.dir(), false);
            assertThat(result.operations()).isEmpty();
            assertThat(logs.messages()).singleElement().asString()
                    .contains("job_notes").contains("covet.migrations.unmanaged-tables");
        }
    }

    @Test
    void withoutTheFilterEveryUnmappedTableIsDropped() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = runner(db, files, TableFilter.none());
            // job_notes references batch_job_execution: its key goes first, then both tables.
            assertThat(new MakeMigrations(runner, new RenameDetector()).run(model(runner), null, null, files.dir(), false)
                    .operations()).filteredOn(op -> op instanceof DropTable).extracting(op -> ((DropTable) op).table())
                    .containsExactlyInAnyOrder("batch_job_execution", "legacy_log");
        }
    }

    @AllDatabases
    void driftIgnoresUnmanagedTablesOnBothSides(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            files.write("0001_init.yaml", INIT);
            MigrationRunner runner = runner(db, files, UNMANAGED);
            runner.migrate();
            assertThat(runner.drift().inSync()).as(runner.drift().toString()).isTrue();

            // Spring Batch changes its table, ShedLock makes its own, someone adds a scratch table by hand.
            execute(db, "ALTER TABLE batch_job_execution ADD COLUMN exit_message VARCHAR(100)",
                    "CREATE TABLE shedlock (name VARCHAR(64) NOT NULL PRIMARY KEY, locked_by VARCHAR(255))",
                    "CREATE TABLE scratch (id INTEGER)");

            DriftReport drift = runner.drift();
            assertThat(drift.checked()).isTrue();
            assertThat(drift.differences()).extracting(SchemaDrift::table).containsExactly("scratch");
            assertThat(runner.check().drift().differences()).extracting(SchemaDrift::table).containsExactly("scratch");
            // The same database without the filter: every one of them is drift.
            assertThat(runner(db, files, TableFilter.none()).drift().differences()).extracting(SchemaDrift::table)
                    .contains("batch_job_execution", "shedlock", "scratch");
        }
    }

    @AllDatabases
    void aBaselineLeavesUnmanagedTablesOut(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles files = new MigrationFiles()) {
            execute(db, "CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(100))",
                    "CREATE TABLE shedlock (name VARCHAR(64) NOT NULL PRIMARY KEY, locked_by VARCHAR(255))",
                    "CREATE TABLE QRTZ_LOCKS (lock_name VARCHAR(40) NOT NULL PRIMARY KEY)");
            MigrationRunner runner = runner(db, files, UNMANAGED);

            MakeMigrationsResult baseline = new MakeMigrations(runner, new RenameDetector())
                    .run(SchemaState.empty(), runner.liveSchema(), "initial", null, files.dir(), false);
            Migration initial = baseline.migration();
            assertThat(initial.operations()).flatExtracting(op -> List.copyOf(op.tables())).containsExactly("customers");
            runner.markApplied(initial.id());

            assertThat(runner.drift().inSync()).as(runner.drift().toString()).isTrue();
        }
    }

    @Test
    void aBaselineIsRefusedWhenAManagedTableReferencesAnUnmanagedOne() throws Exception {
        try (TestDatabase db = new DatabaseKind("sqlite").create(); MigrationFiles files = new MigrationFiles()) {
            execute(db, "CREATE TABLE batch_job (id BIGINT NOT NULL PRIMARY KEY)",
                    "CREATE TABLE job_notes (id BIGINT NOT NULL PRIMARY KEY, job_id BIGINT,"
                            + " CONSTRAINT fk_job_notes_job FOREIGN KEY (job_id) REFERENCES batch_job (id))");
            MigrationRunner runner = runner(db, files, UNMANAGED);
            assertThatThrownBy(() -> new MakeMigrations(runner, new RenameDetector())
                    .run(SchemaState.empty(), runner.liveSchema(), "initial", null, files.dir(), false))
                    .isInstanceOf(SchemaException.class).hasMessageContaining("fk_job_notes_job");
            assertThat(files.dir().toFile().list()).isEmpty();
        }
    }
}
