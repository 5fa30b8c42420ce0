package dev.covet.migrations.internal.diff;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

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
}
