package dev.covet.migrations.operation;

import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Set;

/** RENAME_COLUMN: keeps the data; indexes, keys and constraints follow the new name. */
public record RenameColumn(String table, String column, String newName) implements Operation {

    @Override
    public String type() {
        return "RENAME_COLUMN";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        if (t.column(column).isEmpty()) {
            throw new SchemaException("column '" + table + "." + column + "' does not exist");
        }
        if (t.column(newName).isPresent()) {
            throw new SchemaException("cannot rename '" + table + "." + column + "' to '" + newName + "': it already exists");
        }
        TableSchema renamed = new TableSchema(t.name(),
                t.columns().stream().map(c -> c.name().equals(column) ? c.withName(newName) : c).toList(),
                rename(t.primaryKey()),
                t.indexes().stream().map(i -> new IndexSchema(i.name(), rename(i.columns()), i.unique(), i.where())).toList(),
                t.foreignKeys().stream().map(f -> new ForeignKeySchema(f.name(), rename(f.columns()), f.referencedTable(),
                        f.referencedColumns(), f.onDelete(), f.onUpdate())).toList(),
                t.constraints().stream().map(c -> new ConstraintSchema(c.name(), c.kind(), rename(c.columns()), c.expression())).toList());
        SchemaState after = before.withTable(renamed);
        // Foreign keys elsewhere that reference the renamed column follow it too.
        for (TableSchema other : after.tables().values()) {
            if (other.foreignKeys().stream().anyMatch(f -> f.referencedTable().equals(table))) {
                after = after.withTable(other.withForeignKeys(other.foreignKeys().stream()
                        .map(f -> f.referencedTable().equals(table)
                                ? new ForeignKeySchema(f.name(), f.columns(), f.referencedTable(), rename(f.referencedColumns()),
                                f.onDelete(), f.onUpdate())
                                : f).toList()));
            }
        }
        return after;
    }

    private List<String> rename(List<String> names) {
        return names.stream().map(n -> n.equals(column) ? newName : n).toList();
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        return List.of(new RenameColumn(table, newName, column));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
