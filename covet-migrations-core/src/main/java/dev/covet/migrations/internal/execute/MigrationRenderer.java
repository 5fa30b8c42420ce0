package dev.covet.migrations.internal.execute;

import dev.covet.migrations.Direction;
import dev.covet.migrations.JavaMigration;
import dev.covet.migrations.Migration;
import dev.covet.migrations.MigrationException;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.operation.DialectSql;
import dev.covet.migrations.operation.IrreversibleOperationException;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.schema.SchemaException;
import dev.covet.migrations.schema.SchemaState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns migrations into steps for a dialect, forwards or backwards, projecting the schema as it goes. Every
 * error names the migration's file and the operation, and happens before anything is executed.
 */
public final class MigrationRenderer {

    private final Dialect dialect;
    private final Map<String, JavaMigration> javaMigrations;

    public MigrationRenderer(Dialect dialect, Map<String, JavaMigration> javaMigrations) {
        this.dialect = dialect;
        this.javaMigrations = javaMigrations;
    }

    /** The schema after applying the migration's operations to {@code before} (no SQL rendered). */
    public SchemaState project(Migration migration, SchemaState before) {
        SchemaState state = before;
        List<Operation> ops = migration.operations();
        for (int i = 0; i < ops.size(); i++) {
            state = apply(migration, i, ops.get(i), state);
        }
        return state;
    }

    /** The steps that apply the migration on top of {@code before}. */
    public RenderedMigration renderUp(Migration migration, SchemaState before) {
        List<RenderedOperation> rendered = new ArrayList<>();
        SchemaState state = before;
        List<Operation> ops = migration.operations();
        if (migration.forwardSql() != null) {
            SchemaState after = project(migration, before);
            rendered.add(new RenderedOperation(null, explicit(migration, migration.forwardSql(), "forward_sql"), before, after));
            return new RenderedMigration(migration, Direction.UP, rendered, after);
        }
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            SchemaState next = apply(migration, i, op, state);
            rendered.add(new RenderedOperation(op, steps(migration, i, op, state), state, next));
            state = next;
        }
        return new RenderedMigration(migration, Direction.UP, rendered, state);
    }

    /**
     * The steps that undo the migration, given the schema {@code before} it was applied.
     *
     * @throws MigrationException when an operation cannot be reversed and the file has no backward_sql
     */
    public RenderedMigration renderDown(Migration migration, SchemaState before) {
        List<Operation> ops = migration.operations();
        List<SchemaState> befores = new ArrayList<>(ops.size());
        SchemaState state = before;
        for (int i = 0; i < ops.size(); i++) {
            befores.add(state);
            state = apply(migration, i, ops.get(i), state);
        }
        SchemaState after = state;
        if (migration.backwardSql() != null) {
            return new RenderedMigration(migration, Direction.DOWN,
                    List.of(new RenderedOperation(null, explicit(migration, migration.backwardSql(), "backward_sql"), after, before)),
                    before);
        }
        List<RenderedOperation> rendered = new ArrayList<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            List<Operation> reverse;
            try {
                reverse = ops.get(i).reverse(befores.get(i));
            } catch (IrreversibleOperationException e) {
                throw new MigrationException(where(migration, i, ops.get(i)) + ": cannot be rolled back: " + e.getMessage()
                        + ". Add reverse_sql (or backward_sql) to the file, or restore from a backup.");
            }
            for (Operation r : reverse) {
                SchemaState next = apply(migration, i, r, state);
                rendered.add(new RenderedOperation(r, steps(migration, i, r, state), state, next));
                state = next;
            }
        }
        return new RenderedMigration(migration, Direction.DOWN, rendered, state);
    }

    private SchemaState apply(Migration migration, int index, Operation op, SchemaState state) {
        try {
            return op.applyTo(state);
        } catch (SchemaException e) {
            throw new MigrationException(where(migration, index, op) + ": " + e.getMessage());
        }
    }

    private List<Step> steps(Migration migration, int index, Operation op, SchemaState state) {
        if (op instanceof RunJava java) {
            JavaMigration code = javaMigrations.get(java.migration());
            if (code == null) {
                throw new MigrationException(where(migration, index, op) + ": no Java migration named '" + java.migration()
                        + "' is registered (register a JavaMigration bean, or MigrationRunner.Builder.javaMigration(...))");
            }
            if (java.backwards() && !code.isReversible()) {
                throw new MigrationException(where(migration, index, op) + ": Java migration '" + java.migration()
                        + "' has no rollback");
            }
            return List.of(new Step.Java(java.migration(), java.backwards()));
        }
        try {
            return dialect.render(op, state).stream().<Step>map(Step.Sql::new).toList();
        } catch (RuntimeException e) {
            throw new MigrationException(where(migration, index, op) + ": " + e.getMessage(), e);
        }
    }

    private List<Step> explicit(Migration migration, DialectSql sql, String key) {
        return sql.statementsFor(dialect.name())
                .orElseThrow(() -> new MigrationException(migration.source() + ": " + key + " has no statements for "
                        + dialect.name() + " (it has: " + sql.perDialect().keySet() + ")"))
                .stream().<Step>map(Step.Sql::new).toList();
    }

    private static String where(Migration migration, int index, Operation op) {
        return migration.source() + ": operations[" + index + "] (" + op.type() + ")";
    }
}
