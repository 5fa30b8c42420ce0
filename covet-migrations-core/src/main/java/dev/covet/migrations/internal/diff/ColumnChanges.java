package dev.covet.migrations.internal.diff;

import dev.covet.migrations.schema.ColumnSchema;

import java.util.Objects;

/** Comparisons of column definitions that ALTER_COLUMN can change. */
public final class ColumnChanges {

    private ColumnChanges() {
    }

    /**
     * Whether two definitions agree on everything ALTER_COLUMN changes: type, nullability, default, unique and
     * auto-increment. Name and primary-key membership are not part of it: renames and the table's primary key
     * handle those.
     */
    public static boolean sameDefinition(ColumnSchema a, ColumnSchema b) {
        return a.type().equals(b.type()) && a.nullable() == b.nullable() && Objects.equals(a.defaultValue(), b.defaultValue())
                && a.unique() == b.unique() && a.autoIncrement() == b.autoIncrement();
    }

    /** Whether the column's type changes (foreign keys on it must then be dropped and added back around the change). */
    public static boolean typeChanged(ColumnSchema a, ColumnSchema b) {
        return !a.type().equals(b.type());
    }
}
