package dev.covet.migrations.internal.squash;

import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Table-by-table differences between two schemas, for people. */
public final class SchemaDifferences {

    private SchemaDifferences() {
    }

    /** One line per differing table; empty when equal. */
    public static List<String> of(SchemaState expected, SchemaState actual) {
        Set<String> names = new TreeSet<>(expected.tables().keySet());
        names.addAll(actual.tables().keySet());
        List<String> out = new ArrayList<>();
        for (String name : names) {
            TableSchema a = expected.tables().get(name);
            TableSchema b = actual.tables().get(name);
            if (a == null) {
                out.add("table " + name + " is unexpected");
            } else if (b == null) {
                out.add("table " + name + " is missing");
            } else if (!a.equals(b)) {
                out.add("table " + name + ": expected " + a + " but was " + b);
            }
        }
        return out;
    }

    public static String describe(SchemaState expected, SchemaState actual) {
        return "\n  " + String.join("\n  ", of(expected, actual));
    }
}
