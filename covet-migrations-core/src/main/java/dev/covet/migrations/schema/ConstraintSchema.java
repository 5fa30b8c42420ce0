package dev.covet.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * A table constraint other than primary and foreign keys.
 *
 * @param name constraint name
 * @param kind UNIQUE or CHECK
 * @param columns the columns of a UNIQUE constraint (empty for CHECK)
 * @param expression the boolean expression of a CHECK constraint ({@code null} for UNIQUE)
 */
public record ConstraintSchema(String name, Kind kind, List<String> columns, String expression) {

    /** Constraint kinds. */
    public enum Kind { UNIQUE, CHECK }

    public ConstraintSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
