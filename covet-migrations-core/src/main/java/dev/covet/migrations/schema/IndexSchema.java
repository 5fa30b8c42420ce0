package dev.covet.migrations.schema;

import java.util.List;
import java.util.Objects;

/**
 * An index.
 *
 * @param name index name
 * @param columns indexed columns, in order
 * @param unique whether the index is unique
 * @param where partial-index predicate (PostgreSQL, SQLite), or {@code null}
 */
public record IndexSchema(String name, List<String> columns, boolean unique, String where) {
    public IndexSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
