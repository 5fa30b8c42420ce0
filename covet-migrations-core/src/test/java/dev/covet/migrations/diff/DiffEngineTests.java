package dev.covet.migrations.diff;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropIndex;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiffEngineTests {

    private static final ColumnType BIGINT = ColumnType.of(ColumnType.Kind.BIGINT);
    private static final ColumnType INTEGER = ColumnType.of(ColumnType.Kind.INTEGER);

    private static ColumnSchema id() {
        return ColumnSchema.of("id", BIGINT).notNull().asPrimaryKey().autoIncremented();
    }

    private static ColumnSchema varchar(String name) {
        return ColumnSchema.of(name, ColumnType.varchar(255));
    }

    private static ColumnSchema bigint(String name) {
        return ColumnSchema.of(name, BIGINT).notNull();
    }

    private static ForeignKeySchema fk(String name, String column, String table) {
        return new ForeignKeySchema(name, List.of(column), table, List.of("id"), "CASCADE", null);
    }

    private static TableSchema table(String name, List<ColumnSchema> columns, List<IndexSchema> indexes,
                                     List<ForeignKeySchema> fks, List<ConstraintSchema> constraints) {
        return new TableSchema(name, columns, List.of(), indexes, fks, constraints);
    }

    private static TableSchema users() {
        return table("users", List.of(id(), varchar("name"), varchar("email")),
                List.of(new IndexSchema("idx_users_email", List.of("email"), true, null)), List.of(),
                List.of(new ConstraintSchema("ck_users_name", ConstraintSchema.Kind.CHECK, List.of(), "length(name) > 0")));
    }

    private static TableSchema orders() {
        return table("orders", List.of(id(), bigint("user_id"), ColumnSchema.of("total", ColumnType.decimal(10, 2))),
                List.of(new IndexSchema("idx_orders_user", List.of("user_id"), false, null)),
                List.of(fk("fk_orders_user", "user_id", "users")), List.of());
    }

    private static SchemaState schema(TableSchema... tables) {
        return SchemaState.of(List.of(tables));
    }

    /** Diffs, applies the operations one by one, and checks that the result is {@code to}. */
    private static List<Operation> diffApplies(SchemaState from, SchemaState to) {
        return diffApplies(new DiffEngine(), from, to);
    }

    private static List<Operation> diffApplies(DiffEngine engine, SchemaState from, SchemaState to) {
        List<Operation> ops = engine.generateDiff(from, to);
        SchemaState state = from;
        List<SchemaState> before = new ArrayList<>();
        for (Operation op : ops) {
            before.add(state);
            state = op.applyTo(state);
        }
        assertThat(state).isEqualTo(to);
        // And back: each operation's reverse, last first, restores the old schema (up to column order, since
        // a re-added column goes at the end).
        SchemaState back = state;
        for (int i = ops.size() - 1; i >= 0; i--) {
            for (Operation r : ops.get(i).reverse(before.get(i))) {
                back = r.applyTo(back);
            }
        }
        assertThat(canonical(back)).isEqualTo(canonical(from));
        return ops;
    }

    private static SchemaState canonical(SchemaState s) {
        return SchemaState.of(s.tables().values().stream().map(t -> new TableSchema(t.name(),
                t.columns().stream().sorted(Comparator.comparing(ColumnSchema::name)).toList(), t.primaryKey(),
                t.indexes().stream().sorted(Comparator.comparing(IndexSchema::name)).toList(),
                t.foreignKeys().stream().sorted(Comparator.comparing(ForeignKeySchema::name)).toList(),
                t.constraints().stream().sorted(Comparator.comparing(ConstraintSchema::name)).toList())).toList());
    }

    private static List<String> types(List<Operation> ops) {
        return ops.stream().map(Operation::type).toList();
    }

    @Test
    void sameSchemaHasNoDifferences() {
        SchemaState s = schema(users(), orders());
        assertThat(new DiffEngine().generateDiff(s, s)).isEmpty();
        assertThat(new DiffEngine().generateDiff(SchemaState.empty(), SchemaState.empty())).isEmpty();
    }

    @Test
    void createsReferencedTablesFirstWithForeignKeysInline() {
        List<Operation> ops = diffApplies(SchemaState.empty(), schema(orders(), users()));
        assertThat(ops).containsExactly(new CreateTable(users()), new CreateTable(orders()));
    }

    @Test
    void newTablesReferencingEachOtherGetOneKeyAfterwards() {
        TableSchema a = table("a", List.of(id(), bigint("b_id")), List.of(), List.of(fk("fk_a_b", "b_id", "b")), List.of());
        TableSchema b = table("b", List.of(id(), bigint("a_id")), List.of(), List.of(fk("fk_b_a", "a_id", "a")), List.of());
        List<Operation> ops = diffApplies(SchemaState.empty(), schema(a, b));
        assertThat(types(ops)).containsExactly("CREATE_TABLE", "CREATE_TABLE", "ADD_FOREIGN_KEY");
        assertThat(ops.get(2)).isEqualTo(new AddForeignKey("a", fk("fk_a_b", "b_id", "b")));
    }

    @Test
    void selfReferenceStaysInline() {
        TableSchema tree = table("nodes", List.of(id(), ColumnSchema.of("parent_id", BIGINT)), List.of(),
                List.of(fk("fk_nodes_parent", "parent_id", "nodes")), List.of());
        assertThat(diffApplies(SchemaState.empty(), schema(tree))).containsExactly(new CreateTable(tree));
    }

    @Test
    void dropsReferencingTablesFirstWithTheirDefinitions() {
        List<Operation> ops = diffApplies(schema(users(), orders()), SchemaState.empty());
        assertThat(ops).containsExactly(new DropTable("orders", orders()), new DropTable("users", users()));
    }

    @Test
    void dropsTablesInACycleAfterDroppingAKey() {
        TableSchema a = table("a", List.of(id(), bigint("b_id")), List.of(), List.of(fk("fk_a_b", "b_id", "b")), List.of());
        TableSchema b = table("b", List.of(id(), bigint("a_id")), List.of(), List.of(fk("fk_b_a", "a_id", "a")), List.of());
        assertThat(types(diffApplies(schema(a, b), SchemaState.empty())))
                .containsExactly("DROP_FOREIGN_KEY", "DROP_TABLE", "DROP_TABLE");
    }

    @Test
    void droppingAReferencedTableDropsTheKeyOnTheKeptTableFirst() {
        TableSchema ordersWithoutUser = table("orders", List.of(id(), bigint("user_id"), ColumnSchema.of("total", ColumnType.decimal(10, 2))),
                List.of(new IndexSchema("idx_orders_user", List.of("user_id"), false, null)), List.of(), List.of());
        List<Operation> ops = diffApplies(schema(users(), orders()), schema(ordersWithoutUser));
        assertThat(ops).containsExactly(new DropForeignKey("orders", "fk_orders_user", fk("fk_orders_user", "user_id", "users")),
                new DropTable("users", users()));
    }

    @Test
    void addsDropsAndAltersColumns() {
        TableSchema before = TableSchema.of("items", List.of(id(), varchar("title"), varchar("legacy_blob_data"),
                ColumnSchema.of("qty", INTEGER)));
        ColumnSchema qty = ColumnSchema.of("qty", BIGINT).notNull().withDefault(new ColumnDefault.Literal(0));
        ColumnSchema created = ColumnSchema.of("created_on", ColumnType.of(ColumnType.Kind.TIMESTAMP)).notNull().withDefault(new ColumnDefault.Expression("CURRENT_TIMESTAMP"));
        TableSchema after = TableSchema.of("items", List.of(id(), varchar("title"), qty, ColumnSchema.of("price", ColumnType.decimal(10, 2)), created));
        List<Operation> ops = diffApplies(schema(before), schema(after));
        assertThat(ops).containsExactly(
                new DropColumn("items", "legacy_blob_data", varchar("legacy_blob_data")),
                new AddColumn("items", ColumnSchema.of("price", ColumnType.decimal(10, 2))),
                new AddColumn("items", created),
                new AlterColumn("items", qty, ColumnSchema.of("qty", INTEGER)));
    }

    @Test
    void renamesAColumnInsteadOfLosingItsData() {
        TableSchema before = TableSchema.of("users", List.of(id(), varchar("name"), varchar("email"), varchar("created")));
        TableSchema after = TableSchema.of("users", List.of(id(), varchar("username"), varchar("email_address"),
                ColumnSchema.of("created_at", ColumnType.of(ColumnType.Kind.TEXT))));
        List<Operation> ops = diffApplies(schema(before), schema(after));
        assertThat(ops).containsExactly(new RenameColumn("users", "name", "username"),
                new RenameColumn("users", "email", "email_address"), new RenameColumn("users", "created", "created_at"),
                new AlterColumn("users", ColumnSchema.of("created_at", ColumnType.of(ColumnType.Kind.TEXT)), varchar("created_at")));
    }

    @Test
    void aCheckOnARenamedColumnIsDroppedBeforeTheRenameAndAddedAfter() {
        ConstraintSchema before = new ConstraintSchema("ck_users_name", ConstraintSchema.Kind.CHECK, List.of(), "length(name) > 0");
        ConstraintSchema after = new ConstraintSchema("ck_users_username", ConstraintSchema.Kind.CHECK, List.of(), "length(username) > 0");
        ConstraintSchema kept = new ConstraintSchema("ck_users_id", ConstraintSchema.Kind.CHECK, List.of(), "id > 0");
        TableSchema from = table("users", List.of(id(), varchar("name")), List.of(), List.of(), List.of(before, kept));
        TableSchema to = table("users", List.of(id(), varchar("username")), List.of(), List.of(), List.of(kept, after));
        assertThat(diffApplies(schema(from), schema(to))).containsExactly(
                new DropConstraint("users", "ck_users_name", before),
                new RenameColumn("users", "name", "username"),
                new AddConstraint("users", after));
    }

    @Test
    void renamedColumnKeepsItsIndexAndForeignKeys() {
        TableSchema before = table("orders", List.of(id(), bigint("user")), List.of(new IndexSchema("idx_o", List.of("user"), false, null)),
                List.of(fk("fk_o", "user", "users")), List.of());
        TableSchema after = table("orders", List.of(id(), bigint("user_id")), List.of(new IndexSchema("idx_o", List.of("user_id"), false, null)),
                List.of(fk("fk_o", "user_id", "users")), List.of());
        assertThat(diffApplies(schema(users(), before), schema(users(), after)))
                .containsExactly(new RenameColumn("orders", "user", "user_id"));
    }

    @Test
    void withoutDetectionARenameIsADropAndAnAdd() {
        TableSchema before = TableSchema.of("users", List.of(id(), varchar("name")));
        TableSchema after = TableSchema.of("users", List.of(id(), varchar("username")));
        List<Operation> ops = diffApplies(new DiffEngine(new RenameDetector(0.8, false, 10, false)), schema(before), schema(after));
        assertThat(types(ops)).containsExactly("DROP_COLUMN", "ADD_COLUMN");
    }

    @Test
    void renamesATableAndKeysReferencingItFollow() {
        TableSchema customer = TableSchema.of("customer", List.of(id(), varchar("name"), varchar("email")));
        TableSchema customers = customer.withName("customers");
        TableSchema invoicesBefore = table("invoices", List.of(id(), bigint("customer_id")), List.of(),
                List.of(fk("fk_inv_customer", "customer_id", "customer")), List.of());
        TableSchema invoicesAfter = table("invoices", List.of(id(), bigint("customer_id")), List.of(),
                List.of(fk("fk_inv_customer", "customer_id", "customers")), List.of());
        List<Operation> ops = diffApplies(schema(customer, invoicesBefore), schema(customers, invoicesAfter));
        assertThat(ops).containsExactly(new RenameTable("customer", "customers"));
    }

    @Test
    void renamedTableWithOtherChanges() {
        TableSchema product = TableSchema.of("product", List.of(id(), varchar("title"), varchar("sku"), varchar("color")));
        TableSchema products = TableSchema.of("products", List.of(id(), varchar("title"), varchar("sku"), varchar("color"),
                ColumnSchema.of("weight", INTEGER)));
        List<Operation> ops = diffApplies(schema(product), schema(products));
        assertThat(ops).containsExactly(new RenameTable("product", "products"), new AddColumn("products", ColumnSchema.of("weight", INTEGER)));
    }

    @Test
    void indexesConstraintsAndForeignKeys() {
        TableSchema before = users();
        IndexSchema changedEmail = new IndexSchema("idx_users_email", List.of("email", "name"), true, null);
        IndexSchema nameIdx = new IndexSchema("idx_users_name", List.of("name"), false, "name IS NOT NULL");
        ConstraintSchema uniqueName = new ConstraintSchema("uq_users_name", ConstraintSchema.Kind.UNIQUE, List.of("name"), null);
        TableSchema after = table("users", before.columns(), List.of(changedEmail, nameIdx), List.of(), List.of(uniqueName));
        List<Operation> ops = diffApplies(schema(before), schema(after));
        assertThat(ops).containsExactly(
                new DropIndex("users", "idx_users_email", before.indexes().get(0)),
                new DropConstraint("users", "ck_users_name", before.constraints().get(0)),
                new AddIndex("users", changedEmail), new AddIndex("users", nameIdx),
                new AddConstraint("users", uniqueName));
    }

    @Test
    void addsAndChangesForeignKeys() {
        TableSchema ordersNoFk = table("orders", orders().columns(), orders().indexes(), List.of(), List.of());
        assertThat(diffApplies(schema(users(), ordersNoFk), schema(users(), orders())))
                .containsExactly(new AddForeignKey("orders", fk("fk_orders_user", "user_id", "users")));
        ForeignKeySchema setNull = new ForeignKeySchema("fk_orders_user", List.of("user_id"), "users", List.of("id"), "SET NULL", null);
        TableSchema ordersSetNull = table("orders", orders().columns(), orders().indexes(), List.of(setNull), List.of());
        assertThat(diffApplies(schema(users(), orders()), schema(users(), ordersSetNull))).containsExactly(
                new DropForeignKey("orders", "fk_orders_user", orders().foreignKeys().get(0)), new AddForeignKey("orders", setNull));
    }

    @Test
    void retypingAReferencedColumnDropsAndRestoresTheKeyAroundIt() {
        TableSchema usersInt = table("users", List.of(ColumnSchema.of("id", INTEGER).notNull().asPrimaryKey().autoIncremented(),
                varchar("name"), varchar("email")), users().indexes(), List.of(), users().constraints());
        TableSchema ordersInt = table("orders", List.of(id(), ColumnSchema.of("user_id", INTEGER).notNull(),
                ColumnSchema.of("total", ColumnType.decimal(10, 2))), orders().indexes(), orders().foreignKeys(), List.of());
        List<Operation> ops = diffApplies(schema(usersInt, ordersInt), schema(users(), orders()));
        assertThat(types(ops)).containsExactly("DROP_FOREIGN_KEY", "ALTER_COLUMN", "ALTER_COLUMN", "ADD_FOREIGN_KEY");
    }

    @Test
    void aNewTableReferencingANewColumnGetsItsKeyAtTheEnd() {
        TableSchema accounts = TableSchema.of("accounts", List.of(id()));
        TableSchema accountsWithCode = TableSchema.of("accounts", List.of(id(), ColumnSchema.of("code", BIGINT).asUnique()));
        ForeignKeySchema byCode = new ForeignKeySchema("fk_sub_code", List.of("account_code"), "accounts", List.of("code"), null, null);
        TableSchema subs = table("subs", List.of(id(), ColumnSchema.of("account_code", BIGINT)), List.of(), List.of(byCode), List.of());
        List<Operation> ops = diffApplies(schema(accounts), schema(accountsWithCode, subs));
        assertThat(types(ops)).containsExactly("CREATE_TABLE", "ADD_COLUMN", "ADD_FOREIGN_KEY");
    }

    @Test
    void aNewPrimaryKeyColumnIsAnAdd() {
        TableSchema before = TableSchema.of("logs", List.of(varchar("line")));
        TableSchema after = TableSchema.of("logs", List.of(varchar("line"), id()));
        assertThat(diffApplies(schema(before), schema(after))).containsExactly(new AddColumn("logs", id()));
    }

    @Test
    void aChangedPrimaryKeyIsRefused() {
        TableSchema before = TableSchema.of("t", List.of(id(), bigint("other")));
        TableSchema after = new TableSchema("t", List.of(bigint("id"), bigint("other")), List.of("id", "other"),
                List.of(), List.of(), List.of());
        assertThatThrownBy(() -> new DiffEngine().generateDiff(schema(before), schema(after)))
                .isInstanceOf(UnsupportedSchemaChangeException.class).hasMessageContaining("primary key of table 't'");
    }

    @Test
    void theSameKeyColumnsInAnotherOrderAreNoChange() {
        // A join table written before the model followed Hibernate's column ordering: its key stays as it is.
        TableSchema before = new TableSchema("book_authors", List.of(bigint("book_id"), bigint("author_id")),
                List.of("book_id", "author_id"), List.of(), List.of(), List.of());
        TableSchema after = new TableSchema("book_authors", List.of(bigint("author_id"), bigint("book_id")),
                List.of("author_id", "book_id"), List.of(), List.of(), List.of());
        assertThat(new DiffEngine().generateDiff(schema(before), schema(after))).isEmpty();
    }

    @Test
    void everythingAtOnce() {
        TableSchema tags = TableSchema.of("tags", List.of(id(), varchar("label")));
        TableSchema profile = table("profiles", List.of(id(), bigint("user_id"), ColumnSchema.of("bio", ColumnType.of(ColumnType.Kind.TEXT))),
                List.of(), List.of(fk("fk_profiles_user", "user_id", "users")), List.of());
        SchemaState from = schema(users(), orders(), tags);
        TableSchema usersAfter = table("users", List.of(id(), varchar("username"), varchar("email"),
                ColumnSchema.of("active", ColumnType.of(ColumnType.Kind.BOOLEAN)).notNull().withDefault(new ColumnDefault.Literal(true))),
                users().indexes(), List.of(), users().constraints());
        TableSchema ordersAfter = table("orders", List.of(id(), bigint("user_id")),
                List.of(), List.of(fk("fk_orders_user", "user_id", "users")), List.of());
        SchemaState to = schema(profile, usersAfter, ordersAfter);
        List<Operation> ops = diffApplies(from, to);
        assertThat(types(ops)).containsExactly("RENAME_COLUMN", "DROP_INDEX", "DROP_COLUMN", "DROP_TABLE",
                "CREATE_TABLE", "ADD_COLUMN");
    }

    @Test
    void aUniqueColumnKeepsTheUniqueKeyTheDatabaseNamedItself() {
        ColumnSchema email = ColumnSchema.of("email", ColumnType.varchar(200));
        // PostgreSQL names an inline UNIQUE <table>_<column>_key; MySQL names its unique index after the column.
        TableSchema postgres = table("accounts", List.of(id(), email), List.of(), List.of(),
                List.of(new ConstraintSchema("accounts_email_key", ConstraintSchema.Kind.UNIQUE, List.of("email"), null)));
        TableSchema mysql = table("accounts", List.of(id(), email), List.of(new IndexSchema("email", List.of("email"), true, null)),
                List.of(), List.of());
        SchemaState model = SchemaState.of(List.of(table("accounts", List.of(id(), email.withUnique(true),
                varchar("phone")), List.of(), List.of(), List.of())));

        assertThat(new DiffEngine().generateDiff(SchemaState.of(List.of(postgres)), model))
                .containsExactly(new AddColumn("accounts", varchar("phone")));
        assertThat(new DiffEngine().generateDiff(SchemaState.of(List.of(mysql)), model))
                .containsExactly(new AddColumn("accounts", varchar("phone")));
        // Not unique in the model any more: the key goes, by its real name.
        SchemaState notUnique = SchemaState.of(List.of(table("accounts", List.of(id(), email), List.of(), List.of(), List.of())));
        assertThat(new DiffEngine().generateDiff(SchemaState.of(List.of(postgres)), notUnique))
                .extracting(Operation::type).containsExactly("DROP_CONSTRAINT");
        // A key over more columns is another thing: the column's own unique key is added.
        TableSchema pair = table("accounts", List.of(id(), email, varchar("phone")), List.of(), List.of(),
                List.of(new ConstraintSchema("uk_pair", ConstraintSchema.Kind.UNIQUE, List.of("email", "phone"), null)));
        assertThat(new DiffEngine().generateDiff(SchemaState.of(List.of(pair)), model))
                .extracting(Operation::type).containsExactly("DROP_CONSTRAINT", "ALTER_COLUMN");
    }
}
