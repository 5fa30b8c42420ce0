package dev.covet.migrations.internal.diff;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.MappingDefaults;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DatabaseChoices}: what is kept from the current schema, and what is still a change. */
class DatabaseChoicesTests {

    private static final ColumnType BIGINT = ColumnType.of(ColumnType.Kind.BIGINT);

    private static SchemaState schema(List<String> primaryKey, ForeignKeySchema key) {
        return SchemaState.of(List.of(
                TableSchema.of("shops", List.of(ColumnSchema.of("id", BIGINT).notNull().asPrimaryKey())),
                new TableSchema("stock", List.of(ColumnSchema.of("shop_id", BIGINT).notNull(), ColumnSchema.of("code", BIGINT).notNull()),
                        primaryKey, List.of(), List.of(key), List.of())));
    }

    private static ForeignKeySchema key(String name, String onDelete) {
        return new ForeignKeySchema(name, List.of("shop_id"), "shops", List.of("id"), onDelete, null);
    }

    @Test
    void aConventionallyNamedKeyTakesTheNameOfTheSameKeyInTheDatabase() {
        SchemaState current = schema(List.of("code", "shop_id"), key("FKab12", null));
        DatabaseChoices.Kept kept = DatabaseChoices.keep(current, schema(List.of("shop_id", "code"), key("fk_stock_shop_id", null)));
        assertThat(kept.target()).isEqualTo(current);
        assertThat(kept.notes()).hasSize(2);
    }

    @Test
    void anExplicitNameOrAnotherDefinitionIsStillAChange() {
        SchemaState current = schema(List.of("shop_id", "code"), key("FKab12", null));
        SchemaState renamed = schema(List.of("shop_id", "code"), key("stock_belongs_to_shop", null));
        assertThat(DatabaseChoices.keep(current, renamed).target()).isEqualTo(renamed);
        SchemaState cascading = schema(List.of("shop_id", "code"), key("fk_stock_shop_id", "CASCADE"));
        DatabaseChoices.Kept kept = DatabaseChoices.keep(current, cascading);
        assertThat(kept.target()).isEqualTo(cascading);
        assertThat(kept.notes()).isEmpty();
    }

    private static SchemaState orders(ColumnType status, List<ConstraintSchema> constraints, List<IndexSchema> indexes) {
        return SchemaState.of(List.of(new TableSchema("orders", List.of(
                ColumnSchema.of("id", BIGINT).notNull().asPrimaryKey(),
                ColumnSchema.of("shop", BIGINT), ColumnSchema.of("code", ColumnType.varchar(20)),
                ColumnSchema.of("quantity", BIGINT), ColumnSchema.of("status", status)),
                List.of("id"), indexes, List.of(), constraints)));
    }

    private static ConstraintSchema check(String name, String expression) {
        return new ConstraintSchema(name, ConstraintSchema.Kind.CHECK, List.of(), expression);
    }

    private static ConstraintSchema unique(String name) {
        return new ConstraintSchema(name, ConstraintSchema.Kind.UNIQUE, List.of("shop", "code"), null);
    }

    private static final MappingDefaults STATUS_ENUM = new MappingDefaults(
            Map.of("orders", List.of("status in ('OPEN','SHIPPED')")), Map.of("orders", Map.of("status", List.of("OPEN", "SHIPPED"))));

    @Test
    void anUnnamedUniqueKeyTakesTheDatabasesNameAsConstraintOrIndex() {
        SchemaState wanted = orders(ColumnType.varchar(10), List.of(unique("uk_orders_shop_code")), List.of());
        SchemaState postgres = orders(ColumnType.varchar(10), List.of(unique("orders_shop_code_key")), List.of());
        assertThat(DatabaseChoices.keep(postgres, wanted).target()).isEqualTo(postgres);
        SchemaState mysql = orders(ColumnType.varchar(10), List.of(),
                List.of(new IndexSchema("UKqo5hwhui7kx", List.of("shop", "code"), true, null)));
        assertThat(DatabaseChoices.keep(mysql, wanted).target()).isEqualTo(mysql);
        // Named by the entities, or over other columns: a change.
        SchemaState named = orders(ColumnType.varchar(10), List.of(unique("one_code_per_shop")), List.of());
        assertThat(DatabaseChoices.keep(postgres, named).target()).isEqualTo(named);
        SchemaState other = orders(ColumnType.varchar(10), List.of(new ConstraintSchema("orders_code_shop_key",
                ConstraintSchema.Kind.UNIQUE, List.of("code", "shop"), null)), List.of());
        assertThat(DatabaseChoices.keep(other, wanted).target()).isEqualTo(wanted);
    }

