package dev.covet.migrations.generate;

import dev.covet.migrations.MigrationRunner;
import dev.covet.migrations.diff.RenameDetector;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.testing.AllDatabases;
import dev.covet.migrations.testing.DatabaseKind;
import dev.covet.migrations.testing.MigrationFiles;
import dev.covet.migrations.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Baseline} from Java: adopts a database once, writing into a directory the locations do not read yet. */
class BaselineTests {

    @AllDatabases
    void adoptsTheDatabaseOnceAndRecordsItsMigrationAsApplied(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles locations = new MigrationFiles();
             MigrationFiles output = new MigrationFiles()) {
            db.execute("CREATE TABLE shops (id BIGINT PRIMARY KEY, name VARCHAR(50))");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(locations.location()).build();
            Baseline baseline = new Baseline(runner, output.dir());

            BaselineResult.Adopted adopted = (BaselineResult.Adopted) baseline.adopt("initial");

            assertThat(adopted.file()).exists().hasFileName("0001_initial.yaml").hasParent(output.dir());
            assertThat(adopted.id().name()).isEqualTo("0001_initial");
            assertThat(adopted.tables()).containsExactly("shops");
            MigrationRunner reading = runner.withLocations(List.of(output.location()));
            assertThat(reading.status().applied()).extracting(i -> i.id().name()).containsExactly("0001_initial");
            reading.validate();
            assertThat(baseline.adopt("again")).isInstanceOfSatisfying(BaselineResult.Refused.class,
                    r -> assertThat(r.reason()).startsWith("the database already has migration history (1 migration(s)"));
        }
    }

    /**
     * What Hibernate's {@code ddl-auto=create} does: a foreign key under its own hash name, a composite key in its
     * own column order. The entities read as {@code fk_<table>_<columns>} and another order; adopting must not
     * drop and re-add the keys for that, and says what it kept.
     */
    @AllDatabases
    void namesAndKeyOrderTheDatabaseChoseAreNoChangeAfterAdoption(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles locations = new MigrationFiles();
             MigrationFiles output = new MigrationFiles()) {
            db.execute("CREATE TABLE shops (id BIGINT NOT NULL, PRIMARY KEY (id))");
            db.execute("CREATE TABLE stock (shop_id BIGINT NOT NULL, code VARCHAR(20) NOT NULL, PRIMARY KEY (code, shop_id), "
                    + "CONSTRAINT FK3x7qk2mdv9 FOREIGN KEY (shop_id) REFERENCES shops (id))");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(locations.location()).build();
            assertThat(new Baseline(runner, output.dir()).adopt("initial")).isInstanceOf(BaselineResult.Adopted.class);
            MigrationRunner adopted = runner.withLocations(List.of(output.location()));
            SchemaState entities = SchemaState.of(List.of(
                    TableSchema.of("shops", List.of(ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey())),
                    new TableSchema("stock", List.of(
                            ColumnSchema.of("shop_id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull(),
                            ColumnSchema.of("code", ColumnType.varchar(20)).notNull()),
                            List.of("shop_id", "code"), List.of(),
                            List.of(new ForeignKeySchema("fk_stock_shop_id", List.of("shop_id"), "shops", List.of("id"), null, null)),
                            List.of())));

            MakeMigrationsResult result = new MakeMigrations(adopted, new RenameDetector()).preview(entities, null, null);

            assertThat(result.operations()).as(result.yaml()).isEmpty();
            String stored = kind.toString().equals("postgresql") ? "fk3x7qk2mdv9" : "FK3x7qk2mdv9"; // PostgreSQL folds unquoted names
            assertThat(result.decisions()).containsExactlyInAnyOrder(
                    "foreign key stock.fk_stock_shop_id: kept as " + stored + ", the name the database has (same columns, target and actions)",
                    "primary key of stock: kept as (code, shop_id), the order the database has; the entities list (shop_id, code)");
        }
    }

    /**
     * An adopted database's keys with ON DELETE RESTRICT, entities that say nothing about deletes: RESTRICT is the
     * database's, kept rather than dropped and re-added as NO ACTION (MySQL cannot tell the two apart at all).
     */
    @AllDatabases
    void restrictTheEntitiesDoNotMentionIsKept(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles locations = new MigrationFiles();
             MigrationFiles output = new MigrationFiles()) {
            db.execute("CREATE TABLE shops (id BIGINT NOT NULL, PRIMARY KEY (id))");
            db.execute("CREATE TABLE stock (id BIGINT NOT NULL, shop_id BIGINT NOT NULL, PRIMARY KEY (id), "
                    + "CONSTRAINT fk_stock_shop_id FOREIGN KEY (shop_id) REFERENCES shops (id) ON DELETE RESTRICT)");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(locations.location()).build();
            assertThat(new Baseline(runner, output.dir()).adopt("initial")).isInstanceOf(BaselineResult.Adopted.class);
            MigrationRunner adopted = runner.withLocations(List.of(output.location()));
            assertThat(adopted.drift().checked()).isTrue();
            assertThat(adopted.drift().differences()).isEmpty();
            SchemaState entities = SchemaState.of(List.of(
                    TableSchema.of("shops", List.of(ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey())),
                    new TableSchema("stock", List.of(
                            ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey(),
                            ColumnSchema.of("shop_id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull()),
                            List.of("id"), List.of(),
                            List.of(new ForeignKeySchema("fk_stock_shop_id", List.of("shop_id"), "shops", List.of("id"), null, null)),
                            List.of())));

            MakeMigrationsResult result = new MakeMigrations(adopted, new RenameDetector()).preview(entities, null, null);

            assertThat(result.operations()).as(result.yaml()).isEmpty();
            if (!kind.toString().equals("mysql")) {
                assertThat(result.decisions()).contains(
                        "foreign key stock.fk_stock_shop_id: RESTRICT kept, as the database has it; the entities name no action");
            }
        }
    }

    @AllDatabases
    void refusesADatabaseWithoutTables(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles output = new MigrationFiles()) {
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(output.location()).build();

            assertThat(new Baseline(runner, output.dir()).adopt("initial")).isInstanceOfSatisfying(BaselineResult.Refused.class,
                    r -> assertThat(r.reason()).startsWith("the database has no tables to adopt"));
            assertThat(output.dir()).isEmptyDirectory();
        }
    }

    /**
     * An adopted generated column and a column in its own collation, entities mapping both as plain columns of the
     * same type: the entities cannot say a generation expression or a collation, so nothing is altered (which would
     * turn the generated column into a plain one) and the output says what was kept.
     */
    @AllDatabases
    void whatOnlyTheColumnSaysIsKeptWhenTheEntitiesHaveTheSameType(DatabaseKind kind) throws Exception {
        try (TestDatabase db = kind.create(); MigrationFiles locations = new MigrationFiles();
             MigrationFiles output = new MigrationFiles()) {
            String collated = switch (kind.toString()) {
                case "postgresql" -> "VARCHAR(20) COLLATE \"C\"";
                case "mysql" -> "VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin";
                default -> "VARCHAR(20) COLLATE NOCASE";
            };
            db.execute("CREATE TABLE order_lines (id BIGINT NOT NULL PRIMARY KEY, price NUMERIC(10,2) NOT NULL, qty INT NOT NULL,"
                    + " code " + collated + ", total NUMERIC(12,2) GENERATED ALWAYS AS (price * qty) STORED)");
            MigrationRunner runner = MigrationRunner.builder(db.dataSource()).locations(locations.location()).build();
            assertThat(new Baseline(runner, output.dir()).adopt("initial")).isInstanceOf(BaselineResult.Adopted.class);
            MigrationRunner adopted = runner.withLocations(List.of(output.location()));
            SchemaState entities = SchemaState.of(List.of(TableSchema.of("order_lines", List.of(
                    ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey(),
                    ColumnSchema.of("price", ColumnType.decimal(10, 2)).notNull(),
                    ColumnSchema.of("qty", ColumnType.of(ColumnType.Kind.INTEGER)).notNull(),
                    ColumnSchema.of("code", ColumnType.varchar(20)),
                    ColumnSchema.of("total", ColumnType.decimal(12, 2))))));

            MakeMigrationsResult result = new MakeMigrations(adopted, new RenameDetector()).preview(entities, null, null);

            assertThat(result.operations()).as(result.yaml()).isEmpty();
            assertThat(result.decisions()).anySatisfy(d -> assertThat(d).startsWith("column order_lines.total: ")
                    .containsPattern("(?i)(generated always as|as\\()").endsWith("kept, as the database has it; the entities cannot say it"));
            if (!kind.toString().equals("sqlite")) { // SQLite's COLLATE NOCASE is read as part of the declared type name
                assertThat(result.decisions()).anySatisfy(d -> assertThat(d).startsWith("column order_lines.code: ").containsIgnoringCase("collate"));
            }
        }
    }
}
