package dev.covet.migrations.dialect;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.AddIndex;
import dev.covet.migrations.operation.AlterColumn;
import dev.covet.migrations.operation.CreateTable;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.DropTable;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.operation.RunJava;
import dev.covet.migrations.operation.RunSql;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.Names;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL all three dialects write the same way: column definitions, CREATE TABLE with its keys and
 * constraints, CREATE INDEX, and the dispatch from an {@link Operation} to the statement(s) for it. Dialects
 * supply quoting, types and literals, and override the operations they spell differently.
 *
 * <p>Public so that {@code dev.covet.migrations.dialect.TableRebuild} can write a full table definition.
 */
public abstract class SqlWriter {

    SqlWriter() {
        // only the dialects in this package extend it (Dialect is sealed)
    }

    /** The dialect's name, the key of per-dialect RUN_SQL statements. */
    public abstract String name();

    /** The identifier validated and quoted; see {@link Dialect#quote}. */
    public abstract String quote(String identifier);

    /**
     * The dialect's SQL for a type: a portable type as this dialect spells it, a native type verbatim when it is
     * this dialect's own.
     *
     * @throws IllegalArgumentException for another database's native type, naming it
     */
    public final String typeSql(ColumnType type) {
        if (!type.isNative()) {
            return portableTypeSql(type);
        }
        if (!type.dialect().equals(name())) {
            throw new IllegalArgumentException("column type '" + type.sql() + "' is " + type.dialect()
                    + "'s own type and has no " + name() + " spelling: write a portable type, or a " + name()
                    + ": type, for " + name());
        }
        return type.nativeSql();
    }

    /** The dialect's SQL for a portable (not native) type. */
    protected abstract String portableTypeSql(ColumnType type);

    /** How the dialect writes TRUE and FALSE. */
    protected abstract String booleanLiteral(boolean value);

    /** A SQL literal for a String, Number or Boolean. */
    public String literal(Object value) {
        if (value instanceof String s) {
            return "'" + escapeString(s) + "'";
        }
        if (value instanceof Boolean b) {
            return booleanLiteral(b);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            // new BigDecimal(String) refuses NaN and Infinity, which no database takes as a literal
            try {
                return new BigDecimal(n.toString()).toPlainString();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a default must be a finite number, not " + n, e);
            }
        }
        throw new IllegalArgumentException("a default must be a string, number or boolean, not " + value);
    }

    /** The body of a string literal; standard SQL only doubles quotes (MySQL also escapes backslashes). */
    protected String escapeString(String s) {
        return s.replace("'", "''");
    }

    /** The DEFAULT clause's value: a literal, or an expression verbatim. */
    protected String defaultSql(ColumnDefault value) {
        if (value instanceof ColumnDefault.Literal l) {
            return literal(l.value());
        }
        return ((ColumnDefault.Expression) value).sql();
    }

    /**
     * A column as it appears in CREATE TABLE and ADD COLUMN: name, type, NOT NULL, DEFAULT. The primary key
     * and UNIQUE are table constraints, not part of this.
     */
    public String columnDefinition(TableSchema table, ColumnSchema column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(typeSql(column.type()));
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        if (column.defaultValue() != null && !column.autoIncrement()) {
            sql.append(" DEFAULT ").append(defaultSql(column.defaultValue()));
        }
        return sql.toString();
    }

    /** Whether the primary key is written inside a column definition rather than as a table constraint. */
    protected boolean primaryKeyInline(TableSchema table) {
        return false;
    }

    /** {@code CREATE TABLE name (...)} with columns, primary key, unique columns, foreign keys and constraints. */
    public String createTable(String name, TableSchema table) {
        return "CREATE TABLE " + quote(name) + definition(name, table);
    }

    /**
     * {@code CREATE TABLE IF NOT EXISTS} for one of Covet's own tables, with {@link #ownTableOptions()}; see
     * {@link Dialect#createIfNotExists}.
     *
     * @throws IllegalArgumentException for a table with indexes, which would need statements of their own
     */
    public String createIfNotExists(TableSchema table) {
        if (!table.indexes().isEmpty() && !indexesInCreateTable()) {
            throw new IllegalArgumentException("Covet's table " + table.name() + " is created in one statement: use constraints, not indexes");
        }
        return "CREATE TABLE IF NOT EXISTS " + quote(table.name()) + definition(table.name(), table) + ownTableOptions();
    }

    /** What follows the definition of Covet's own tables; none by default. */
    protected String ownTableOptions() {
        return "";
    }

