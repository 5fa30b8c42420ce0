package dev.covet.migrations.internal.loader;

import dev.covet.migrations.loader.MigrationFileException;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.TableSchema;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the definitions inside operations: columns, tables, indexes, foreign keys and constraints. */
final class DefinitionReader {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Set<String> ACTIONS = Set.of("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION");
    private static final Set<String> CURRENT_TIME_DEFAULTS =
            Set.of("CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "NOW()", "LOCALTIMESTAMP");

    private static final Set<String> COLUMN_KEYS =
            Set.of("name", "type", "nullable", "default", "unique", "primary_key", "auto_increment");
    private static final Set<String> TABLE_KEYS =
            Set.of("table", "columns", "primary_key", "foreign_keys", "indexes", "constraints");

    private DefinitionReader() {
    }

    /** A table, column, index or key name: letters, digits and '_' only, so nothing can be smuggled into SQL. */
    static String identifier(Fields f, String key) {
        String name = f.requireString(key);
        if (!f.raw(key).isString()) {
            // table: true would otherwise become a table named "true"
            throw f.error(key, "must be a name, not " + Fields.kind(f.raw(key)));
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            throw f.error(key, "invalid name '" + name + "': use letters, digits and '_' (at most 63 characters,"
                    + " not starting with a digit)");
        }
        return name;
    }

    static List<String> identifiers(Fields f, String key) {
        List<String> names = f.stringList(key);
        for (int i = 0; i < names.size(); i++) {
            if (!IDENTIFIER.matcher(names.get(i)).matches()) {
                throw new MigrationFileException(f.file(), f.path(key) + "[" + i + "]", "invalid name '" + names.get(i)
                        + "': use letters, digits and '_' (at most 63 characters, not starting with a digit)");
            }
        }
        return names;
    }

    static ColumnSchema column(Fields f) {
        f.allowOnly(COLUMN_KEYS);
        String name = identifier(f, "name");
        ColumnType type;
        try {
            type = ColumnType.parse(f.requireString("type"));
        } catch (IllegalArgumentException e) {
            throw f.error("type", e.getMessage());
        }
        String sizeProblem = sizeProblem(type);
        if (sizeProblem != null) {
            throw f.error("type", sizeProblem);
        }
        boolean primaryKey = f.optBoolean("primary_key", false);
        boolean nullable = f.optBoolean("nullable", !primaryKey);
        if (primaryKey && nullable) {
            throw f.error("nullable", "a primary-key column cannot be nullable");
        }
        boolean autoIncrement = f.optBoolean("auto_increment", false);
        if (autoIncrement && !type.holdsIntegers()) {
            throw f.error("auto_increment", "only integer columns can auto-increment, not " + type);
        }
        return ColumnSchema.of(name, type).withNullable(nullable).withDefault(columnDefault(f, type))
                .withUnique(f.optBoolean("unique", false)).withPrimaryKey(primaryKey).withAutoIncrement(autoIncrement);
    }

    /** What no database can make of a type's sizes ({@code VARCHAR(0)}, {@code DECIMAL(2,5)}), or {@code null}. */
    static String sizeProblem(ColumnType type) {
        if (type.length() != null && type.length() < 1) {
            return type + ": a length must be at least 1";
        }
        if (type.precision() != null && type.kind() == ColumnType.Kind.DECIMAL
                && (type.precision() < 1 || type.precision() > 1000)) {
            return type + ": a DECIMAL's precision must be between 1 and 1000";
        }
        if (type.scale() != null && type.precision() != null && type.scale() > type.precision()) {
            return type + ": the scale cannot exceed the precision";
        }
        if (type.precision() != null && type.kind() != ColumnType.Kind.DECIMAL && type.precision() > 6) {
            return type + ": fractional seconds go up to 6 digits";
        }
        return null;
    }

    /**
     * A default: a plain value is a literal; the SQL functions for the current time, and {@code {sql: ...}}, are
     * expressions evaluated by the database.
     */
    private static ColumnDefault columnDefault(Fields f, ColumnType type) {
        return columnDefault(f, "default", type);
    }

    /** A default-like value under {@code key}: a literal, or {@code {sql: expression}}; null when absent. */
    static ColumnDefault columnDefault(Fields f, String key, ColumnType type) {
        JsonNode v = f.raw(key);
        if (v == null) {
            return null;
        }
        if (v.isObject()) {
            Fields expr = f.object(key).allowOnly(Set.of("sql"));
            return new ColumnDefault.Expression(SqlExpressions.require(expr, "sql"));
        }
        if (v.isBoolean()) {
            return new ColumnDefault.Literal(v.booleanValue());
        }
        if (v.isNumber()) {
            return new ColumnDefault.Literal(v.decimalValue());
        }
        if (v.isString()) {
            String s = v.stringValue();
            if (CURRENT_TIME_DEFAULTS.contains(s.trim().toUpperCase(Locale.ROOT))) {
                String upper = s.trim().toUpperCase(Locale.ROOT);
                return new ColumnDefault.Expression(upper.equals("NOW()") ? "CURRENT_TIMESTAMP" : upper);
            }
            if (type.kind() == ColumnType.Kind.BOOLEAN && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return new ColumnDefault.Literal(Boolean.parseBoolean(s));
            }
            return new ColumnDefault.Literal(s);
        }
        throw f.error(key, "must be a value or {sql: <expression>}, not " + Fields.kind(v));
    }

    static List<ColumnSchema> columns(Fields f, String key) {
        List<Fields> items = f.objects(key);
        return items.stream().map(DefinitionReader::column).toList();
    }

    static TableSchema table(Fields f, String nameKey) {
        f.allowOnly(TABLE_KEYS);
        String name = identifier(f, nameKey);
        List<ColumnSchema> columns = columns(f, "columns");
        if (columns.isEmpty()) {
            throw f.error("columns", "a table needs at least one column");
        }
        List<String> primaryKey = identifiers(f, "primary_key");
        for (String pk : primaryKey) {
            if (columns.stream().noneMatch(c -> c.name().equals(pk))) {
                throw f.error("primary_key", "names column '" + pk + "', which the table does not have");
            }
        }
        if (!primaryKey.isEmpty() && columns.stream().anyMatch(c -> c.primaryKey() && !primaryKey.contains(c.name()))) {
            throw f.error("primary_key", "is given both on the table and on a column that is not in it");
        }
        List<IndexSchema> indexes = f.objects("indexes").stream().map(DefinitionReader::index).toList();
        List<ForeignKeySchema> fks = f.objects("foreign_keys").stream().map(DefinitionReader::foreignKey).toList();
        List<ConstraintSchema> constraints = f.objects("constraints").stream().map(DefinitionReader::constraint).toList();
        return new TableSchema(name, columns, primaryKey, indexes, fks, constraints);
    }

    static IndexSchema index(Fields f) {
        f.allowOnly(Set.of("name", "columns", "unique", "where"));
        List<String> columns = identifiers(f, "columns");
        if (columns.isEmpty()) {
            throw f.error("columns", "an index needs at least one column");
        }
        String where = f.has("where") ? SqlExpressions.require(f, "where") : null;
        return new IndexSchema(identifier(f, "name"), columns, f.optBoolean("unique", false), where);
    }

    static ForeignKeySchema foreignKey(Fields f) {
        f.allowOnly(Set.of("name", "columns", "references", "on_delete", "on_update"));
        List<String> columns = identifiers(f, "columns");
        Fields ref = f.object("references").allowOnly(Set.of("table", "columns"));
        List<String> refColumns = identifiers(ref, "columns");
        if (columns.isEmpty() || columns.size() != refColumns.size()) {
            throw f.error("columns", "a foreign key needs the same number (at least one) of columns and referenced columns");
        }
        return new ForeignKeySchema(identifier(f, "name"), columns, identifier(ref, "table"), refColumns,
                action(f, "on_delete"), action(f, "on_update"));
    }

    private static String action(Fields f, String key) {
        String value = f.optString(key);
        if (value == null) {
            return null;
        }
        String normalized = value.trim().replace('_', ' ').toUpperCase(Locale.ROOT);
        if (!ACTIONS.contains(normalized)) {
            throw f.error(key, "unknown action '" + value + "' (CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION)");
        }
        // NO ACTION is what a database does without a clause: one spelling for the model. RESTRICT is kept: on
        // PostgreSQL and SQLite it checks at once, where NO ACTION may wait for the end of the statement or commit.
        return normalized.equals("NO ACTION") ? null : normalized;
    }

    static ConstraintSchema constraint(Fields f) {
        f.allowOnly(Set.of("name", "kind", "columns", "expression"));
        String name = identifier(f, "name");
        String kind = f.requireString("kind").toUpperCase(Locale.ROOT);
        if (kind.equals("UNIQUE")) {
            List<String> columns = identifiers(f, "columns");
            if (columns.isEmpty()) {
                throw f.error("columns", "a UNIQUE constraint needs columns");
            }
            return new ConstraintSchema(name, ConstraintSchema.Kind.UNIQUE, columns, null);
        }
        if (kind.equals("CHECK")) {
            String expression = SqlExpressions.require(f, "expression");
            return new ConstraintSchema(name, ConstraintSchema.Kind.CHECK, List.of(), expression);
        }
        throw f.error("kind", "unknown constraint kind '" + kind + "' (UNIQUE or CHECK)");
    }
}
