package dev.covet.migrations.dialect;

import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.sqlite.SQLiteWorkaround;
import dev.covet.migrations.sqlite.SqliteVersion;
import dev.covet.migrations.internal.sqlite.TableRebuild;

import java.util.List;

/**
 * SQLite: double-quoted identifiers, portable type names (so the declared type reads back as the same
 * {@link ColumnType}), and native ALTER TABLE only where the SQLite version has it: RENAME TABLE, RENAME
 * COLUMN (3.25+), ADD COLUMN of a column SQLite can add, DROP COLUMN (3.35+) of a column nothing else uses.
 * Every other table change is a {@link TableRebuild}; {@link SQLiteWorkaround} makes those decisions. With
 * {@code forceTableRebuild}, every column, foreign-key and constraint operation is a rebuild (table and index
 * operations stay native: they never needed ALTER TABLE).
 *
 * <p>An auto-increment column that is the whole primary key is written {@code INTEGER PRIMARY KEY
 * AUTOINCREMENT}, the only form SQLite generates values for; auto increment on any other column is ignored.
 */
public final class SqliteDialect extends SqlWriter implements Dialect {

    private final SQLiteWorkaround workaround;
    private final boolean versionKnown;

    /** Native ALTER TABLE where a current SQLite supports it (the engine refines this with the database's version). */
    public SqliteDialect() {
        this(false);
    }

    /**
     * @param forceTableRebuild whether every ALTER-kind operation is a table rebuild
     *        ({@code covet.migrations.sqlite.force-table-rebuild})
     */
    public SqliteDialect(boolean forceTableRebuild) {
        this(SqliteVersion.ASSUMED, forceTableRebuild, false);
    }

    /**
     * @param version the SQLite version the SQL is for: older versions get rebuilds for what they cannot ALTER
     * @param forceTableRebuild whether every ALTER-kind operation is a table rebuild
     */
    public SqliteDialect(SqliteVersion version, boolean forceTableRebuild) {
        this(version, forceTableRebuild, true);
    }

    private SqliteDialect(SqliteVersion version, boolean forceTableRebuild, boolean versionKnown) {
        this.workaround = new SQLiteWorkaround(this, version, forceTableRebuild);
        this.versionKnown = versionKnown;
    }

    /** The same dialect for the version of the database at hand, unless a version was given explicitly. */
    public SqliteDialect forDatabaseVersion(SqliteVersion detected) {
        return versionKnown ? this : new SqliteDialect(detected, workaround.forcesTableRebuild(), true);
    }

    /** What decides between native ALTER TABLE and a rebuild. */
    public SQLiteWorkaround workaround() {
        return workaround;
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

    @Override
    protected List<String> addColumn(AddColumn op, TableSchema before, TableSchema after) {
        return workaround.addColumn(before, after, op.column().name());
    }

    @Override
    protected List<String> dropColumn(DropColumn op, TableSchema before, TableSchema after, SchemaState schema) {
        return workaround.dropColumn(before, after, op.column(), schema);
    }

    @Override
    protected List<String> alterColumn(ColumnSchema old, ColumnSchema column, TableSchema before, TableSchema after) {
        return workaround.alterColumn(before, after);
    }

    @Override
    protected List<String> renameColumn(RenameColumn op, TableSchema before, TableSchema after) {
        return workaround.renameColumn(before, after, op.column(), op.newName());
    }

    @Override
    protected List<String> addForeignKey(AddForeignKey op, TableSchema before, TableSchema after) {
        return workaround.addConstraint(before, after);
    }

    @Override
    protected List<String> dropForeignKey(DropForeignKey op, TableSchema before, TableSchema after) {
        return workaround.dropConstraint(before, after);
    }

    @Override
    protected List<String> addConstraint(AddConstraint op, TableSchema before, TableSchema after) {
        return workaround.addConstraint(before, after);
    }

    @Override
    protected List<String> dropConstraint(DropConstraint op, TableSchema before, TableSchema after) {
        return workaround.dropConstraint(before, after);
    }

    /** Index names are unique in the whole schema, not per table. */
    @Override
    protected boolean indexNamesClash(String a, String b) {
        return a.equalsIgnoreCase(b);
    }
}
