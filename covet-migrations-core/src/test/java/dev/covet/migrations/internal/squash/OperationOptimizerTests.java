package dev.covet.migrations.internal.squash;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OperationOptimizerTests {

    private final OperationOptimizer optimizer = new OperationOptimizer();

    private static final ColumnSchema ID = ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.BIGINT)).notNull().asPrimaryKey().autoIncremented();
    private static final TableSchema USERS = TableSchema.of("users", List.of(ID));
    private static final SchemaState WITH_USERS = SchemaState.of(List.of(USERS));

    private static SchemaState project(SchemaState base, List<Operation> ops) {
        SchemaState s = base;
        for (Operation op : ops) {
            s = op.applyTo(s);
        }
        return s;
    }

    private List<Operation> optimizeKeepingSchema(SchemaState base, List<Operation> ops) {
        List<Operation> optimized = optimizer.optimize(ops);
        assertThat(project(base, optimized)).isEqualTo(project(base, ops));
        return optimized;
    }

    @Test
    void columnEvolutionBecomesOneAdd() {
        ColumnSchema email100 = ColumnSchema.of("email", ColumnType.varchar(100));
        List<Operation> ops = optimizeKeepingSchema(WITH_USERS, List.of(
                new AddColumn("users", email100),
                new AlterColumn("users", email100.withType(ColumnType.varchar(255)), email100),
                new AlterColumn("users", email100.withType(ColumnType.varchar(255)).withNullable(false), null)));
        assertThat(ops).containsExactly(new AddColumn("users", email100.withType(ColumnType.varchar(255)).withNullable(false)));
    }

    @Test
    void indexCreatedThenDroppedDisappears() {
        IndexSchema email = new IndexSchema("idx_users_email", List.of("id"), false, null);
        IndexSchema lower = new IndexSchema("idx_users_email_lower", List.of("id"), false, null);
        List<Operation> ops = optimizeKeepingSchema(WITH_USERS, List.of(new AddIndex("users", email),
                new DropIndex("users", "idx_users_email", null), new AddIndex("users", lower)));
        assertThat(ops).containsExactly(new AddIndex("users", lower));
    }

    @Test
    void addedThenDroppedColumnDisappears() {
        List<Operation> ops = optimizeKeepingSchema(WITH_USERS, List.of(
                new AddColumn("users", ColumnSchema.of("temp_field", ColumnType.of(ColumnType.Kind.INTEGER))),
                new DropColumn("users", "temp_field", null)));
        assertThat(ops).isEmpty();
    }

    @Test
    void tableCreatedThenChangedBecomesOneCreateAndRenamesFold() {
        List<Operation> original = List.of(
                new CreateTable(USERS),
                new CreateTable(TableSchema.of("orders", List.of(ID, ColumnSchema.of("user_id", ColumnType.of(ColumnType.Kind.BIGINT))))),
                new AddColumn("users", ColumnSchema.of("name", ColumnType.varchar(50))),
                new RenameColumn("users", "name", "full_name"),
                new AddForeignKey("orders", new ForeignKeySchema("fk_orders_user", List.of("user_id"), "users", List.of("id"), "CASCADE", null)),
                new RenameTable("orders", "purchases"),
                new AddIndex("purchases", new IndexSchema("idx_p_user", List.of("user_id"), false, null)));
        List<Operation> ops = optimizeKeepingSchema(SchemaState.empty(), original);
        assertThat(ops).hasSize(2).allMatch(op -> op instanceof CreateTable);
        assertThat(((CreateTable) ops.get(1)).table().name()).isEqualTo("purchases");
    }

    @Test
    void createdThenDroppedTableDisappearsAndRenameChainsCollapse() {
        assertThat(optimizeKeepingSchema(SchemaState.empty(), List.of(new CreateTable(USERS), new DropTable("users", null)))).isEmpty();
        assertThat(optimizeKeepingSchema(WITH_USERS, List.of(new RenameTable("users", "people"), new RenameTable("people", "members"))))
                .containsExactly(new RenameTable("users", "members"));
        assertThat(optimizeKeepingSchema(WITH_USERS, List.of(new RenameColumn("users", "id", "key"), new RenameColumn("users", "key", "id"))))
                .isEmpty();
    }

    @Test
    void runSqlIsABarrierUnlessElidable() {
        ColumnSchema temp = ColumnSchema.of("temp", ColumnType.of(ColumnType.Kind.INTEGER));
        RunSql barrier = new RunSql(DialectSql.of(List.of("UPDATE users SET temp = 1")), null, false);
        List<Operation> kept = optimizer.optimize(List.of(new AddColumn("users", temp), barrier, new DropColumn("users", "temp", null)));
        assertThat(kept).hasSize(3);
        RunSql elidable = new RunSql(DialectSql.of(List.of("UPDATE users SET temp = 1")), null, true);
        assertThat(optimizer.optimize(List.of(new AddColumn("users", temp), elidable, new DropColumn("users", "temp", null)))).isEmpty();
    }

    @Test
    void operationsOnTheSameTableKeepTheirOrderOthersMayBePassed() {
        ColumnSchema a = ColumnSchema.of("a", ColumnType.of(ColumnType.Kind.INTEGER));
        TableSchema other = TableSchema.of("other", List.of(ID));
        SchemaState base = SchemaState.of(List.of(USERS, other));
        // The add on users folds with its drop across an unrelated table's change.
        assertThat(optimizeKeepingSchema(base, List.of(new AddColumn("users", a),
                new AddColumn("other", a), new DropColumn("users", "a", null)))).containsExactly(new AddColumn("other", a));
        // A drop of the same table in between stops folding.
        List<Operation> blocked = List.of(new AddColumn("users", a), new RenameTable("users", "people"),
                new RenameTable("people", "users"), new DropColumn("users", "a", null));
        assertThat(project(base, optimizer.optimize(blocked))).isEqualTo(project(base, blocked));
    }

    @Test
    void tableCreatedThenAlteredBecomesOneCreateWithTheFinalShape() {
        ColumnSchema name = ColumnSchema.of("name", ColumnType.varchar(50));
        List<Operation> ops = optimizeKeepingSchema(SchemaState.empty(), List.of(
                new CreateTable(TableSchema.of("users", List.of(ID, name))),
                new AlterColumn("users", name.withType(ColumnType.varchar(200)).withNullable(false), name),
                new RenameColumn("users", "name", "full_name")));
        assertThat(ops).containsExactly(new CreateTable(TableSchema.of("users",
                List.of(ID, name.withType(ColumnType.varchar(200)).withNullable(false).withName("full_name")))));
    }

    @Test
    void addedColumnRenamedBecomesOneAddUnderTheNewName() {
        ColumnSchema nick = ColumnSchema.of("nick", ColumnType.varchar(20));
        assertThat(optimizeKeepingSchema(WITH_USERS, List.of(new AddColumn("users", nick), new RenameColumn("users", "nick", "nickname"))))
                .containsExactly(new AddColumn("users", nick.withName("nickname")));
    }

    @Test
    void runJavaIsABarrierUnlessElidable() {
        ColumnSchema temp = ColumnSchema.of("temp", ColumnType.of(ColumnType.Kind.INTEGER));
        List<Operation> kept = optimizer.optimize(List.of(new AddColumn("users", temp), new RunJava("fill_temp", false),
                new DropColumn("users", "temp", null)));
        assertThat(kept).hasSize(3);
        assertThat(optimizer.optimize(List.of(new AddColumn("users", temp), new RunJava("fill_temp", true),
                new DropColumn("users", "temp", null)))).isEmpty();
    }

    @Test
    void operationsOnOneTableKeepTheirOrderAcrossABarrier() {
        ColumnSchema a = ColumnSchema.of("a", ColumnType.of(ColumnType.Kind.INTEGER));
        RunSql fill = new RunSql(DialectSql.of(List.of("UPDATE users SET a = 1")), null, false);
        List<Operation> ops = List.of(new AddColumn("users", a), fill, new AlterColumn("users", a.withNullable(false), a));
        // The ALTER must not move before the UPDATE that fills the column it makes NOT NULL.
        assertThat(optimizer.optimize(ops)).isEqualTo(ops);
    }

    @Test
    void renameOfAReferencedTableDoesNotFoldPastTheTableThatReferencesIt() {
        TableSchema posts = TableSchema.of("posts", List.of(ID, ColumnSchema.of("author_id", ColumnType.of(ColumnType.Kind.BIGINT))))
                .withForeignKeys(List.of(new ForeignKeySchema("fk_posts_author", List.of("author_id"), "authors", List.of("id"), null, null)));
        List<Operation> ops = optimizeKeepingSchema(SchemaState.empty(), List.of(new CreateTable(TableSchema.of("authors", List.of(ID))),
                new CreateTable(posts), new RenameTable("authors", "writers")));
        // Each table is created before anything references it.
        assertThat(ops.get(0)).isInstanceOf(CreateTable.class);
        assertThat(((CreateTable) ops.get(0)).table().name()).isIn("authors", "writers");
        assertThat(((CreateTable) ops.get(1)).table().foreignKeys()).singleElement()
                .extracting(ForeignKeySchema::referencedTable).isEqualTo(((CreateTable) ops.get(0)).table().name());
    }

    @Test
    void renameOfAReferencedColumnDoesNotFoldPastTheForeignKeyThatNamesIt() {
        TableSchema posts = TableSchema.of("posts", List.of(ID, ColumnSchema.of("author_id", ColumnType.of(ColumnType.Kind.BIGINT))))
                .withForeignKeys(List.of(new ForeignKeySchema("fk_posts_author", List.of("author_id"), "authors", List.of("id"), null, null)));
        List<Operation> original = List.of(new CreateTable(TableSchema.of("authors", List.of(ID))), new CreateTable(posts),
                new RenameColumn("authors", "id", "author_key"));
        List<Operation> ops = optimizeKeepingSchema(SchemaState.empty(), original);
        CreateTable first = (CreateTable) ops.get(0);
        assertThat(first.table().name()).isEqualTo("authors");
        // The foreign key, where it is created, names a column that exists at that point.
        assertThat(((CreateTable) ops.get(1)).table().foreignKeys().get(0).referencedColumns())
                .allSatisfy(c -> assertThat(first.table().column(c)).isPresent());
    }

    @Test
    void indexAndColumnThatLivedAmongOtherChangesOfTheirTableDisappear() {
        ColumnSchema nick = ColumnSchema.of("nick", ColumnType.varchar(20));
        ColumnSchema note = ColumnSchema.of("note", ColumnType.varchar(20));
        IndexSchema byNick = new IndexSchema("idx_users_nick", List.of("nick"), false, null);
        SchemaState base = SchemaState.of(List.of(TableSchema.of("users", List.of(ID, nick))));
        List<Operation> ops = optimizeKeepingSchema(base, List.of(
                new AddIndex("users", byNick),
                new AddColumn("users", note),
                new AlterColumn("users", nick.withType(ColumnType.varchar(80)), nick),
                new AlterColumn("users", note.withType(ColumnType.varchar(200)), note),
                new DropIndex("users", "idx_users_nick", null),
                new DropColumn("users", "note", null)));
        assertThat(ops).containsExactly(new AlterColumn("users", nick.withType(ColumnType.varchar(80)), nick));
    }

    @Test
    void anIndexOnTheAddedColumnKeepsTheColumnsChangesInPlace() {
        ColumnSchema note = ColumnSchema.of("note", ColumnType.varchar(20));
        IndexSchema byNote = new IndexSchema("idx_users_note", List.of("note"), false, null);
        List<Operation> original = List.of(new AddColumn("users", note), new AddIndex("users", byNote),
                new RenameColumn("users", "note", "remark"));
        // The index names the column: the rename cannot fold into the ADD_COLUMN past it.
        assertThat(optimizeKeepingSchema(WITH_USERS, original)).isEqualTo(original);
    }

    @Test
    void changesOfAReferencedTableThatLeaveItsKeysAloneFoldPastTheTableThatReferencesIt() {
        ColumnSchema authorId = ColumnSchema.of("author_id", ColumnType.of(ColumnType.Kind.BIGINT));
        ColumnSchema bio = ColumnSchema.of("bio", ColumnType.varchar(200));
        IndexSchema byBio = new IndexSchema("idx_authors_bio", List.of("bio"), false, null);
        TableSchema posts = TableSchema.of("posts", List.of(ID, authorId))
                .withForeignKeys(List.of(new ForeignKeySchema("fk_posts_author", List.of("author_id"), "authors", List.of("id"), null, null)));
        List<Operation> ops = optimizeKeepingSchema(SchemaState.empty(), List.of(
                new CreateTable(TableSchema.of("authors", List.of(ID))),
                new CreateTable(posts),
                new AddColumn("authors", bio),
                new AddIndex("authors", byBio),
                new AlterColumn("authors", bio.withType(ColumnType.varchar(400)), bio)));
        assertThat(ops).hasSize(2);
        CreateTable authors = (CreateTable) ops.get(0);
        assertThat(authors.table().name()).isEqualTo("authors");
        assertThat(authors.table().column("bio")).get().extracting(ColumnSchema::type).isEqualTo(ColumnType.varchar(400));
        assertThat(((CreateTable) ops.get(1)).table().name()).isEqualTo("posts");
    }

    @Test
    void aReferencedKeyColumnChangedOrDroppedStaysAfterTheTableThatReferencesIt() {
        ColumnSchema code = ColumnSchema.of("code", ColumnType.varchar(10));
        TableSchema authors = TableSchema.of("authors", List.of(ID, code));
        TableSchema posts = TableSchema.of("posts", List.of(ID, ColumnSchema.of("author_code", ColumnType.varchar(10))))
                .withForeignKeys(List.of(new ForeignKeySchema("fk_posts_author", List.of("author_code"), "authors", List.of("code"), null, null)));
        List<Operation> original = List.of(new CreateTable(authors), new CreateTable(posts),
                new AlterColumn("authors", code.withType(ColumnType.varchar(20)), code));
        // The key was made against code as VARCHAR(10); widening it first would change what the key was made on.
        assertThat(optimizeKeepingSchema(SchemaState.empty(), original)).isEqualTo(original);
        List<Operation> dropIndex = List.of(new CreateTable(authors.withIndexes(List.of(new IndexSchema("uq_code", List.of("code"), true, null)))),
                new CreateTable(posts), new DropIndex("authors", "uq_code", new IndexSchema("uq_code", List.of("code"), true, null)));
        assertThat(optimizeKeepingSchema(SchemaState.empty(), dropIndex)).isEqualTo(dropIndex);
    }
}
