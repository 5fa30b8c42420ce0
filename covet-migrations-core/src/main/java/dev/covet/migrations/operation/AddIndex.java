package dev.covet.migrations.operation;

import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ADD_INDEX. */
public record AddIndex(String table, IndexSchema index) implements Operation {

    @Override
    public String type() {
        return "ADD_INDEX";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        if (t.index(index.name()).isPresent()) {
            throw new SchemaException("index '" + index.name() + "' already exists on '" + table + "'");
        }
        for (String c : index.columns()) {
            if (t.column(c).isEmpty()) {
                throw new SchemaException("index '" + index.name() + "': column '" + table + "." + c + "' does not exist");
            }
        }
        List<IndexSchema> indexes = new ArrayList<>(t.indexes());
        indexes.add(index);
        return before.withTable(t.withIndexes(indexes));
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        return List.of(new DropIndex(table, index.name(), index));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
