package dev.covet.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param name constraint name
 * @param columns referencing columns
 * @param referencedTable referenced table
 * @param referencedColumns referenced columns
 * @param onDelete referential action on delete (CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION), or {@code null}
 * @param onUpdate referential action on update, or {@code null}
 */
public record ForeignKeySchema(String name, List<String> columns, String referencedTable,
                               List<String> referencedColumns, String onDelete, String onUpdate) {
    public ForeignKeySchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(referencedTable, "referencedTable");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** The same key with other referential actions. */
    public ForeignKeySchema withActions(String newOnDelete, String newOnUpdate) {
        return new ForeignKeySchema(name, columns, referencedTable, referencedColumns, newOnDelete, newOnUpdate);
    }
}
