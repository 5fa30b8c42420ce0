package dev.covet.migrations.operation;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DROP_COLUMN. Indexes, unique constraints and foreign keys that use the column go with it (as the
 * databases do); the reverse puts them back.
 *
 * @param table the table
 * @param column the column dropped
 * @param previous its definition, or {@code null}
 * @param backup whether its non-null values are copied into a backup (with the row keys) before it is dropped
 *        ({@code backup: false} in a file opts out: the values are lost)
 */
public record DropColumn(String table, String column, ColumnSchema previous, boolean backup) implements Operation {

    /** A drop that backs up the column's values first (the default). */
    public DropColumn(String table, String column, ColumnSchema previous) {
        this(table, column, previous, true);
    }

    @Override
    public String type() {
        return "DROP_COLUMN";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        if (t.column(column).isEmpty()) {
            throw new SchemaException("column '" + table + "." + column + "' does not exist");
        }
        return before.withTable(new TableSchema(t.name(),
                t.columns().stream().filter(c -> !c.name().equals(column)).toList(),
                t.primaryKey().stream().filter(p -> !p.equals(column)).toList(),
                t.indexes().stream().filter(i -> !i.columns().contains(column)).toList(),
                t.foreignKeys().stream().filter(f -> !f.columns().contains(column)).toList(),
                t.constraints().stream().filter(c -> !c.columns().contains(column)).toList()));
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        TableSchema t = before.table(table).orElse(null);
        ColumnSchema definition = t == null ? previous : t.column(column).orElse(previous);
        if (definition == null) {
            throw new IrreversibleOperationException("DROP_COLUMN " + table + "." + column + ": the dropped definition is unknown");
        }
        List<Operation> ops = new ArrayList<>();
        ops.add(new AddColumn(table, definition));
        if (t != null) {
            t.indexes().stream().filter(i -> i.columns().contains(column)).forEach(i -> ops.add(new AddIndex(table, i)));
            t.constraints().stream().filter(c -> c.columns().contains(column)).forEach(c -> ops.add(new AddConstraint(table, c)));
            t.foreignKeys().stream().filter(f -> f.columns().contains(column)).forEach(f -> ops.add(new AddForeignKey(table, f)));
        }
        return ops;
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
