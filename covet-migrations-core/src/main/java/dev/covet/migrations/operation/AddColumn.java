package dev.covet.migrations.operation;

import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ADD_COLUMN.
 *
 * @param table the table
 * @param column the new column
 * @param fillExistingRows the value rows that already exist get, for a NOT NULL column without a default of its
 *        own (file key {@code fill_existing_rows}); {@code null} when none is needed. The column ends with no default:
 *        the value is data, not part of the schema.
 */
public record AddColumn(String table, ColumnSchema column, ColumnDefault fillExistingRows) implements Operation {

    /** An ADD_COLUMN with no value for existing rows. */
    public AddColumn(String table, ColumnSchema column) {
        this(table, column, null);
    }

    /** The column as it is while existing rows are filled: with the fill value as its default. */
    public ColumnSchema columnWhileFilling() {
        return fillExistingRows == null ? column : column.withDefault(fillExistingRows);
    }

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
