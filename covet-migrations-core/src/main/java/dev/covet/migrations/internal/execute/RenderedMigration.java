package dev.covet.migrations.internal.execute;

import dev.covet.migrations.Direction;
import dev.covet.migrations.Migration;
import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.TreeSet;

/**
 * A migration turned into steps for one dialect and direction.
 *
 * @param migration the migration
 * @param direction applying or rolling back
 * @param operations the rendered operations, in execution order
 * @param after the projected schema once it ran
 */
public record RenderedMigration(Migration migration, Direction direction, List<RenderedOperation> operations, SchemaState after) {

    public RenderedMigration {
        operations = List.copyOf(operations);
    }

    /** Every step, in order. */
    public List<Step> steps() {
        return operations.stream().flatMap(o -> o.steps().stream()).toList();
    }

    /**
     * Which operation a step belongs to, for error messages: {@code operation 2 of 3 (ADD_INDEX users)}, or
     * {@code forward_sql} / {@code backward_sql} for a file's explicit SQL.
     */
    public String describeStep(int stepIndex) {
        int first = 0;
        for (int i = 0; i < operations.size(); i++) {
            RenderedOperation o = operations.get(i);
            if (stepIndex < first + o.steps().size()) {
                if (o.operation() == null) {
                    return direction == Direction.UP ? "forward_sql" : "backward_sql";
                }
                String tables = String.join(", ", new TreeSet<>(o.operation().tables()));
                return "operation " + (i + 1) + " of " + operations.size() + ", " + o.operation().type()
                        + (tables.isEmpty() ? "" : " " + tables);
            }
            first += o.steps().size();
        }
        return "step " + (stepIndex + 1);
    }

    /** The statements as text (dry-run output). */
    public List<String> sql() {
        return steps().stream().map(Step::display).toList();
    }

    /** Whether a step rebuilds a SQLite table (then foreign keys are switched off around the migration). */
    public boolean rebuildsSqliteTable() {
        return steps().stream().anyMatch(s -> s instanceof Step.Sql q && q.sql().contains("\"_covet_new_"));
    }
}
