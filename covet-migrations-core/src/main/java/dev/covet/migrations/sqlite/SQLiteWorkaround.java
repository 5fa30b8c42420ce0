package dev.covet.migrations.sqlite;

import dev.covet.migrations.dialect.SqlWriter;
import dev.covet.migrations.dialect.SqliteAlterations;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import java.util.List;
import java.util.Map;

/**
 * How SQLite gets the changes its {@code ALTER TABLE} cannot make: a native statement where the library version has
 * one ({@code DROP COLUMN} from 3.35, {@code RENAME COLUMN} from 3.25), else a table rebuild (create the new table,
 * copy the rows, drop the old one, rename). The SQLite dialect makes these decisions when it renders a migration;
 * this class offers them to applications, one change at a time.
 */
public final class SQLiteWorkaround {

    private final SqliteAlterations alterations;

    /**
     * @param sql the SQLite writer (quoting, table and index definitions)
     * @param version the SQLite library version the statements are for
     * @param forceTableRebuild whether every change is a rebuild, even where SQLite has a native form
     */
    public SQLiteWorkaround(SqlWriter sql, SqliteVersion version, boolean forceTableRebuild) {
        this.alterations = new SqliteAlterations(sql, version, forceTableRebuild);
    }

    /** The SQLite version the decisions are made for. */
    public SqliteVersion version() {
        return alterations.version();
    }

    /** Whether every change is a rebuild. */
    public boolean forcesTableRebuild() {
        return alterations.forcesTableRebuild();
    }

    /** Rebuilds {@code before} as {@code after}, copying columns by name. */
    public List<String> rebuild(TableSchema before, TableSchema after) {
        return alterations.rebuild(before, after);
    }

    /** Adds a column: native ADD COLUMN when SQLite allows it (no key, no UNIQUE, constant default, NOT NULL only with a default). */
    public List<String> addColumn(TableSchema before, TableSchema after, String column) {
        return alterations.addColumn(before, after, column);
    }

    /** Changes a column's type, nullability, default or uniqueness: SQLite has no ALTER COLUMN, so always a rebuild. */
    public List<String> alterColumn(TableSchema before, TableSchema after) {
        return alterations.alterColumn(before, after);
    }

    /**
     * Drops a column: native DROP COLUMN (3.35+) when no key, index, constraint or foreign key uses it,
     * otherwise a rebuild.
     *
     * @param schema the whole schema before, for foreign keys of other tables that reference the column
     * @throws IllegalArgumentException when a CHECK constraint that stays uses the column
     */
    public List<String> dropColumn(TableSchema before, TableSchema after, String column, SchemaState schema) {
        return alterations.dropColumn(before, after, column, schema);
    }

    /** Renames a column: native RENAME COLUMN (3.25+), otherwise a rebuild that copies the old column into the new one. */
    public List<String> renameColumn(TableSchema before, TableSchema after, String oldName, String newName) {
        return alterations.renameColumn(before, after, oldName, newName);
    }

    /** Adds a foreign key, CHECK or UNIQUE constraint ({@code after} has it): SQLite has no ADD CONSTRAINT, so a rebuild. */
    public List<String> addConstraint(TableSchema before, TableSchema after) {
        return alterations.addConstraint(before, after);
    }

    /** Drops a foreign key, CHECK or UNIQUE constraint ({@code after} lacks it): a rebuild. */
    public List<String> dropConstraint(TableSchema before, TableSchema after) {
        return alterations.dropConstraint(before, after);
    }

    /**
     * Makes {@code primaryKey} the table's primary key: a rebuild. Rows that would duplicate the new key or
     * leave it NULL make the rebuild fail and change nothing.
     *
     * @throws IllegalArgumentException when the key is empty or names a column the table does not have
     */
    public List<String> changePrimaryKey(TableSchema before, List<String> primaryKey) {
        return alterations.changePrimaryKey(before, primaryKey);
    }
}
