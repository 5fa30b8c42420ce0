package dev.covet.migrations.operation;

import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** ADD_CONSTRAINT: a UNIQUE or CHECK constraint. */
public record AddConstraint(String table, ConstraintSchema constraint) implements Operation {

    @Override
    public String type() {
        return "ADD_CONSTRAINT";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        TableSchema t = before.requireTable(table);
        if (t.constraint(constraint.name()).isPresent()) {
            throw new SchemaException("constraint '" + constraint.name() + "' already exists on '" + table + "'");
        }
        List<ConstraintSchema> constraints = new ArrayList<>(t.constraints());
        constraints.add(constraint);
        return before.withTable(t.withConstraints(constraints));
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        return List.of(new DropConstraint(table, constraint.name(), constraint));
    }

    @Override
    public Set<String> tables() {
        return Set.of(table);
    }
}
