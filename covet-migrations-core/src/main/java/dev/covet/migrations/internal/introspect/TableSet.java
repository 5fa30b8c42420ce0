package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.schema.SchemaState;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tables being read, by name, and the rule of which tables are read at all. Catalog rows for excluded
 * tables are simply dropped here, so the bulk queries need no per-dialect LIKE escaping of {@code _}.
 */
final class TableSet {

    /** Covet's internal scratch tables, excluded whatever the configured prefix. */
    private static final String INTERNAL_PREFIX = "_covet_";

    private final String excludedPrefix;
    private final Map<String, TableAccumulator> tables = new LinkedHashMap<>();

    TableSet(String excludedPrefix) {
        this.excludedPrefix = excludedPrefix == null ? "" : excludedPrefix;
    }

    boolean included(String table) {
        boolean covetTable = !excludedPrefix.isEmpty() && table.startsWith(excludedPrefix);
        return !covetTable && !table.startsWith(INTERNAL_PREFIX);
    }

    /** The table, created on first sight, or {@code null} when it is excluded. */
    TableAccumulator table(String name) {
        if (!included(name)) {
            return null;
        }
        return tables.computeIfAbsent(name, TableAccumulator::new);
    }

    /** The table if it was seen (by the columns query), else {@code null}: rows for other relations are ignored. */
    TableAccumulator existing(String name) {
        return tables.get(name);
    }

    /** Tables sorted by name: catalogs do not keep creation order reliably, and two reads must compare equal. */
    SchemaState toState() {
        return SchemaState.of(tables.values().stream()
                .sorted(Comparator.comparing(TableAccumulator::name))
                .map(TableAccumulator::build)
                .toList());
    }
}
