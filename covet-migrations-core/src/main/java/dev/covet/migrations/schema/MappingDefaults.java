package dev.covet.migrations.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the entity mapper (Hibernate) makes by itself beside the schema when it creates one, and the schema model
 * leaves out: the CHECK it derives from a column's type (an enum's values, an ordinal enum's range, a discriminator's
 * values), as Hibernate writes it, and the constants of an enum column (which MySQL's dialect makes a native
 * {@code enum(...)} column). Generation never writes these; they only let an adopted database that Hibernate's
 * {@code ddl-auto=create} made be recognized as having what the entities need.
 *
 * @param checks by table: the checks Hibernate derives, as it writes them
 * @param enumConstants by table, then column: the names of the enum's constants
 */
public record MappingDefaults(Map<String, List<String>> checks, Map<String, Map<String, List<String>>> enumConstants) {

    /** Nothing known (a schema not read from entities). */
    public static final MappingDefaults NONE = new MappingDefaults(Map.of(), Map.of());

    public MappingDefaults {
        checks = copy(checks);
        Map<String, Map<String, List<String>>> constants = new HashMap<>();
        enumConstants.forEach((table, columns) -> constants.put(table, copy(columns)));
        enumConstants = Map.copyOf(constants);
    }

    /** The checks Hibernate derives on a table. */
    public List<String> checks(String table) {
        return checks.getOrDefault(table, List.of());
    }

    /** The constants of the enum a column maps, or an empty list. */
    public List<String> enumConstants(String table, String column) {
        return enumConstants.getOrDefault(table, Map.of()).getOrDefault(column, List.of());
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Map.copyOf(copy);
    }
}
