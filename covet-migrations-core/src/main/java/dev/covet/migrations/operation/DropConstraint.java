package dev.covet.migrations.operation;

import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Set;

/** DROP_CONSTRAINT. */
public record DropConstraint(String table, String constraint, ConstraintSchema previous) implements Operation {

    @Override
    public String type() {
        return "DROP_CONSTRAINT";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        if (t.constraint(constraint).isEmpty()) {
            throw new SchemaException("constraint '" + constraint + "' does not exist on '" + table + "'");
        }
        return before.withTable(t.withConstraints(t.constraints().stream().filter(c -> !c.name().equals(constraint)).toList()));
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        ConstraintSchema definition = before.table(table).flatMap(t -> t.constraint(constraint)).orElse(previous);
        if (definition == null) {
            throw new IrreversibleOperationException("DROP_CONSTRAINT " + constraint + ": the dropped definition is unknown");
        }
        return List.of(new AddConstraint(table, definition));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