    /** {@code " (columns, keys, constraints[, indexes])"}. */
    private String definition(String name, TableSchema table) {
        List<String> parts = new ArrayList<>();
        for (ColumnSchema c : table.columns()) {
            parts.add(columnDefinition(table, c));
        }
        if (!table.primaryKey().isEmpty() && !primaryKeyInline(table)) {
            parts.add("PRIMARY KEY " + columnList(table.primaryKey()));
        }
        for (ColumnSchema c : table.columns()) {
            if (c.unique() && !c.primaryKey()) {
                parts.add(uniqueColumnConstraint(table.name(), c.name()));
            }
        }
        for (ForeignKeySchema fk : table.foreignKeys()) {
            parts.add(foreignKeyClause(fk));
        }
        for (ConstraintSchema c : table.constraints()) {
            parts.add(constraintClause(c));
        }
        if (indexesInCreateTable()) {
            for (IndexSchema index : table.indexes()) {
                whereClause(name, index); // refuses what the dialect cannot declare (a partial index)
                parts.add((index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " " + columnList(index.columns()));
            }
        }
        return " (" + String.join(", ", parts) + ")";
    }

    /**
     * Whether two index names clash on this database although they are on different tables. MySQL scopes index
     * names to their table; PostgreSQL and SQLite keep them unique across the schema.
     */
    protected boolean indexNamesClash(String a, String b) {
        return false;
    }

    /**
     * Refuses, before anything runs, an index whose name another table's index already has where the database keeps
     * index names unique across the schema: the migration would otherwise fail half-way with the database's
     * "already exists", and only on some databases.
     */
    private void requireFreeIndexNames(Operation operation, SchemaState before) {
        String table;
        List<IndexSchema> added;
        if (operation instanceof CreateTable op) {
            table = op.table().name();
            added = op.table().indexes();
        } else if (operation instanceof AddIndex op) {
            table = op.table();
            added = List.of(op.index());
        } else {
            return;
        }
        for (IndexSchema index : added) {
            for (TableSchema other : before.tables().values()) {
                if (other.name().equals(table)) {
                    continue;
                }
                for (IndexSchema existing : other.indexes()) {
                    if (indexNamesClash(existing.name(), index.name())) {
                        throw new IllegalArgumentException("index '" + index.name() + "' on '" + table + "': " + name()
                                + " keeps index names unique across the schema, and table '" + other.name()
                                + "' already has an index named '" + existing.name() + "'; rename one of them");
                    }
                }
            }
        }
    }

    /**
     * Whether CREATE TABLE declares the table's indexes itself instead of one CREATE INDEX each after it. Off by
     * default (PostgreSQL and SQLite have no index clause in CREATE TABLE).
     */
    protected boolean indexesInCreateTable() {
        return false;
    }

    /** CREATE TABLE, followed by one CREATE INDEX per index unless the dialect declares them in the CREATE TABLE. */
    public List<String> createTableStatements(TableSchema table) {
        List<String> sql = new ArrayList<>();
        sql.add(createTable(table.name(), table));
        if (!indexesInCreateTable()) {
            for (IndexSchema index : table.indexes()) {
                sql.add(createIndex(table.name(), index));
            }
        }
        return sql;
    }

    /** {@code CREATE [UNIQUE] INDEX n ON t (cols)[ WHERE ...]}. */
    public String createIndex(String table, IndexSchema index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON " + quote(table)
                + " " + columnList(index.columns()) + whereClause(table, index);
    }

    /** The partial-index predicate, written verbatim: it is SQL from the migration file, like a CHECK. */
    protected String whereClause(String table, IndexSchema index) {
        return index.where() == null ? "" : " WHERE " + index.where();
    }

    /** The named UNIQUE constraint behind a column's {@code unique: true}. */
    protected String uniqueColumnConstraint(String table, String column) {
        return "CONSTRAINT " + quote(Names.uniqueConstraintName(table, column)) + " UNIQUE (" + quote(column) + ")";
    }

    /** {@code CONSTRAINT fk FOREIGN KEY (..) REFERENCES t (..)[ ON DELETE x][ ON UPDATE y]}. */
    public String foreignKeyClause(ForeignKeySchema fk) {
        return "CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY " + columnList(fk.columns())
                + " REFERENCES " + quote(fk.referencedTable()) + " " + columnList(fk.referencedColumns())
                + (fk.onDelete() == null ? "" : " ON DELETE " + action(fk.onDelete()))
                + (fk.onUpdate() == null ? "" : " ON UPDATE " + action(fk.onUpdate()));
    }

    /** {@code CONSTRAINT n UNIQUE (..)} or {@code CONSTRAINT n CHECK (expr)}. */
    public String constraintClause(ConstraintSchema c) {
        if (c.kind() == ConstraintSchema.Kind.UNIQUE) {
            return "CONSTRAINT " + quote(c.name()) + " UNIQUE " + columnList(c.columns());
        }
        return "CONSTRAINT " + quote(c.name()) + " CHECK (" + c.expression() + ")";
    }

    /** {@code ("a", "b")}. */
    public String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A referential action checked against the five SQL knows, since it is written into SQL unquoted. */
    private static String action(String action) {
        String a = action.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (!List.of("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION").contains(a)) {
            throw new IllegalArgumentException("unknown referential action '" + action
                    + "' (CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION)");
        }
        return a;
    }

    /** {@code ALTER TABLE "t" }: the start of most statements. */
    protected String alterTable(String table) {
        return "ALTER TABLE " + quote(table) + " ";
    }

    /**
     * The statements for one operation, given the schema before it; see {@link Dialect#render}.
     *
     * @throws dev.covet.migrations.schema.SchemaException when the operation does not fit {@code before}
     */
    public List<String> render(Operation operation, SchemaState before) {
        if (operation instanceof RunJava) {
            throw new UnsupportedOperationException("RUN_JAVA is run by the executor, not rendered as SQL");
        }
        if (operation instanceof RunSql op) {
            return op.sql().statementsFor(name()).orElseThrow(() -> new IllegalArgumentException(
                    "RUN_SQL has no statements for " + name() + " (it has: " + op.sql().perDialect().keySet() + ")"));
        }
        // Applying first both validates the operation (SchemaException) and gives the state to render from.
        SchemaState after = operation.applyTo(before);
        requireFreeIndexNames(operation, before);
        if (operation instanceof CreateTable op) {
            return createTableStatements(op.table());
        }
        if (operation instanceof DropTable op) {
            return List.of("DROP TABLE " + quote(op.table()));
        }
        if (operation instanceof RenameTable op) {
            return renameTable(op, before.requireTable(op.table()));
        }
        if (operation instanceof AddIndex op) {
            return List.of(createIndex(op.table(), op.index()));
        }
        if (operation instanceof DropIndex op) {
            return dropIndex(op);
        }
        // The rest change one table; pass its definition before and after.
        TableSchema was = before.requireTable(tableOf(operation));
        TableSchema is = after.requireTable(tableOf(operation));
        if (operation instanceof AddColumn op) {
            return op.fillExistingRows() != null && op.column().defaultValue() == null
                    ? addColumnFillingExistingRows(op, was, is) : addColumn(op, was, is);
        }
        if (operation instanceof DropColumn op) {
            return dropColumn(op, was, is, before);
        }
        if (operation instanceof AlterColumn op) {
            ColumnSchema old = was.column(op.column().name()).orElseThrow();
            List<String> sql = new ArrayList<>();
            if (op.fillNullRows() != null && old.nullable() && !op.column().nullable()) {
                // Before the ALTER: no database makes a column NOT NULL while a row holds NULL in it.
                sql.add("UPDATE " + quote(op.table()) + " SET " + quote(old.name()) + " = " + defaultSql(op.fillNullRows())
                        + " WHERE " + quote(old.name()) + " IS NULL");
            }
            sql.addAll(alterColumn(old, is.column(op.column().name()).orElseThrow(), was, is));
            return sql;
        }
        if (operation instanceof RenameColumn op) {
            return renameColumn(op, was, is);
        }
        if (operation instanceof AddForeignKey op) {
            return addForeignKey(op, was, is);
        }
        if (operation instanceof DropForeignKey op) {
            return dropForeignKey(op, was, is);
        }
        if (operation instanceof AddConstraint op) {
            return addConstraint(op, was, is);
        }
        if (operation instanceof DropConstraint op) {
            return dropConstraint(op, was, is);
        }
        throw new IllegalStateException("no rendering for " + operation.type());
    }

    private static String tableOf(Operation operation) {
        if (operation instanceof AddColumn op) {
            return op.table();
        }
        if (operation instanceof DropColumn op) {
            return op.table();
        }
        if (operation instanceof AlterColumn op) {
            return op.table();
        }
        if (operation instanceof RenameColumn op) {
            return op.table();
        }
        if (operation instanceof AddForeignKey op) {
            return op.table();
        }
        if (operation instanceof DropForeignKey op) {
            return op.table();
        }
        if (operation instanceof AddConstraint op) {
            return op.table();
        }
        if (operation instanceof DropConstraint op) {
            return op.table();
        }
        throw new IllegalStateException("not a single-table operation: " + operation.type());
    }

    /** {@code ALTER TABLE a RENAME TO b} (PostgreSQL, SQLite), then the unique-column constraints renamed. */
    protected List<String> renameTable(RenameTable op, TableSchema table) {
        List<String> sql = new ArrayList<>();
        sql.add(alterTable(op.table()) + "RENAME TO " + quote(op.newName()));
        for (ColumnSchema c : table.columns()) {
            if (c.unique() && !c.primaryKey()) {
                sql.addAll(renameUniqueColumnConstraint(op.newName(),
                        Names.uniqueConstraintName(op.table(), c.name()), Names.uniqueConstraintName(op.newName(), c.name())));
            }
        }
        return sql;
    }

    /**
     * Renames the constraint behind a column's {@code unique: true} after its table or column was renamed,
     * so that it keeps the name {@link Names#uniqueConstraintName} gives and a later ALTER can drop it.
     * Nothing by default (SQLite: a later change rebuilds the table, which writes the new name).
     */
    protected List<String> renameUniqueColumnConstraint(String table, String oldName, String newName) {
        return List.of();
    }

    /** {@code DROP INDEX n} (PostgreSQL, SQLite: index names are per schema). */
    protected List<String> dropIndex(DropIndex op) {
        return List.of("DROP INDEX " + quote(op.index()));
    }

    protected abstract List<String> addColumn(AddColumn op, TableSchema before, TableSchema after);

    /**
     * A NOT NULL column added to a table that may hold rows: added with the fill value as its default (so every
     * existing row gets it, and no database refuses the NOT NULL), then altered to the definition without that
     * default (a table rebuild on SQLite), so the value stays data rather than schema.
     */
    private List<String> addColumnFillingExistingRows(AddColumn op, TableSchema before, TableSchema after) {
        ColumnSchema filling = op.columnWhileFilling();
        List<ColumnSchema> columns = new ArrayList<>(after.columns());
        columns.replaceAll(c -> c.name().equals(filling.name()) ? filling : c);
        TableSchema whileFilling = after.withColumns(columns);
        List<String> sql = new ArrayList<>(addColumn(new AddColumn(op.table(), filling), before, whileFilling));
        sql.addAll(alterColumn(filling, after.column(filling.name()).orElseThrow(), whileFilling, after));
        return sql;
    }

    protected abstract List<String> dropColumn(DropColumn op, TableSchema before, TableSchema after, SchemaState schema);

    /** @param old the column as it is, {@code column} as it becomes */
    protected abstract List<String> alterColumn(ColumnSchema old, ColumnSchema column, TableSchema before, TableSchema after);

    protected List<String> renameColumn(RenameColumn op, TableSchema before, TableSchema after) {
        List<String> sql = new ArrayList<>();
        sql.add(alterTable(op.table()) + "RENAME COLUMN " + quote(op.column()) + " TO " + quote(op.newName()));
        ColumnSchema c = after.column(op.newName()).orElseThrow();
        if (c.unique() && !c.primaryKey()) {
            sql.addAll(renameUniqueColumnConstraint(op.table(),
                    Names.uniqueConstraintName(op.table(), op.column()), Names.uniqueConstraintName(op.table(), op.newName())));
        }
        return sql;
    }

    protected List<String> addForeignKey(AddForeignKey op, TableSchema before, TableSchema after) {
        return List.of(alterTable(op.table()) + "ADD " + foreignKeyClause(op.foreignKey()));
    }

    protected List<String> dropForeignKey(DropForeignKey op, TableSchema before, TableSchema after) {
        return List.of(alterTable(op.table()) + "DROP CONSTRAINT " + quote(op.foreignKey()));
    }

    protected List<String> addConstraint(AddConstraint op, TableSchema before, TableSchema after) {
        return List.of(alterTable(op.table()) + "ADD " + constraintClause(op.constraint()));
    }

    protected List<String> dropConstraint(DropConstraint op, TableSchema before, TableSchema after) {
        return List.of(alterTable(op.table()) + "DROP CONSTRAINT " + quote(op.constraint()));
    }

    /** {@code ALTER TABLE t ADD CONSTRAINT uk UNIQUE (c)} for a column that became unique. */
    protected String addUniqueColumn(String table, String column) {
        return alterTable(table) + "ADD " + uniqueColumnConstraint(table, column);
    }
}
