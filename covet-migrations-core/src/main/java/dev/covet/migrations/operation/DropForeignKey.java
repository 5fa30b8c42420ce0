package dev.covet.migrations.operation;

import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Set;

/** DROP_FOREIGN_KEY. */
public record DropForeignKey(String table, String foreignKey, ForeignKeySchema previous) implements Operation {

    @Override
    public String type() {
        return "DROP_FOREIGN_KEY";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        if (t.foreignKey(foreignKey).isEmpty()) {
            throw new SchemaException("foreign key '" + foreignKey + "' does not exist on '" + table + "'");
        }
        return before.withTable(t.withForeignKeys(t.foreignKeys().stream().filter(f -> !f.name().equals(foreignKey)).toList()));
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        ForeignKeySchema definition = before.table(table).flatMap(t -> t.foreignKey(foreignKey)).orElse(previous);
        if (definition == null) {
            throw new IrreversibleOperationException("DROP_FOREIGN_KEY " + foreignKey + ": the dropped definition is unknown");
        }
        return List.of(new AddForeignKey(table, definition));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
