package dev.covet.migrations.operation;

import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Set;

/**
 * DROP_TABLE. {@code previous} is the dropped definition when the file carries it; otherwise the reverse
 * comes from the projected state.
 *
 * @param table the table dropped
 * @param previous its definition, or {@code null}
 * @param backup whether its rows are copied into a backup before it is dropped ({@code backup: false} in a file
 *        opts out: the rows are lost)
 */
public record DropTable(String table, TableSchema previous, boolean backup) implements Operation {

    /** A drop that backs up the table's rows first (the default). */
    public DropTable(String table, TableSchema previous) {
        this(table, previous, true);
    }

    @Override
    public String type() {
        return "DROP_TABLE";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        before.requireTable(table);
        return before.withoutTable(table);
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        TableSchema definition = before.table(table).orElse(previous);
        if (definition == null) {
            throw new IrreversibleOperationException("DROP_TABLE " + table + ": the dropped definition is unknown");
        }
        return List.of(new CreateTable(definition));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
