package dev.covet.migrations.operation;

import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Set;

/**
 * ALTER_COLUMN: the column's new definition (type, nullability, default, unique), by name.
 *
 * @param table the table
 * @param column the new definition
 * @param previous the definition before, or {@code null} to take it from the schema the earlier migrations project
 * @param fillNullRows for a column that becomes NOT NULL: the value rows holding NULL get first (file key
 *        {@code fill_null_rows}), or {@code null}. A rollback makes the column nullable again but cannot tell which
 *        rows were NULL: they keep the value.
 */
public record AlterColumn(String table, ColumnSchema column, ColumnSchema previous, ColumnDefault fillNullRows) implements Operation {

    /** An ALTER_COLUMN that fills nothing. */
    public AlterColumn(String table, ColumnSchema column, ColumnSchema previous) {
        this(table, column, previous, null);
    }

    @Override
    public String type() {
        return "ALTER_COLUMN";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        ColumnSchema old = t.column(column.name()).orElseThrow(() ->
                new SchemaException("column '" + table + "." + column.name() + "' does not exist"));
        // The primary-key membership belongs to the table, not to an ALTER.
        ColumnSchema replacement = column
                .withNullable(column.nullable() && !old.primaryKey()).withPrimaryKey(old.primaryKey());
        return before.withTable(t.mapColumn(column.name(), c -> replacement));
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        ColumnSchema old = before.table(table).flatMap(t -> t.column(column.name())).orElse(previous);
        if (old == null) {
            throw new IrreversibleOperationException("ALTER_COLUMN " + table + "." + column.name() + ": the previous definition is unknown");
        }
        return List.of(new AlterColumn(table, old, column));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
