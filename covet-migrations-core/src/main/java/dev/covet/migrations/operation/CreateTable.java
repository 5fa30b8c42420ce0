package dev.covet.migrations.operation;

import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Set;

/** CREATE_TABLE: a table with its columns, primary key, foreign keys, indexes and constraints. */
public record CreateTable(TableSchema table) implements Operation {

    @Override
    public String type() {
        return "CREATE_TABLE";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        if (before.hasTable(table.name())) {
            throw new SchemaException("table '" + table.name() + "' already exists");
        }
        return before.withTable(table);
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        return List.of(new DropTable(table.name(), table));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table.name());
    }
}
