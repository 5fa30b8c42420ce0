package dev.covet.migrations.operation;

import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.Set;

/** RENAME_TABLE. */
public record RenameTable(String table, String newName) implements Operation {

    @Override
    public String type() {
        return "RENAME_TABLE";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        before.requireTable(table);
        if (before.hasTable(newName)) {
            throw new SchemaException("cannot rename table '" + table + "' to '" + newName + "': it already exists");
        }
        return before.withTableRenamed(table, newName);
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        return List.of(new RenameTable(newName, table));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table, newName);
    }
}
