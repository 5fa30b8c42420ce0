package dev.covet.migrations.operation;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ADD_COLUMN. */
public record AddColumn(String table, ColumnSchema column) implements Operation {

    @Override
    public String type() {
        return "ADD_COLUMN";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        if (t.column(column.name()).isPresent()) {
            throw new SchemaException("column '" + table + "." + column.name() + "' already exists");
        }
        List<ColumnSchema> columns = new ArrayList<>(t.columns());
        columns.add(column);
        List<String> pk = new ArrayList<>(t.primaryKey());
        if (column.primaryKey()) {
            pk.add(column.name());
        }
        return before.withTable(new TableSchema(t.name(), columns, pk, t.indexes(), t.foreignKeys(), t.constraints()));
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        return List.of(new DropColumn(table, column.name(), column));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
