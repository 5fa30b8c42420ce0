package dev.covet.migrations.internal.rollback;

import dev.covet.migrations.safety.RollbackValidation;
import dev.covet.migrations.internal.execute.RenderedMigration;
import dev.covet.migrations.internal.execute.RenderedOperation;
import dev.covet.migrations.operation.Operation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rollback's verdict together with the rollbacks it was reached on, so that the backup taken next covers exactly
 * what was assessed.
 *
 * @param validation the verdict
 * @param rendered the rollbacks, newest first; none when they could not be rendered (modified or irreversible)
 */
public record AssessedRollback(RollbackValidation validation, List<RenderedMigration> rendered) {

    public AssessedRollback {
        rendered = List.copyOf(rendered);
    }

    /** The tables the rollbacks change, in the order first met. */
    public Set<String> affectedTables() {
        Set<String> tables = new LinkedHashSet<>();
        for (RenderedMigration r : rendered) {
            for (RenderedOperation op : r.operations()) {
                if (op.operation() != null) {
                    tables.addAll(op.operation().tables());
                }
            }
            // Raw SQL is opaque: back up every table the migration itself touched.
            for (Operation op : r.migration().operations()) {
                tables.addAll(op.tables());
            }
        }
        return tables;
    }

    /** The ids of the migrations rolled back, newest first. */
    public List<String> migrationIds() {
        return rendered.stream().map(r -> r.migration().id().toString()).toList();
    }
}
