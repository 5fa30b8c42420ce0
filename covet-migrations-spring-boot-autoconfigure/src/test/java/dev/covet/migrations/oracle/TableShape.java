package dev.covet.migrations.oracle;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One introspected table as the create oracle compares it: what the table does, not what its constraints are
 * called (Hibernate names them {@code FK…}/{@code UK…} hashes, Covet {@code fk_…}/{@code uk_…}). Columns by name
 * (their physical order is not compared), keys and indexes by their columns and targets. CHECK constraints are
 * not compared: Hibernate adds one per enum column that Covet leaves out on purpose (see DeclaredChecks).
 *
 * @param columns columns by name
 * @param primaryKey the primary key's columns, in order
 * @param uniqueKeys the column lists that are unique: a column's UNIQUE, a UNIQUE constraint or a unique index
 * @param foreignKeys foreign keys, as "columns -> table(columns) on delete action"
 * @param indexes non-unique indexes, as their column lists
 */
record TableShape(SortedMap<String, ColumnShape> columns, List<String> primaryKey, Set<String> uniqueKeys,
                  Set<String> foreignKeys, Set<String> indexes) {

    /**
     * One column.
     *
     * @param type the type, with the dialect's unstated default made explicit (PostgreSQL's TIMESTAMP is TIMESTAMP(6))
     * @param nullable whether NULL is allowed
     * @param autoIncrement whether the database generates its values
     */
    record ColumnShape(ColumnType type, boolean nullable, boolean autoIncrement) {
    }

    static TableShape of(TableSchema table, Dialect dialect) {
        boolean sqlite = dialect.name().equals("sqlite");
        SortedMap<String, ColumnShape> columns = new TreeMap<>();
        Set<String> unique = new TreeSet<>();
        for (ColumnSchema c : table.columns()) {
            ColumnShape shape = new ColumnShape(explicit(c.type(), dialect), c.nullable(), c.autoIncrement());
            if (sqlite && table.primaryKey().equals(List.of(c.name())) && c.type().kind().isInteger()) {
                // SQLite: a one-column INTEGER primary key is the table's rowid, 64 bits and generated when not given,
                // whether declared INTEGER PRIMARY KEY AUTOINCREMENT (Covet, for an identity) or INTEGER with a
                // table-level PRIMARY KEY (Hibernate's SQLite dialect): one column either way.
                shape = new ColumnShape(ColumnType.of(ColumnType.Kind.BIGINT), false, true);
            }
            columns.put(c.name(), shape);
            if (c.unique()) {
                unique.add(List.of(c.name()).toString());
            }
        }
        for (ConstraintSchema c : table.constraints()) {
            if (c.kind() == ConstraintSchema.Kind.UNIQUE && !(sqlite && c.columns().size() > 1)) {
                unique.add(c.columns().toString());
            }
        }
        Set<String> indexes = new TreeSet<>();
        for (IndexSchema index : table.indexes()) {
            (index.unique() ? unique : indexes).add(index.columns() + (index.where() == null ? "" : " where " + index.where()));
        }
        // SQLite: Hibernate's dialect has no ALTER TABLE ADD CONSTRAINT, and its create adds foreign keys and
        // table-level UNIQUE constraints only that way, so on SQLite it makes none (Covet writes them into CREATE
        // TABLE). Nothing to compare them with there: PostgreSQL and MariaDB compare them.
        Set<String> fks = sqlite ? Set.of()
                : table.foreignKeys().stream().map(TableShape::describe).collect(Collectors.toCollection(TreeSet::new));
        return new TableShape(columns, table.primaryKey(), unique, fks, indexes);
    }

    private static String describe(ForeignKeySchema fk) {
        return fk.columns() + " -> " + fk.referencedTable() + fk.referencedColumns()
                + (fk.onDelete() == null ? "" : " on delete " + fk.onDelete())
                + (fk.onUpdate() == null ? "" : " on update " + fk.onUpdate());
    }

    /** The type with the precision a temporal type gets on this database when none is written ({@link Dialect#sameType}). */
    private static ColumnType explicit(ColumnType type, Dialect dialect) {
        ColumnType.Kind k = type.kind();
        boolean temporal = k == ColumnType.Kind.TIME || k == ColumnType.Kind.TIMESTAMP || k == ColumnType.Kind.TIMESTAMPTZ;
        if (temporal && type.precision() == null && dialect.defaultTimePrecision() != null) {
            ColumnType withPrecision = new ColumnType(k, type.length(), dialect.defaultTimePrecision(), type.scale());
            if (dialect.sameType(type, withPrecision)) {
                return withPrecision;
            }
        }
        return type;
    }
}
