package dev.covet.migrations.internal.rollback;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.internal.diff.SameTypes;
import dev.covet.migrations.schema.CheckExpressions;
import dev.covet.migrations.schema.SchemaState;

/** Whether a live schema matches the projected one (what a verified rollback must leave behind). */
final class SchemaComparison {

    private SchemaComparison() {
    }

    static boolean sameShape(SchemaState expected, SchemaState actual, Dialect dialect) {
        // CHECKs by name: the database stores their expressions reworded. Types the dialect cannot tell apart (a
        // SQLite auto-increment key declared INTEGER reads back as BIGINT) as the migrations wrote them.
        SchemaState database = SameTypes.keepWritten(expected, CheckExpressions.alignedTo(expected, actual), dialect);
        return expected.canonical().equals(database.canonical());
    }

    static String describe(SchemaState expected, SchemaState actual) {
        return "expected " + expected.tables().keySet() + ", found " + actual.tables().keySet();
    }
}
