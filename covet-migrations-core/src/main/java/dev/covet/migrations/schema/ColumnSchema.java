package dev.covet.migrations.schema;

import java.util.Objects;

/**
 * One column's definition. Built as {@code ColumnSchema.of("id", type).notNull().asPrimaryKey().autoIncremented()}
 * rather than through the canonical constructor, whose four flags in a row are easy to swap.
 *
 * @param name column name
 * @param type normalized type
 * @param nullable whether NULL is allowed
 * @param defaultValue the default, or {@code null} for none
 * @param unique whether the column alone is unique
 * @param primaryKey whether the column alone is the primary key
 * @param autoIncrement whether the database generates its values
 */
public record ColumnSchema(String name, ColumnType type, boolean nullable, ColumnDefault defaultValue,
                           boolean unique, boolean primaryKey, boolean autoIncrement) {

    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A nullable column with no default and no key. */
    public static ColumnSchema of(String name, ColumnType type) {
        return new ColumnSchema(name, type, true, null, false, false, false);
    }

    public ColumnSchema withName(String newName) {
        return new ColumnSchema(newName, type, nullable, defaultValue, unique, primaryKey, autoIncrement);
    }

    public ColumnSchema withType(ColumnType newType) {
        return new ColumnSchema(name, newType, nullable, defaultValue, unique, primaryKey, autoIncrement);
    }

    public ColumnSchema withNullable(boolean newNullable) {
        return new ColumnSchema(name, type, newNullable, defaultValue, unique, primaryKey, autoIncrement);
    }

    public ColumnSchema withDefault(ColumnDefault newDefault) {
        return new ColumnSchema(name, type, nullable, newDefault, unique, primaryKey, autoIncrement);
    }

    public ColumnSchema withUnique(boolean newUnique) {
        return new ColumnSchema(name, type, nullable, defaultValue, newUnique, primaryKey, autoIncrement);
    }

    public ColumnSchema withPrimaryKey(boolean newPrimaryKey) {
        return new ColumnSchema(name, type, nullable, defaultValue, unique, newPrimaryKey, autoIncrement);
    }

    public ColumnSchema withAutoIncrement(boolean newAutoIncrement) {
        return new ColumnSchema(name, type, nullable, defaultValue, unique, primaryKey, newAutoIncrement);
    }

    /** This column with NULL refused. */
    public ColumnSchema notNull() {
        return withNullable(false);
    }

    /** This column, alone unique. */
    public ColumnSchema asUnique() {
        return withUnique(true);
    }

    /** This column as the table's single-column primary key. */
    public ColumnSchema asPrimaryKey() {
        return withPrimaryKey(true);
    }

    /** This column with values the database generates. */
    public ColumnSchema autoIncremented() {
        return withAutoIncrement(true);
    }
}
