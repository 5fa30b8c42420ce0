package dev.covet.migrations.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable picture of a database schema: its tables by name, in creation order. Operations project it
 * forward; introspection reads it from a live database; the JPA reader builds it from entities.
 */
public final class SchemaState {

    private static final SchemaState EMPTY = new SchemaState(Map.of(), MappingDefaults.NONE);

    private final Map<String, TableSchema> tables;
    private final MappingDefaults mappingDefaults;

    private SchemaState(Map<String, TableSchema> tables, MappingDefaults mappingDefaults) {
        this.tables = tables;
        this.mappingDefaults = mappingDefaults;
    }

    /** The schema with no tables. */
    public static SchemaState empty() {
        return EMPTY;
    }

    /** A schema of the given tables, in the given order. */
    public static SchemaState of(Collection<TableSchema> tables) {
        Map<String, TableSchema> map = new LinkedHashMap<>();
        for (TableSchema t : tables) {
            map.put(t.name(), t);
        }
        return new SchemaState(Collections.unmodifiableMap(map), MappingDefaults.NONE);
    }

    /**
     * The same tables, with what the entity mapper makes by itself beside them (a schema read from entities). Not
     * part of the schema: equality ignores it, and every other change of the schema leaves it out.
     */
    public SchemaState withMappingDefaults(MappingDefaults defaults) {
        return new SchemaState(tables, defaults);
    }

    /** What the entity mapper makes by itself beside this schema; {@link MappingDefaults#NONE} unless read from entities. */
    public MappingDefaults mappingDefaults() {
        return mappingDefaults;
    }

    /** Tables by name, in creation order. */
    public Map<String, TableSchema> tables() {
        return tables;
    }

    public Optional<TableSchema> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /**
     * The table, or an error that says it does not exist.
     *
     * @throws SchemaException when the table is unknown
     */
    public TableSchema requireTable(String name) {
        TableSchema t = tables.get(name);
        if (t == null) {
            throw new SchemaException("table '" + name + "' does not exist");
        }
        return t;
    }

    public boolean hasTable(String name) {
        return tables.containsKey(name);
    }

    /** This state with the table added or replaced (a replaced table keeps its position). */
    public SchemaState withTable(TableSchema table) {
        Map<String, TableSchema> map = new LinkedHashMap<>(tables);
        map.put(table.name(), table);
        return new SchemaState(Collections.unmodifiableMap(map), MappingDefaults.NONE);
    }

    /** This state without the table. */
    public SchemaState withoutTable(String name) {
        Map<String, TableSchema> map = new LinkedHashMap<>(tables);
        map.remove(name);
        return new SchemaState(Collections.unmodifiableMap(map), MappingDefaults.NONE);
    }

    /** This state with a table renamed in place, and foreign keys that referenced it pointing at the new name. */
    public SchemaState withTableRenamed(String oldName, String newName) {
        Map<String, TableSchema> map = new LinkedHashMap<>();
        for (TableSchema t : tables.values()) {
            TableSchema renamed = t.name().equals(oldName) ? t.withName(newName) : t;
            renamed = renamed.withForeignKeys(renamed.foreignKeys().stream()
                    .map(fk -> fk.referencedTable().equals(oldName)
                            ? new ForeignKeySchema(fk.name(), fk.columns(), newName, fk.referencedColumns(), fk.onDelete(), fk.onUpdate())
                            : fk).toList());
            map.put(renamed.name(), renamed);
        }
        return new SchemaState(Collections.unmodifiableMap(map), MappingDefaults.NONE);
    }

    /**
     * The same schema with columns, indexes, keys and constraints sorted by name: for comparing shapes where
     * physical column order does not matter (a column dropped and added back by a rollback comes back last).
     */
    public SchemaState canonical() {
        List<TableSchema> sorted = new ArrayList<>();
        Comparator<String> byName = Comparator.naturalOrder();
        for (TableSchema original : tables.values()) {
            TableSchema t = withUniqueColumnsFolded(original);
            sorted.add(new TableSchema(t.name(),
                    t.columns().stream().sorted(Comparator.comparing(ColumnSchema::name, byName)).toList(),
                    t.primaryKey(),
                    t.indexes().stream().sorted(Comparator.comparing(IndexSchema::name, byName)).toList(),
                    t.foreignKeys().stream().sorted(Comparator.comparing(ForeignKeySchema::name, byName)).toList(),
                    t.constraints().stream().sorted(Comparator.comparing(ConstraintSchema::name, byName)).toList()));
        }
        sorted.sort(Comparator.comparing(TableSchema::name, byName));
        return of(sorted);
    }

    /**
     * A one-column UNIQUE constraint named {@code uk_<table>_<column>} is how every dialect stores a column's
     * {@code unique: true}: in canonical form it is the column's flag, whichever way it was written.
     */
    static TableSchema withUniqueColumnsFolded(TableSchema t) {
        Set<String> folded = new HashSet<>();
        for (ConstraintSchema c : t.constraints()) {
            if (c.kind() == ConstraintSchema.Kind.UNIQUE && c.columns().size() == 1
                    && c.name().equals(Names.uniqueConstraintName(t.name(), c.columns().get(0)))) {
                folded.add(c.columns().get(0));
            }
        }
        if (folded.isEmpty()) {
            return t;
        }
        return new TableSchema(t.name(), t.columns().stream().map(c -> folded.contains(c.name()) ? c.withUnique(true) : c).toList(),
                t.primaryKey(), t.indexes(), t.foreignKeys(),
                t.constraints().stream().filter(c -> !(c.kind() == ConstraintSchema.Kind.UNIQUE && c.columns().size() == 1
                        && folded.contains(c.columns().get(0)) && c.name().equals(Names.uniqueConstraintName(t.name(), c.columns().get(0))))).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaState s && s.tables.equals(tables);
    }

    @Override
    public int hashCode() {
        return tables.hashCode();
    }

    @Override
    public String toString() {
        return "SchemaState" + tables.values();
    }
}
