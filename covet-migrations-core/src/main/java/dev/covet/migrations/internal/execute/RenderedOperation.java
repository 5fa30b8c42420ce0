package dev.covet.migrations.internal.execute;

import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.SchemaState;

import java.util.List;

/**
 * The steps of one operation, with the states around it (what undoing it part-way needs on MySQL).
 *
 * @param operation the operation, or {@code null} for explicit forward_sql/backward_sql
 * @param steps what runs
 * @param before the projected state before it
 * @param after the projected state after it
 */
public record RenderedOperation(Operation operation, List<Step> steps, SchemaState before, SchemaState after) {
    public RenderedOperation {
        steps = List.copyOf(steps);
    }
}
