package dev.covet.migrations.dialect;

import dev.covet.migrations.sqlite.SqliteVersion;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides, for each table change SQLite's ALTER TABLE may not support, between the native statement and a
 * {@link TableRebuild}, from the SQLite {@link #version()} and whether rebuilds are forced
 * ({@code covet.migrations.sqlite.force-table-rebuild}).
 *
 * <ul>
 *   <li>change of a column's type, nullability, default or uniqueness: always a rebuild;</li>
 *   <li>drop column: native from 3.35 when nothing else uses the column, otherwise a rebuild;</li>
 *   <li>rename column: native from 3.25, otherwise a rebuild;</li>
 *   <li>add or drop a foreign key, CHECK or UNIQUE constraint, change the primary key: always a rebuild;</li>
 *   <li>add column: native when SQLite's ADD COLUMN can add it, otherwise a rebuild.</li>
 * </ul>
 * With forced rebuilds every one of these is a rebuild. The statements returned are run by the migration
 * executor, which follows SQLite's 12-step procedure around them (foreign keys off, one transaction, triggers
 * and non-model indexes re-created, row counts and {@code foreign_key_check} verified before commit).
 */
public final class SqliteAlterations {

    private final SqlWriter sql;
    private final SqliteVersion version;
    private final boolean forceTableRebuild;

    /**
     * @param sql the SQLite writer (quoting, table and index definitions)
     * @param version the SQLite library version the statements are for
     * @param forceTableRebuild whether every change below is a rebuild, even where SQLite has a native form
     */
    public SqliteAlterations(SqlWriter sql, SqliteVersion version, boolean forceTableRebuild) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.version = Objects.requireNonNull(version, "version");
        this.forceTableRebuild = forceTableRebuild;
    }

    /** The SQLite version the decisions are made for. */
    public SqliteVersion version() {
        return version;
    }

    /** Whether every change is a rebuild. */
    public boolean forcesTableRebuild() {
        return forceTableRebuild;
    }

    /** Rebuilds {@code before} as {@code after}, copying columns by name. */
    public List<String> rebuild(TableSchema before, TableSchema after) {
        return new TableRebuild(sql).statements(before, after, Map.of());
    }

    /** Adds a column: native ADD COLUMN when SQLite allows it (no key, no UNIQUE, constant default, NOT NULL only with a default). */
    public List<String> addColumn(TableSchema before, TableSchema after, String column) {
        ColumnSchema c = after.column(column).orElseThrow();
        boolean inPlace = !forceTableRebuild && !c.primaryKey() && !c.unique() && !c.autoIncrement()
                && (c.nullable() || c.defaultValue() != null)
                && !(c.defaultValue() instanceof ColumnDefault.Expression);
        return inPlace ? List.of(alterTable(before) + "ADD COLUMN " + sql.columnDefinition(after, c)) : rebuild(before, after);
    }

    /** Changes a column's type, nullability, default or uniqueness: SQLite has no ALTER COLUMN, so always a rebuild. */
    public List<String> alterColumn(TableSchema before, TableSchema after) {
        return rebuild(before, after);
    }

    /**
     * Drops a column: native DROP COLUMN (3.35+) when no key, index, constraint or foreign key uses it,
     * otherwise a rebuild.
     *
     * @param schema the whole schema before, for foreign keys of other tables that reference the column
     * @throws IllegalArgumentException when a CHECK constraint that stays uses the column
     */
    public List<String> dropColumn(TableSchema before, TableSchema after, String column, SchemaState schema) {
        // The projected table keeps CHECK constraints (they name no columns), but SQLite refuses to create a
        // table whose CHECK mentions a missing column; say so instead of failing mid-rebuild.
        Pattern word = wordPattern(column);
        for (ConstraintSchema k : after.constraints()) {
            if (k.expression() != null && word.matcher(k.expression()).find()) {
                throw new IllegalArgumentException("cannot drop column '" + before.name() + "." + column + "' on SQLite: CHECK constraint '"
                        + k.name() + "' uses it; drop the constraint first");
            }
        }
        boolean inPlace = !forceTableRebuild && version.supportsDropColumn() && !isUsed(column, before, schema);
        return inPlace ? List.of(alterTable(before) + "DROP COLUMN " + sql.quote(column)) : rebuild(before, after);
    }

    /** Renames a column: native RENAME COLUMN (3.25+), otherwise a rebuild that copies the old column into the new one. */
    public List<String> renameColumn(TableSchema before, TableSchema after, String oldName, String newName) {
        if (!forceTableRebuild && version.supportsRenameColumn()) {
            return List.of(alterTable(before) + "RENAME COLUMN " + sql.quote(oldName) + " TO " + sql.quote(newName));
        }
        return new TableRebuild(sql).statements(before, after, Map.of(newName, oldName));
    }

    /** Adds a foreign key, CHECK or UNIQUE constraint ({@code after} has it): SQLite has no ADD CONSTRAINT, so a rebuild. */
    public List<String> addConstraint(TableSchema before, TableSchema after) {
        return rebuild(before, after);
    }

    /** Drops a foreign key, CHECK or UNIQUE constraint ({@code after} lacks it): a rebuild. */
    public List<String> dropConstraint(TableSchema before, TableSchema after) {
        return rebuild(before, after);
    }

    /**
     * Makes {@code primaryKey} the table's primary key: a rebuild. Rows that would duplicate the new key or
     * leave it NULL make the rebuild fail and change nothing.
     *
     * @throws IllegalArgumentException when the key is empty or names a column the table does not have
     */
    public List<String> changePrimaryKey(TableSchema before, List<String> primaryKey) {
        if (primaryKey.isEmpty()) {
            throw new IllegalArgumentException("a primary key of '" + before.name() + "' needs at least one column");
        }
        for (String column : primaryKey) {
            if (before.column(column).isEmpty()) {
                throw new IllegalArgumentException("cannot make '" + before.name() + "." + column
                        + "' part of the primary key: the table has no such column");
            }
        }
        return rebuild(before, before.withPrimaryKey(primaryKey));
    }

    private String alterTable(TableSchema table) {
        return "ALTER TABLE " + sql.quote(table.name()) + " ";
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
}
