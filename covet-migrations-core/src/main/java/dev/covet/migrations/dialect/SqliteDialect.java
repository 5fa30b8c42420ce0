package dev.covet.migrations.dialect;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.sqlite.TableRebuild;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQLite 3.35+: double-quoted identifiers, portable type names (so the declared type reads back as the same
 * {@link ColumnType}), and native ALTER TABLE only where SQLite has it: RENAME TABLE, RENAME COLUMN, ADD
 * COLUMN of a column SQLite can add, DROP COLUMN of a column nothing else uses. Every other table change is a
 * {@link TableRebuild}. With {@code forceTableRebuild}, every column, foreign-key and constraint operation is
 * a rebuild (table and index operations stay native: they never needed ALTER TABLE).
 *
 * <p>An auto-increment column that is the whole primary key is written {@code INTEGER PRIMARY KEY
 * AUTOINCREMENT}, the only form SQLite generates values for; auto increment on any other column is ignored.
 */
public final class SqliteDialect extends SqlWriter implements Dialect {

    private final boolean forceTableRebuild;

    /** Native ALTER TABLE where SQLite supports it. */
    public SqliteDialect() {
        this(false);
    }

    /** @param forceTableRebuild whether every ALTER-kind operation is a table rebuild */
    public SqliteDialect(boolean forceTableRebuild) {
        this.forceTableRebuild = forceTableRebuild;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String quote(String identifier) {
        return "\"" + Identifiers.requireValid(identifier) + "\"";
    }

    @Override
    public String typeSql(ColumnType type) {
        return type.sql();
    }

    @Override
    protected String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    protected boolean primaryKeyInline(TableSchema table) {
        return inlineKey(table) != null;
    }

    /** The column written as {@code INTEGER PRIMARY KEY AUTOINCREMENT}, or null. */
    private static ColumnSchema inlineKey(TableSchema table) {
        if (table.primaryKey().size() != 1) {
            return null;
        }
        return table.column(table.primaryKey().get(0)).filter(ColumnSchema::autoIncrement).orElse(null);
    }

    @Override
    public String columnDefinition(TableSchema table, ColumnSchema column) {
        if (column.equals(inlineKey(table))) {
            // SQLite only generates keys for a column declared exactly INTEGER PRIMARY KEY.
            return quote(column.name()) + " INTEGER PRIMARY KEY AUTOINCREMENT";
        }
        return super.columnDefinition(table, column);
    }

    private List<String> rebuild(TableSchema before, TableSchema after) {
        return new TableRebuild(this).statements(before, after, Map.of());
    }

    @Override
    protected List<String> addColumn(AddColumn op, TableSchema before, TableSchema after) {
        ColumnSchema c = after.column(op.column().name()).orElseThrow();
        // SQLite's ADD COLUMN: no key, no UNIQUE, a constant default, and NOT NULL only with a default.
        boolean inPlace = !forceTableRebuild && !c.primaryKey() && !c.unique() && !c.autoIncrement()
                && (c.nullable() || c.defaultValue() != null)
                && !(c.defaultValue() instanceof ColumnDefault.Expression);
        return inPlace ? List.of(alterTable(op.table()) + "ADD COLUMN " + columnDefinition(after, c)) : rebuild(before, after);
    }

    @Override
    protected List<String> dropColumn(DropColumn op, TableSchema before, TableSchema after, SchemaState schema) {
        // The projected table keeps CHECK constraints (they name no columns), but SQLite refuses to create a
        // table whose CHECK mentions a missing column; say so instead of failing mid-rebuild.
        Pattern word = wordPattern(op.column());
        for (ConstraintSchema k : after.constraints()) {
            if (k.expression() != null && word.matcher(k.expression()).find()) {
                throw new IllegalArgumentException("cannot drop column '" + op.table() + "." + op.column() + "' on SQLite: CHECK constraint '"
                        + k.name() + "' uses it; drop the constraint first");
            }
        }
        return forceTableRebuild || isUsed(op.column(), before, schema) ? rebuild(before, after)
                : List.of(alterTable(op.table()) + "DROP COLUMN " + quote(op.column()));
    }

    /** Whether anything SQLite's DROP COLUMN refuses to touch uses the column. */
    private static boolean isUsed(String column, TableSchema table, SchemaState schema) {
        ColumnSchema c = table.column(column).orElseThrow();
        // Expressions (CHECK, partial-index WHERE) are not parsed; a word match errs towards a rebuild.
        Pattern word = wordPattern(column);
        if (c.primaryKey() || c.unique()) {
            return true;
        }
        for (IndexSchema i : table.indexes()) {
            if (i.columns().contains(column) || (i.where() != null && word.matcher(i.where()).find())) {
                return true;
            }
        }
        for (ConstraintSchema k : table.constraints()) {
            if (k.columns().contains(column) || (k.expression() != null && word.matcher(k.expression()).find())) {
                return true;
            }
        }
        for (ForeignKeySchema fk : table.foreignKeys()) {
            if (fk.columns().contains(column)) {
                return true;
            }
        }
        for (TableSchema other : schema.tables().values()) {
            for (ForeignKeySchema fk : other.foreignKeys()) {
                if (fk.referencedTable().equals(table.name()) && fk.referencedColumns().contains(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The name as a whole word in an expression (case-insensitive, as SQLite resolves names). */
    private static Pattern wordPattern(String name) {
        return Pattern.compile("(?i)(^|[^A-Za-z0-9_])" + Pattern.quote(name) + "($|[^A-Za-z0-9_])");
    }

    @Override
    protected List<String> alterColumn(ColumnSchema old, ColumnSchema column, TableSchema before, TableSchema after) {
        // SQLite cannot change a column's type, nullability, default or uniqueness in place.
        return rebuild(before, after);
    }

    @Override
    protected List<String> renameColumn(RenameColumn op, TableSchema before, TableSchema after) {
        return forceTableRebuild ? new TableRebuild(this).statements(before, after, Map.of(op.newName(), op.column()))
                : super.renameColumn(op, before, after);
    }

    @Override
    protected List<String> addForeignKey(AddForeignKey op, TableSchema before, TableSchema after) {
        return rebuild(before, after);
    }

    @Override
    protected List<String> dropForeignKey(DropForeignKey op, TableSchema before, TableSchema after) {
        return rebuild(before, after);
    }

    @Override
    protected List<String> addConstraint(AddConstraint op, TableSchema before, TableSchema after) {
        return rebuild(before, after);
    }

    @Override
    protected List<String> dropConstraint(DropConstraint op, TableSchema before, TableSchema after) {
        return rebuild(before, after);
    }
}
