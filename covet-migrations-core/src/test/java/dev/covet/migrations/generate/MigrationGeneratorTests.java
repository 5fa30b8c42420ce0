package dev.covet.migrations.generate;

import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.diff.DiffEngine;
import dev.covet.migrations.internal.loader.MigrationLoader;
import dev.covet.migrations.internal.loader.MigrationSource;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationGeneratorTests {

    @TempDir
    Path dir;

    private static final ColumnType BIGINT = ColumnType.of(ColumnType.Kind.BIGINT);

    private static ColumnSchema id() {
        return ColumnSchema.of("id", BIGINT).notNull().asPrimaryKey().autoIncremented();
    }

    private static TableSchema users() {
        return new TableSchema("users", List.of(id(),
                ColumnSchema.of("email", ColumnType.varchar(255)).notNull().asUnique(),
                ColumnSchema.of("balance", ColumnType.decimal(10, 2)).notNull().withDefault(new ColumnDefault.Literal(0)),
                ColumnSchema.of("active", ColumnType.of(ColumnType.Kind.BOOLEAN)).notNull().withDefault(new ColumnDefault.Literal(true)),
                ColumnSchema.of("code", ColumnType.varchar(10)).withDefault(new ColumnDefault.Literal("007")),
                ColumnSchema.of("created_at", ColumnType.of(ColumnType.Kind.TIMESTAMP)).notNull().withDefault(new ColumnDefault.Expression("CURRENT_TIMESTAMP"))),
                List.of(),
                List.of(new IndexSchema("idx_users_code", List.of("code"), false, "code IS NOT NULL")),
                List.of(),
                List.of(new ConstraintSchema("ck_users_balance", ConstraintSchema.Kind.CHECK, List.of(), "balance >= 0")));
    }

    private static TableSchema memberships() {
        return new TableSchema("memberships", List.of(
                ColumnSchema.of("user_id", BIGINT).notNull(),
                ColumnSchema.of("group_id", BIGINT).notNull(),
                ColumnSchema.of("note", ColumnType.of(ColumnType.Kind.TEXT))),
                List.of("group_id", "user_id"), List.of(),
                List.of(new ForeignKeySchema("fk_m_user", List.of("user_id"), "users", List.of("id"), "CASCADE", "SET NULL")),
                List.of(new ConstraintSchema("uq_m", ConstraintSchema.Kind.UNIQUE, List.of("user_id", "note"), null)));
    }

    private List<Operation> roundTrip(Migration migration) {
        new MigrationGenerator().saveMigration(migration, dir);
        List<MigrationSource> sources = new MigrationLoader(getClass().getClassLoader()).list(List.of("filesystem:" + dir));
        assertThat(sources).hasSize(1);
        Migration loaded = sources.get(0).parse();
        assertThat(loaded.id()).isEqualTo(migration.id());
        assertThat(loaded.dependencies()).isEqualTo(migration.dependencies());
        assertThat(loaded.description()).isEqualTo(migration.description());
        return loaded.operations();
    }

    @Test
    void everyOperationTypeLoadsBackEqual() {
        ColumnSchema email = ColumnSchema.of("email", ColumnType.varchar(255)).notNull().asUnique();
        ColumnSchema wider = ColumnSchema.of("email", ColumnType.of(ColumnType.Kind.TEXT)).withDefault(new ColumnDefault.Literal("n/a"));
        IndexSchema idx = new IndexSchema("idx_users_email", List.of("email"), true, null);
        ForeignKeySchema fk = new ForeignKeySchema("fk_m_user", List.of("user_id"), "users", List.of("id"), "CASCADE", null);
        ConstraintSchema unique = new ConstraintSchema("uq_users_email", ConstraintSchema.Kind.UNIQUE, List.of("email"), null);
        ConstraintSchema check = new ConstraintSchema("ck_users_balance", ConstraintSchema.Kind.CHECK, List.of(), "balance >= 0");
        List<Operation> ops = List.of(
                new CreateTable(users()),
                new CreateTable(memberships()),
                new DropTable("old_users", users().withName("old_users")),
                new DropTable("bare", null),
                new RenameTable("customers", "clients"),
                new AddColumn("users", ColumnSchema.of("score", ColumnType.of(ColumnType.Kind.DOUBLE)).withDefault(new ColumnDefault.Literal(1.5))),
                new DropColumn("users", "email", email),
                new DropColumn("users", "legacy", null),
                new AlterColumn("users", wider, email),
                new AlterColumn("users", email, null),
                new RenameColumn("users", "name", "full_name"),
                new AddIndex("users", idx),
                new DropIndex("users", "idx_users_email", idx),
                new AddForeignKey("memberships", fk),
                new DropForeignKey("memberships", "fk_m_user", fk),
                new AddConstraint("users", unique),
                new AddConstraint("users", check),
                new DropConstraint("users", "ck_users_balance", check),
                new DropConstraint("users", "uq_users_email", null),
                new RunSql(DialectSql.of(List.of("UPDATE users SET active = TRUE")), DialectSql.of(List.of("SELECT 1", "SELECT 2")), true),
                new RunSql(new DialectSql(List.of("SELECT 0"), Map.of("postgresql", List.of("SELECT 1"), "sqlite", List.of("SELECT 2"))), null, false),
                new RunJava("backfillEmails", false));
        Migration m = new MigrationGenerator().generateMigration(ops, "everything", "accounts");
        assertThat(roundTrip(m)).isEqualTo(ops);
    }

    @Test
    void aGeneratedDiffLoadsBackEqual() {
        SchemaState from = SchemaState.of(List.of(users()));
        TableSchema renamed = new TableSchema("users", users().columns().stream()
                .map(c -> c.name().equals("email") ? c.withName("email_address") : c).toList(),
                List.of(), users().indexes(), List.of(), List.of());
        List<Operation> ops = new DiffEngine().generateDiff(from, SchemaState.of(List.of(renamed, memberships())));
        assertThat(ops).isNotEmpty();
        assertThat(roundTrip(new MigrationGenerator().generateMigration(ops, null, null))).isEqualTo(ops);
    }

    @Test
    void writesOneLinePerDefinitionAsPeopleDo() throws IOException {
        Migration m = new MigrationGenerator().generateMigration(List.of(new CreateTable(users())), null, null);
        String yaml = Files.readString(new MigrationGenerator().saveMigration(m, dir));
        assertThat(yaml).startsWith("description: Create table users\n").contains("dependencies: []")
                .contains("operations:\n  - type: CREATE_TABLE\n    table: users\n    columns:\n      - {name: id, type: BIGINT,")
                .contains("\"DECIMAL(10,2)\"").contains("{sql: CURRENT_TIMESTAMP}").doesNotContain("---");
    }

    @Test
    void numbersAfterTheAppsLatestMigrationAndDependsOnIt() {
        MigrationGenerator generator = new MigrationGenerator(List.of(new MigrationId("default", "0001_initial"),
                new MigrationId("default", "0002_add_orders"), new MigrationId("billing", "0007_invoices")));
        Migration m = generator.generateMigration(List.of(new AddColumn("users",
                ColumnSchema.of("email", ColumnType.varchar(255)))), null, null);
        assertThat(m.id()).isEqualTo(new MigrationId("default", "0003_add_users_email"));
        assertThat(m.dependencies()).containsExactly(new MigrationId("default", "0002_add_orders"));
        Migration next = generator.generateMigration(List.of(new RenameColumn("customers", "name", "full_name")), null, null);
        assertThat(next.id().name()).isEqualTo("0004_rename_customers_name_to_full_name");
        assertThat(next.dependencies()).containsExactly(m.id());
        Migration billing = generator.generateMigration(List.of(new DropTable("x", null)), "Drop X!", "billing");
        assertThat(billing.id()).isEqualTo(new MigrationId("billing", "0008_drop_x"));
        Migration first = new MigrationGenerator().generateMigration(List.of(new DropTable("x", null)), null, null);
        assertThat(first.id().name()).isEqualTo("0001_drop_x");
        assertThat(first.dependencies()).isEmpty();
    }

    @Test
    void namesFromSeveralOperationsAndTheFallback() {
        MigrationGenerator g = new MigrationGenerator();
        Operation a = new AddColumn("users", ColumnSchema.of("email", ColumnType.varchar(255)));
        Operation b = new DropColumn("users", "name", null);
        assertThat(g.generateMigration(List.of(a, b), null, null).id().name()).isEqualTo("0001_add_users_email_and_remove_users_name");
        assertThat(g.generateMigration(List.of(a, b, a), null, null).id().name()).isEqualTo("0002_add_users_email_and_more");
        Operation longOne = new RenameColumn("a_really_long_table_name_for_testing", "an_even_longer_column_name", "x");
        assertThat(g.generateMigration(List.of(longOne), null, null).id().name()).isEqualTo("0003_auto");
        String named = g.generateMigration(List.of(a), "  Add ../../etc/passwd  " + "x".repeat(100), null).id().name();
        assertThat(named).startsWith("0004_add_etc_passwd_x").hasSizeLessThanOrEqualTo(60).matches("[a-z0-9_]+");
        assertThat(g.generateMigration(List.of(a), "///", null).id().name()).isEqualTo("0005_add_users_email");
    }

    @Test
    void refusesToOverwrite() {
        MigrationGenerator g = new MigrationGenerator();
        Migration m = g.generateMigration(List.of(new DropTable("x", null)), null, null);
        g.saveMigration(m, dir);
        assertThatThrownBy(() -> g.saveMigration(m, dir)).isInstanceOf(MigrationException.class).hasMessageContaining("exists already");
    }

    @Test
    void refusesAnExistingMigrationInAnotherFormat() throws IOException {
        Files.writeString(dir.resolve("0001_drop_x.sql"), "-- covet:up\nSELECT 1;\n");
        Migration m = new MigrationGenerator().generateMigration(List.of(new DropTable("x", null)), null, null);
        assertThatThrownBy(() -> new MigrationGenerator().saveMigration(m, dir)).isInstanceOf(MigrationException.class);
    }

    @Test
    void refusesNamesThatAreNotMigrationFileNames() {
        Migration m = new Migration(new MigrationId("default", "no_number"), "", List.of(), List.of(new DropTable("x", null)),
                null, null, List.of(), null, null);
        assertThatThrownBy(() -> new MigrationGenerator().saveMigration(m, dir)).isInstanceOf(MigrationException.class);
    }

    @Test
    void numbersAfterFilesInADirectory() throws IOException {
        Files.writeString(dir.resolve("0005_initial.yaml"), "operations:\n  - type: DROP_TABLE\n    table: x\n");
        MigrationGenerator g = MigrationGenerator.fromLocations(List.of("filesystem:" + dir), getClass().getClassLoader());
        Migration m = g.generateMigration(List.of(new DropTable("y", null)), null, null);
        assertThat(m.id().name()).isEqualTo("0006_drop_y");
        g.saveMigration(m, dir);
        List<MigrationSource> sources = new MigrationLoader(getClass().getClassLoader()).list(List.of("filesystem:" + dir));
        assertThat(sources.get(1).parse().dependencies()).containsExactly(new MigrationId("default", "0005_initial"));
    }

    @Test
    void emptyOperationsMakeAHandWrittenMigrationAndNullIsRefused() {
        Migration empty = new MigrationGenerator().generateMigration(List.of(), "backfill", null);
        assertThat(empty.id().name()).isEqualTo("0001_backfill");
        assertThat(empty.operations()).isEmpty();
        assertThat(empty.description()).isEqualTo("Written by hand");
        assertThatThrownBy(() -> new MigrationGenerator().generateMigration(null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty list");
    }
}
