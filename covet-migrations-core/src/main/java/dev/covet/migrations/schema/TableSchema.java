package dev.covet.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One table's definition. The primary key is held once, as the ordered {@link #primaryKey()} column list;
 * each column's {@code primaryKey} flag is normalized to "is a member of it".
 *
 * @param name table name
 * @param columns columns in order
 * @param primaryKey primary-key columns in order (empty: none)
 * @param indexes indexes
 * @param foreignKeys foreign keys
 * @param constraints UNIQUE and CHECK constraints
 */
public record TableSchema(String name, List<ColumnSchema> columns, List<String> primaryKey,
                          List<IndexSchema> indexes, List<ForeignKeySchema> foreignKeys,
                          List<ConstraintSchema> constraints) {

    public TableSchema {
        Objects.requireNonNull(name, "name");
        List<String> pk = primaryKey == null || primaryKey.isEmpty()
                ? columns.stream().filter(ColumnSchema::primaryKey).map(ColumnSchema::name).toList()
                : List.copyOf(primaryKey);
        List<ColumnSchema> normalized = new ArrayList<>(columns.size());
        for (ColumnSchema c : columns) {
            boolean member = pk.contains(c.name());
            normalized.add(member == c.primaryKey() ? c : c.withNullable(c.nullable() && !member).withPrimaryKey(member));
        }
        columns = List.copyOf(normalized);
        primaryKey = pk;
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** A table with just columns. */
    public static TableSchema of(String name, List<ColumnSchema> columns) {
        return new TableSchema(name, columns, List.of(), List.of(), List.of(), List.of());
    }

    public Optional<ColumnSchema> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<IndexSchema> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public Optional<ForeignKeySchema> foreignKey(String fkName) {
        return foreignKeys.stream().filter(f -> f.name().equals(fkName)).findFirst();
    }

    public Optional<ConstraintSchema> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    public TableSchema withName(String newName) {
        return new TableSchema(newName, columns, primaryKey, indexes, foreignKeys, constraints);
    }

    public TableSchema withColumns(List<ColumnSchema> newColumns) {
        return new TableSchema(name, newColumns, primaryKey.stream()
                .filter(p -> newColumns.stream().anyMatch(c -> c.name().equals(p))).toList(),
                indexes, foreignKeys, constraints);
    }

    /** Replaces the column with the given name (same position). */
    public TableSchema mapColumn(String columnName, UnaryOperator<ColumnSchema> change) {
        return new TableSchema(name, columns.stream().map(c -> c.name().equals(columnName) ? change.apply(c) : c).toList(),
                primaryKey, indexes, foreignKeys, constraints);
    }

    public TableSchema withIndexes(List<IndexSchema> newIndexes) {
        return new TableSchema(name, columns, primaryKey, newIndexes, foreignKeys, constraints);
    }

    public TableSchema withForeignKeys(List<ForeignKeySchema> newForeignKeys) {
        return new TableSchema(name, columns, primaryKey, indexes, newForeignKeys, constraints);
    }

    public TableSchema withConstraints(List<ConstraintSchema> newConstraints) {
        return new TableSchema(name, columns, primaryKey, indexes, foreignKeys, newConstraints);
    }

    public TableSchema withPrimaryKey(List<String> newPrimaryKey) {
        List<ColumnSchema> cleared = columns.stream().map(c -> c.primaryKey()
                ? c.withPrimaryKey(false)
                : c).toList();
        return new TableSchema(name, cleared, newPrimaryKey, indexes, foreignKeys, constraints);
    }
}
