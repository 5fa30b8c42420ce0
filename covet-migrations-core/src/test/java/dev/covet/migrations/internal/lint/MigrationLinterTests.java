package dev.covet.migrations.internal.lint;

import dev.covet.migrations.LintFinding;
import dev.covet.migrations.LintSuppressions;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationLinterTests {

    private static final ColumnSchema ID = ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey().autoIncremented();
    private static final ColumnSchema NAME = ColumnSchema.of("name", ColumnType.varchar(50));
    private static final ColumnSchema USER_ID = ColumnSchema.of("user_id", ColumnType.of(ColumnType.Kind.BIGINT));
    private static final SchemaState BEFORE = SchemaState.of(List.of(
            TableSchema.of("users", List.of(ID, NAME)), TableSchema.of("orders", List.of(ID, USER_ID))));
    private static final MigrationId M = MigrationId.parse("0005_change", "default");

    private static Migration migration(Operation... ops) {
        return new Migration(M, "", List.of(), List.of(ops), null, null, List.of(), "x", "0005_change.yaml");
    }

    private static List<String> rules(String dialect, Operation... ops) {
        return new MigrationLinter(dialect, LintSuppressions.none()).lint(migration(ops), BEFORE).stream()
                .map(LintFinding::rule).toList();
    }

    private static final IndexSchema INDEX = new IndexSchema("idx_orders_user", List.of("user_id"), false, null);
    private static final ForeignKeySchema FK = new ForeignKeySchema("fk_orders_user", List.of("user_id"), "users", List.of("id"), null, null);

    @Test
    void everyRuleFiresOnItsBadCase() {
        assertThat(rules("postgresql", new AddIndex("orders", INDEX))).containsExactly("index-not-concurrent");
        assertThat(rules("postgresql", new AddForeignKey("orders", FK))).containsExactly("foreign-key-not-valid");
        assertThat(rules("mysql", new AddForeignKey("orders", FK))).containsExactly("mysql-copy-algorithm");
        assertThat(rules("mysql", new AlterColumn("users", NAME.withType(ColumnType.of(ColumnType.Kind.INTEGER)), null)))
                .containsExactly("column-type-change", "mysql-copy-algorithm");
        assertThat(rules("mysql", new AlterColumn("users", NAME.withNullable(false), null))).containsExactly("mysql-copy-algorithm");
        assertThat(rules("postgresql", new AddConstraint("users", new ConstraintSchema("ck", ConstraintSchema.Kind.CHECK, List.of(), "id > 0"))))
                .containsExactly("check-not-valid");
        assertThat(rules("mysql", new AddConstraint("users", new ConstraintSchema("uk", ConstraintSchema.Kind.UNIQUE, List.of("name"), null))))
                .containsExactly("unique-constraint-locks");
        assertThat(rules("postgresql", new AlterColumn("users", NAME.withType(ColumnType.of(ColumnType.Kind.INTEGER)), null)))
                .containsExactly("column-type-change");
        assertThat(rules("postgresql", new AlterColumn("users", NAME.withNullable(false), null))).containsExactly("set-not-null");
        assertThat(rules("postgresql", new AddColumn("users", ColumnSchema.of("token", ColumnType.of(ColumnType.Kind.UUID))
                .withDefault(new ColumnDefault.Expression("gen_random_uuid()"))))).containsExactly("volatile-default");
        assertThat(rules("mysql", new AddColumn("users", ColumnSchema.of("age", ColumnType.of(ColumnType.Kind.INTEGER)).withNullable(false))))
                .containsExactly("add-not-null-without-default");
        assertThat(rules("sqlite", new DropColumn("users", "name", null))).containsExactly("drop-column-in-use");
        assertThat(rules("sqlite", new RenameColumn("users", "name", "full_name"))).containsExactly("rename-column-in-use");
        assertThat(rules("mysql", new DropTable("orders", null))).containsExactly("drop-table-in-use");
        assertThat(rules("postgresql", new RenameTable("orders", "purchases"))).containsExactly("rename-table-in-use");
        assertThat(rules("sqlite", new AlterColumn("users", NAME.withNullable(false), null))).containsExactly("sqlite-table-rebuild");
        assertThat(rules("postgresql", new RunSql(DialectSql.of(List.of("ALTER TABLE users ADD COLUMN age int")), null, false)))
                .containsExactly("missing-lock-timeout");
    }

    @Test
    void safeFormsStayQuiet() {
        TableSchema fresh = TableSchema.of("payments", List.of(ID, USER_ID));
        assertThat(rules("postgresql", new CreateTable(fresh), new AddIndex("payments", new IndexSchema("idx_p", List.of("user_id"), false, null)),
                new AddForeignKey("payments", new ForeignKeySchema("fk_p", List.of("user_id"), "users", List.of("id"), null, null)))).isEmpty();
        assertThat(rules("postgresql", new AlterColumn("users", NAME.withType(ColumnType.varchar(200)), null))).isEmpty();
        assertThat(rules("postgresql", new AddColumn("users", ColumnSchema.of("created", ColumnType.of(ColumnType.Kind.TIMESTAMP))
                .withDefault(new ColumnDefault.Expression("CURRENT_TIMESTAMP"))))).isEmpty();
        assertThat(rules("mysql", new AddColumn("users", ColumnSchema.of("age", ColumnType.of(ColumnType.Kind.INTEGER))))).isEmpty();
        assertThat(rules("mysql", new AlterColumn("users", NAME.withType(ColumnType.varchar(200)), null))).isEmpty();
        assertThat(rules("mysql", new AddIndex("orders", INDEX))).isEmpty();
        assertThat(rules("sqlite", new AddIndex("orders", INDEX))).isEmpty();
        assertThat(rules("postgresql", new RunSql(DialectSql.of(List.of("SET lock_timeout = '5s'",
                "ALTER TABLE users ADD COLUMN age int")), null, false))).isEmpty();
        assertThat(rules("postgresql", new RunSql(DialectSql.of(List.of("CREATE INDEX CONCURRENTLY idx ON users (name)")), null, false)))
                .isEmpty();
        assertThat(rules("mysql", new RunSql(DialectSql.of(List.of("ALTER TABLE users ADD COLUMN age int")), null, false))).isEmpty();
    }

    @Test
    void suppressionsNeedAReasonAndSilenceOneFinding() {
        LintSuppressions suppressions = LintSuppressions.parse(List.of("0005_change:0:index-not-concurrent=orders has 40 rows"));
        Migration m = migration(new AddIndex("orders", INDEX), new AddIndex("users", new IndexSchema("idx_u", List.of("name"), false, null)));
        List<LintFinding> findings = new MigrationLinter("postgresql", suppressions).lint(m, BEFORE);
        assertThat(findings).extracting(LintFinding::operationIndex).containsExactly(1);
        assertThat(findings.get(0).describe()).contains("0005_change operations[1]").contains("CONCURRENTLY");
        assertThatThrownBy(() -> LintSuppressions.parse(List.of("0005_change:0:index-not-concurrent=")))
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> LintSuppressions.parse(List.of("nonsense")))
                .hasMessageContaining("must be <migration>");
    }

    @Test
    void expressionFieldsCallingServerFileOrProgramFunctionsAreSecurityFindings() {
        String rule = ServerFileAccessRule.ID;
        for (String expression : List.of("lo_import('/etc/passwd') > 0", "pg_read_file('/etc/passwd') IS NOT NULL",
                "length(PG_CATALOG.pg_read_binary_file('x')) > 0", "pg_ls_dir('.') IS NULL", "LOAD_FILE('/etc/passwd') IS NULL",
                "lo_export(1, '/tmp/x') = 1", "\"lo_import\"('/x') > 0", "(SELECT 1 INTO OUTFILE '/tmp/x') = 1",
                "x IN (SELECT 1 INTO DUMPFILE '/tmp/y')", "(COPY t FROM PROGRAM 'id') IS NULL", "load_extension('x') = 1")) {
            ConstraintSchema check = new ConstraintSchema("chk", ConstraintSchema.Kind.CHECK, List.of(), expression);
            ColumnSchema withDefault = NAME.withDefault(new ColumnDefault.Expression(expression));
            IndexSchema partial = new IndexSchema("idx_p", List.of("name"), false, expression);
            for (String dialect : List.of("postgresql", "mysql", "sqlite")) {
                assertThat(rules(dialect, new AddConstraint("users", check))).as(expression).contains(rule);
                assertThat(rules(dialect, new AddColumn("users", withDefault.withName("n2")))).as(expression).contains(rule);
                assertThat(rules(dialect, new AddIndex("users", partial))).as(expression).contains(rule);
                assertThat(rules(dialect, new CreateTable(new TableSchema("t2", List.of(ID, withDefault), List.of("id"),
                        List.of(partial), List.of(), List.of(check))))).as(expression).contains(rule);
            }
        }
        ConstraintSchema harmless = new ConstraintSchema("chk", ConstraintSchema.Kind.CHECK, List.of(),
                "status IN ('lo_import', 'copy', 'program') AND length(name) > 0");
        assertThat(rules("postgresql", new AddConstraint("users", harmless))).doesNotContain(rule);
        // The finding says it is a security one.
        assertThat(new MigrationLinter("postgresql", LintSuppressions.none()).lint(migration(new AddConstraint("users",
                new ConstraintSchema("chk", ConstraintSchema.Kind.CHECK, List.of(), "pg_read_file('/etc/passwd') <> ''"))), BEFORE))
                .filteredOn(f -> f.rule().equals(rule)).singleElement()
                .satisfies(f -> assertThat(f.why()).startsWith("Security:").contains("pg_read_file"));
    }
}
