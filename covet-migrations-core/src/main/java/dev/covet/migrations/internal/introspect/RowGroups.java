package dev.covet.migrations.internal.introspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups catalog rows that list one column each (an index's or key's columns, in order) into one object per
 * table and name, keeping the first row's other fields.
 */
final class RowGroups {

    /** Receives one finished group. */
    @FunctionalInterface
    interface Sink {
        void accept(TableAccumulator table, Object first, List<String> columns, List<String> referencedColumns);
    }

    private static final class Group {
        final TableAccumulator table;
        final Object first;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();

        Group(TableAccumulator table, Object first) {
            this.table = table;
            this.first = first;
        }
    }

    private final Map<List<String>, Group> groups = new LinkedHashMap<>();

    /** A row of the group named {@code name} on the table; null column names (CHECK rows) are not added. */
    void row(TableAccumulator table, String name, Object first, String column, String referencedColumn) {
        Group g = groups.computeIfAbsent(List.of(table.name(), name), k -> new Group(table, first));
        if (column != null && !g.columns.contains(column)) {
            g.columns.add(column);
        }
        if (referencedColumn != null) {
            g.referencedColumns.add(referencedColumn);
        }
    }

    void row(TableAccumulator table, String name, Object first, String column) {
        row(table, name, first, column, null);
    }

    void finish(Sink sink) {
        for (Group g : groups.values()) {
            sink.accept(g.table, g.first, List.copyOf(g.columns), List.copyOf(g.referencedColumns));
        }
    }
}
