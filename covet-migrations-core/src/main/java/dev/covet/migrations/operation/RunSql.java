package dev.covet.migrations.operation;

import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.Set;

/**
 * RUN_SQL: hand-written statements, with an optional reverse. Without a reverse it cannot be rolled back
 * (the rollback validator calls that CRITICAL). {@code elidable} lets the squasher drop it.
 */
public record RunSql(DialectSql sql, DialectSql reverseSql, boolean elidable) implements Operation {

    @Override
    public String type() {
        return "RUN_SQL";
    }

    @Override
    public SchemaState applyTo(SchemaState before) {
        // Raw SQL is opaque to the projected state.
        return before;
    }

    @Override
    public List<Operation> reverse(SchemaState before) {
        if (reverseSql == null) {
            throw new IrreversibleOperationException("RUN_SQL has no reverse_sql");
        }
        return List.of(new RunSql(reverseSql, sql, elidable));
    }

    @Override
    public boolean isReversible() {
        return reverseSql != null;
    }

    @Override
    public Set<String> tables() {
        return Set.of();
    }
}
