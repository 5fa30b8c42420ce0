package dev.covet.migrations.internal.execute;

import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.internal.sqlite.RebuildGuard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Ties a {@link RebuildGuard} to a migration's steps: which operation each step belongs to, and where each ends. */
final class SqliteRebuildHooks implements StepHooks {

    private final RebuildGuard guard;
    private final List<Step> steps;
    private final List<RenderedOperation> operationOfStep = new ArrayList<>();
    private final List<Boolean> lastOfOperation = new ArrayList<>();

    SqliteRebuildHooks(RebuildGuard guard, RenderedMigration migration) {
        this.guard = guard;
        this.steps = migration.steps();
        for (RenderedOperation op : migration.operations()) {
            for (int k = 0; k < op.steps().size(); k++) {
                operationOfStep.add(op);
                lastOfOperation.add(k == op.steps().size() - 1);
            }
        }
    }

    @Override
    public void before(Connection c, int index) throws SQLException {
        if (steps.get(index) instanceof Step.Sql sql) {
            TableSchemaLookup model = new TableSchemaLookup(operationOfStep.get(index));
            guard.beforeStatement(c, sql.sql(), model::indexNames);
        }
    }

    @Override
    public void after(Connection c, int index) throws SQLException {
        if (steps.get(index) instanceof Step.Sql sql) {
            guard.afterStatement(c, sql.sql());
        }
        if (lastOfOperation.get(index)) {
            guard.afterOperation(c);
        }
    }

    @Override
    public SQLException explain(Connection c, int index, SQLException failure) {
        return steps.get(index) instanceof Step.Sql sql ? guard.explain(c, sql.sql(), failure) : failure;
    }

    /** The model's index names of a table before the operation (explicit SQL has no model: the state before it). */
    private record TableSchemaLookup(RenderedOperation operation) {
        Set<String> indexNames(String table) {
            return operation.before().table(table).map(TableSchema::indexes).orElse(List.of()).stream()
                    .map(IndexSchema::name).collect(Collectors.toSet());
        }
    }
}
