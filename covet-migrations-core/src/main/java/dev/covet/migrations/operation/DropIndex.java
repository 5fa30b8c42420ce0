package dev.covet.migrations.operation;

import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Set;

/** DROP_INDEX. */
public record DropIndex(String table, String index, IndexSchema previous) implements Operation {

    @Override
    public String type() {
        return "DROP_INDEX";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        if (t.index(index).isEmpty()) {
            throw new SchemaException("index '" + index + "' does not exist on '" + table + "'");
        }
        return before.withTable(t.withIndexes(t.indexes().stream().filter(i -> !i.name().equals(index)).toList()));
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        IndexSchema definition = before.table(table).flatMap(t -> t.index(index)).orElse(previous);
        if (definition == null) {
            throw new IrreversibleOperationException("DROP_INDEX " + index + ": the dropped definition is unknown");
        }
        return List.of(new AddIndex(table, definition));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
