package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.Names;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One table's parts as catalog rows arrive, turned into a {@link TableSchema} once all queries have run. It
 * applies the dialect-independent normalization rules: a single-column unique constraint or index named
 * {@code uk_<table>_<column>} becomes the column's {@code unique} flag, and indexes, foreign keys and
 * constraints are sorted by name so reads compare equal regardless of catalog order.
 */
final class TableAccumulator {

    private final String name;
    private final List<ColumnSchema> columns = new ArrayList<>();
    private final TreeMap<Integer, String> primaryKey = new TreeMap<>();
    private final Set<String> uniqueColumns = new HashSet<>();
    private final List<IndexSchema> indexes = new ArrayList<>();
    private final List<ForeignKeySchema> foreignKeys = new ArrayList<>();
    private final List<ConstraintSchema> constraints = new ArrayList<>();

    TableAccumulator(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    List<ColumnSchema> columns() {
        return columns;
    }

    void addColumn(ColumnSchema column) {
        columns.add(column);
    }

    Optional<ColumnSchema> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    void mapColumn(String columnName, UnaryOperator<ColumnSchema> change) {
        columns.replaceAll(c -> c.name().equals(columnName) ? change.apply(c) : c);
    }

    /** A primary-key member at its (any increasing) position in the key. */
    void addPrimaryKeyColumn(int position, String column) {
        primaryKey.put(position, column);
    }

    List<String> primaryKey() {
        return List.copyOf(primaryKey.values());
    }

    /** A UNIQUE constraint; the one behind a column's {@code unique: true} folds into that column. */
    void addUnique(String constraintName, List<String> constraintColumns) {
        if (isColumnUnique(constraintName, constraintColumns)) {
            uniqueColumns.add(constraintColumns.get(0));
        } else {
            constraints.add(new ConstraintSchema(constraintName, ConstraintSchema.Kind.UNIQUE, constraintColumns, null));
        }
    }

    /** An unnamed single-column uniqueness (SQLite's inline {@code UNIQUE}). */
    void addUniqueColumn(String column) {
        uniqueColumns.add(column);
    }

    /** An index; a full unique one named like a column's unique constraint folds into that column. */
    void addIndex(IndexSchema index) {
        if (index.unique() && index.where() == null && isColumnUnique(index.name(), index.columns())) {
            uniqueColumns.add(index.columns().get(0));
        } else {
            indexes.add(index);
        }
    }

    void addForeignKey(ForeignKeySchema foreignKey) {
        foreignKeys.add(foreignKey);
    }

    List<ForeignKeySchema> foreignKeys() {
        return foreignKeys;
    }

    void addCheck(String constraintName, String expression) {
        constraints.add(new ConstraintSchema(constraintName, ConstraintSchema.Kind.CHECK, List.of(), expression));
    }

    private boolean isColumnUnique(String objectName, List<String> objectColumns) {
        return objectColumns.size() == 1 && objectName.equals(Names.uniqueConstraintName(name, objectColumns.get(0)));
    }

    TableSchema build() {
        List<ColumnSchema> built = columns.stream()
                .map(c -> uniqueColumns.contains(c.name()) ? c.withUnique(true) : c)
                .toList();
        return new TableSchema(name, built, primaryKey(),
                sorted(indexes, IndexSchema::name),
                sorted(foreignKeys, ForeignKeySchema::name),
                sorted(constraints, ConstraintSchema::name));
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(key));
        return copy;
    }
}
