package dev.covet.migrations.operation;

import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.Set;

/**
 * RUN_SQL: hand-written statements, with an optional reverse. Without a reverse it cannot be rolled back
 * (the rollback validator calls that CRITICAL). {@code elidable} lets the squasher drop it.
 * {@code tablesUnchanged} ({@code tables_unchanged: true} in a file) declares that the statements leave every table
 * as it is (they make a view, a trigger, a type, a routine): drift can then still be judged after it. Baseline
 * writes it for the objects it captures, with {@code object} ({@code "view film_list"}): the object the statement
 * creates, which drift then compares with the live database's.
 */
public record RunSql(DialectSql sql, DialectSql reverseSql, boolean elidable, boolean tablesUnchanged, String object)
        implements Operation {

    /** Statements that may change tables (what the projection cannot follow). */
    public RunSql(DialectSql sql, DialectSql reverseSql, boolean elidable) {
        this(sql, reverseSql, elidable, false, null);
    }

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
        // The reverse removes the object: it names none.
        return List.of(new RunSql(reverseSql, sql, elidable, tablesUnchanged, null));
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
