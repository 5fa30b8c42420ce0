package dev.covet.migrations.generate;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.schema.TableFilter;
import dev.covet.migrations.cli.BaselineCommand;
import dev.covet.migrations.cli.CommandLineParser;
import dev.covet.migrations.cli.CommandOutput;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a baseline cannot write into its file is named, with why, never left out silently: aggregates, operators,
 * row-level security and comments on PostgreSQL; partitioning and comments on MySQL. SQLite's virtual tables are
 * captured (as their CREATE VIRTUAL TABLE) and their shadow tables are not mistaken for tables of their own.
 */
class BaselineNotCapturedTests {

    @AllDatabases
    void whatIsNotCapturedIsNamedWithWhy(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles none = new MigrationFiles(); MigrationFiles output = new MigrationFiles()) {
            switch (kind.toString()) {
                case "postgresql" -> db.execute(
                        "CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner_name TEXT NOT NULL, balance NUMERIC(12,2))",
                        "CREATE AGGREGATE sum_squares (numeric) (SFUNC = numeric_add, STYPE = numeric)",
                        "CREATE FUNCTION accounts_similar(accounts, accounts) RETURNS boolean LANGUAGE sql IMMUTABLE"
                                + " AS 'SELECT $1.owner_name = $2.owner_name'",
                        "CREATE OPERATOR ~~~ (LEFTARG = accounts, RIGHTARG = accounts, FUNCTION = accounts_similar)",
                        "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY",
                        "CREATE POLICY own_rows ON accounts USING (owner_name = current_user)",
                        "COMMENT ON TABLE accounts IS 'one row per customer account'",
                        "COMMENT ON COLUMN accounts.balance IS 'in euros'");
                case "mysql" -> db.execute(
                        "CREATE TABLE readings (id BIGINT NOT NULL, taken DATE NOT NULL, value DOUBLE COMMENT 'in kWh',"
                                + " PRIMARY KEY (id, taken)) COMMENT 'meter readings'"
                                + " PARTITION BY RANGE (YEAR(taken)) (PARTITION p2025 VALUES LESS THAN (2026),"
                                + " PARTITION pmax VALUES LESS THAN MAXVALUE)",
                        "CREATE TABLE legacy_notes (id BIGINT PRIMARY KEY, body VARCHAR(200)) DEFAULT CHARSET=latin1");
                default -> db.execute(
                        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
                        "CREATE VIRTUAL TABLE notes_search USING fts5(body)");
            }
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(none.location()).build();
            BaselineResult.Adopted adopted = (BaselineResult.Adopted) new Baseline(runner, output.dir()).adopt("initial");
            List<String> notCaptured = adopted.notCaptured();
            switch (kind.toString()) {
                case "postgresql" -> {
                    assertThat(notCaptured).anySatisfy(n -> assertThat(n).startsWith("aggregate sum_squares(numeric): ")
                            .contains("RUN_SQL migration of your own"));
                    assertThat(notCaptured).anySatisfy(n -> assertThat(n).startsWith("operator ~~~(accounts, accounts): "));
                    assertThat(notCaptured).anySatisfy(n -> assertThat(n).startsWith("row-level security policy own_rows on accounts: "));
                    assertThat(notCaptured).anySatisfy(n -> assertThat(n).startsWith("row-level security accounts: "));
                    assertThat(notCaptured).anySatisfy(n -> assertThat(n).startsWith("comments 2 on tables and columns: "));
                    assertThat(adopted.objects()).contains("function accounts_similar(accounts, accounts)");
                }
                case "mysql" -> {
                    assertThat(notCaptured).anySatisfy(n -> assertThat(n).startsWith("partitioning readings: 2 partitions (RANGE)")
                            .contains("creates the table unpartitioned"));
                    assertThat(notCaptured).anySatisfy(n -> assertThat(n).startsWith("comments 1 on columns: "));
                    assertThat(notCaptured).anySatisfy(n -> assertThat(n).startsWith("comments 1 on tables: "));
                    assertThat(notCaptured).anySatisfy(n -> assertThat(n).startsWith("table charset legacy_notes: the table is in latin1_"));
                    assertThat(notCaptured).noneMatch(n -> n.startsWith("table charset readings"));
                }
                default -> {
                    assertThat(notCaptured).isEmpty();
                    assertThat(adopted.tables()).containsExactly("notes");
                    assertThat(adopted.objects()).containsExactly("virtual table notes_search");
                }
            }
        }
    }

    @AllDatabases
    void theCommandPrintsWhatIsNotCaptured(DatabaseKind kind) throws Exception {
        if (kind.toString().equals("sqlite")) {
            return; // SQLite has nothing a baseline leaves out (the assertion above says so)
        }
        try (TestDatabase db = kind.create(); MigrationFiles none = new MigrationFiles(); MigrationFiles output = new MigrationFiles()) {
            db.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, balance DECIMAL(12,2))",
                    kind.toString().equals("postgresql") ? "COMMENT ON COLUMN accounts.balance IS 'in euros'"
                            : "ALTER TABLE accounts MODIFY balance DECIMAL(12,2) COMMENT 'in euros'");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(none.location()).build();
            BaselineCommand command = new BaselineCommand(runner, output.dir());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = command.execute(CommandLineParser.parse(command.spec(), List.of()), new CommandOutput(
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Not captured (1; the database keeps them, but replaying the file elsewhere will not make them):")
                    .contains("comments 1 on ");
        }
    }

    /** A trigger or index on a table another tool owns comes and goes with that table: not captured, not drift. */
    @AllDatabases
    void objectsOnUnmanagedTablesStayOut(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); TestDatabase replay = kind.create(); MigrationFiles none = new MigrationFiles();
             MigrationFiles output = new MigrationFiles()) {
            db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, placed DATE)",
                    "CREATE TABLE qrtz_jobs (id INT PRIMARY KEY, touched INT)",
                    "CREATE INDEX qrtz_jobs_newest ON qrtz_jobs (id DESC)",
                    "CREATE INDEX orders_newest ON orders (placed DESC)");
            switch (kind.toString()) {
                case "postgresql" -> db.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql"
                                + " AS $$ BEGIN NEW.touched := 1; RETURN NEW; END $$",
                        "CREATE TRIGGER qrtz_touch BEFORE INSERT ON qrtz_jobs FOR EACH ROW EXECUTE FUNCTION touch()");
                case "mysql" -> db.execute("CREATE TRIGGER qrtz_touch BEFORE INSERT ON qrtz_jobs FOR EACH ROW SET NEW.touched = 1");
                default -> db.execute("CREATE TRIGGER qrtz_touch AFTER INSERT ON qrtz_jobs BEGIN"
                        + " UPDATE qrtz_jobs SET touched = 1 WHERE id = new.id; END");
            }
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(none.location())
                    .unmanagedTables(TableFilter.of("test", List.of("qrtz_*"))).build();
            BaselineResult.Adopted adopted = (BaselineResult.Adopted) new Baseline(runner, output.dir()).adopt("initial");
            assertThat(adopted.tables()).containsExactly("orders");
            assertThat(adopted.objects()).noneMatch(o -> o.contains("qrtz")).anyMatch(o -> o.contains("orders_newest"));
            MigrationRunner adoptedRunner = runner.withLocations(List.of(output.location()));
            assertThat(adoptedRunner.drift().differences()).isEmpty();
            // the file replays where the other tool's table does not exist (yet)
            MigrationRunner.builder(replay.dataSource()).locations(output.location()).build().migrate();
        }
    }
}
