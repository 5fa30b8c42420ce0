package dev.covet.migrations.internal.rollback;

import dev.covet.migrations.schema.CheckExpressions;
import dev.covet.migrations.schema.SchemaState;

/** Whether a live schema matches the projected one (what a verified rollback must leave behind). */
final class SchemaComparison {

    private SchemaComparison() {
    }

    static boolean sameShape(SchemaState expected, SchemaState actual) {
        // CHECKs by name: the database stores their expressions reworded.
        return expected.canonical().equals(CheckExpressions.alignedTo(expected, actual).canonical());
    }

    static String describe(SchemaState expected, SchemaState actual) {
        return "expected " + expected.tables().keySet() + ", found " + actual.tables().keySet();
    }
}