    @Test
    void theSameCheckUnderTheDatabasesNameOrWordingIsKept() {
        SchemaState wanted = orders(ColumnType.varchar(10), List.of(check("ck_orders_quantity", "quantity > 0"),
                check("positive_shop", "shop >= 0")), List.of());
        SchemaState database = orders(ColumnType.varchar(10), List.of(check("CONSTRAINT_1", "`quantity` > 0"),
                check("positive_shop", "shop >= (0)::numeric")), List.of());
        DatabaseChoices.Kept kept = DatabaseChoices.keep(database, wanted);
        assertThat(kept.target()).isEqualTo(database);
        assertThat(kept.notes()).hasSize(2);
        // Another expression, or an explicit name the database lacks: a change.
        SchemaState stricter = orders(ColumnType.varchar(10), List.of(check("ck_orders_quantity", "quantity > 1"),
                check("positive_shop", "shop > 0")), List.of());
        assertThat(DatabaseChoices.keep(database, stricter).target()).isEqualTo(stricter);
        SchemaState renamed = orders(ColumnType.varchar(10), List.of(check("positive_quantity", "quantity > 0"),
                check("positive_shop", "shop >= 0")), List.of());
        assertThat(DatabaseChoices.keep(database, renamed).target().tables().get("orders").constraints())
                .extracting(ConstraintSchema::name).containsExactly("positive_quantity", "positive_shop");
    }

    @Test
    void theCheckHibernateDerivesIsKeptOnlyWithTheEnumsValues() {
        SchemaState wanted = orders(ColumnType.varchar(10), List.of(), List.of());
        SchemaState database = orders(ColumnType.varchar(10), List.of(check("orders_status_check",
                "(status)::text = ANY ((ARRAY['OPEN'::character varying, 'SHIPPED'::character varying])::text[])")), List.of());
        assertThat(DatabaseChoices.keep(database, wanted, STATUS_ENUM, false).target()).isEqualTo(database);
        // Without the mapping's word, or once the enum gained a constant, the check goes.
        assertThat(DatabaseChoices.keep(database, wanted).target()).isEqualTo(wanted);
        MappingDefaults grown = new MappingDefaults(Map.of("orders", List.of("status in ('OPEN','SHIPPED','LOST')")), Map.of());
        assertThat(DatabaseChoices.keep(database, wanted, grown, false).target()).isEqualTo(wanted);
    }

    @Test
    void aMySqlEnumColumnOfExactlyTheEnumsConstantsIsKept() {
        SchemaState wanted = orders(ColumnType.varchar(255), List.of(), List.of());
        SchemaState database = orders(ColumnType.nativeType("mysql", "enum('SHIPPED','OPEN')"), List.of(), List.of());
        DatabaseChoices.Kept kept = DatabaseChoices.keep(database, wanted, STATUS_ENUM, false);
        assertThat(kept.target()).isEqualTo(database);
        assertThat(kept.notes()).singleElement().asString().contains("enum('SHIPPED','OPEN')");
        SchemaState fewer = orders(ColumnType.nativeType("mysql", "enum('OPEN')"), List.of(), List.of());
        assertThat(DatabaseChoices.keep(fewer, wanted, STATUS_ENUM, false).target()).isEqualTo(wanted);
        assertThat(DatabaseChoices.keep(database, wanted).target()).isEqualTo(wanted);
    }

    @Test
    void aRowidKeyIsKeptWhereTheDatabaseAssignsIt() {
        SchemaState wanted = SchemaState.of(List.of(TableSchema.of("tags",
                List.of(ColumnSchema.of("id", BIGINT).notNull().asPrimaryKey().withAutoIncrement(true)))));
        SchemaState database = SchemaState.of(List.of(TableSchema.of("tags",
                List.of(ColumnSchema.of("id", ColumnType.of(ColumnType.Kind.INTEGER)).notNull().asPrimaryKey()))));
        assertThat(DatabaseChoices.keep(database, wanted, MappingDefaults.NONE, true).target()).isEqualTo(database);
        assertThat(DatabaseChoices.keep(database, wanted, MappingDefaults.NONE, false).target()).isEqualTo(wanted);
    }
}
