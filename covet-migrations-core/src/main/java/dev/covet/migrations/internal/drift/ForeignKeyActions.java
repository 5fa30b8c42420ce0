package dev.covet.migrations.internal.drift;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The foreign-key actions of a projected schema as the database stores them ({@link Dialect#storedForeignKeyAction}),
 * so a file's {@code on_delete: RESTRICT} is not drift on MySQL, whose catalog cannot tell it from no clause.
 */
final class ForeignKeyActions {

    private ForeignKeyActions() {
    }

    static SchemaState asStoredBy(Dialect dialect, SchemaState schema) {
        if (dialect == null) {
            return schema;
        }
        List<TableSchema> tables = new ArrayList<>();
        boolean changed = false;
        for (TableSchema table : schema.tables().values()) {
            List<ForeignKeySchema> keys = table.foreignKeys().stream().map(k -> stored(dialect, k)).toList();
            boolean same = keys.equals(table.foreignKeys());
            tables.add(same ? table : table.withForeignKeys(keys));
            changed |= !same;
        }
        return changed ? SchemaState.of(tables) : schema;
    }

    private static ForeignKeySchema stored(Dialect dialect, ForeignKeySchema k) {
        return k.withActions(dialect.storedForeignKeyAction(k.onDelete()), dialect.storedForeignKeyAction(k.onUpdate()));
    }
}
