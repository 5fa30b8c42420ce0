package dev.covet.migrations.internal.rollback;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.internal.diff.SameTypes;
import dev.covet.migrations.schema.CheckExpressions;
import dev.covet.migrations.schema.SchemaState;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Whether a live schema matches the projected one (what a verified rollback must leave behind). */
final class SchemaComparison {

    private SchemaComparison() {
    }

    static boolean sameShape(SchemaState expected, SchemaState actual, Dialect dialect) {
        return differingTables(expected, actual, dialect).isEmpty();
    }

    /** The tables, by name, that are missing, unexpected or shaped otherwise than projected. */
    static Set<String> differingTables(SchemaState expected, SchemaState actual, Dialect dialect) {
        // CHECKs by name: the database stores their expressions reworded. Types the dialect cannot tell apart (a
        // SQLite auto-increment key declared INTEGER reads back as BIGINT) as the migrations wrote them.
        SchemaState projected = expected.canonical();
        SchemaState database = SameTypes.keepWritten(expected, CheckExpressions.alignedTo(expected, actual), dialect).canonical();
        Set<String> names = new TreeSet<>(projected.tables().keySet());
        names.addAll(database.tables().keySet());
        names.removeIf(name -> Objects.equals(projected.tables().get(name), database.tables().get(name)));
        return names;
    }

    static String describe(SchemaState expected, SchemaState actual, Dialect dialect) {
        return "tables that differ: " + differingTables(expected, actual, dialect);
    }
}
