package dev.covet.migrations.sqlite;

import dev.covet.migrations.dialect.SqlWriter;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SQLite's way to make the table changes ALTER TABLE cannot: create the table as it should be under a
 * temporary name, copy the rows, drop the old table, rename the new one, and re-create the indexes (which
 * went with the old table). This is the procedure the SQLite documentation gives; the executor turns
 * {@code foreign_keys} off around it (it recognizes the statements by {@link #TEMP_PREFIX}) so dropping the
 * old table does not cascade or fail, and references from other tables resolve to the new one by name.
 */
public final class TableRebuild {

    /** Prefix of the temporary table; the executor detects rebuilds by {@code "_covet_new_}. */
    public static final String TEMP_PREFIX = "_covet_new_";

    private final SqlWriter sql;

    /** @param sql the SQLite writer, for table and index definitions */
    public TableRebuild(SqlWriter sql) {
        this.sql = sql;
    }

    /**
     * The statements that turn {@code before} into {@code after} keeping the rows.
     *
     * @param sources for columns of {@code after} that had another name before (a rename), the old name by
     *        new name; other columns are copied when a column of the same name existed before
     * @throws IllegalArgumentException when a NOT NULL column without a default is added, which has no
     *         value to give the existing rows
     */
    public List<String> statements(TableSchema before, TableSchema after, Map<String, String> sources) {
        String table = after.name();
        String temp = TEMP_PREFIX + table;
        List<String> targets = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (ColumnSchema c : after.columns()) {
            String origin = sources.getOrDefault(c.name(), c.name());
            if (before.column(origin).isPresent()) {
                targets.add(c.name());
                origins.add(origin);
            } else if (!c.nullable() && c.defaultValue() == null && !c.autoIncrement()) {
                throw new IllegalArgumentException("cannot add column '" + table + "." + c.name()
                        + "' as NOT NULL without a default on SQLite: the existing rows need a value, give it a default");
            }
        }
        List<String> statements = new ArrayList<>();
        statements.add(sql.createTable(temp, after));
        statements.add("INSERT INTO " + sql.quote(temp) + " " + sql.columnList(targets)
                + " SELECT " + origins.stream().map(sql::quote).collect(Collectors.joining(", "))
                + " FROM " + sql.quote(before.name()));
        statements.add("DROP TABLE " + sql.quote(before.name()));
        statements.add("ALTER TABLE " + sql.quote(temp) + " RENAME TO " + sql.quote(table));
        for (IndexSchema index : after.indexes()) {
            statements.add(sql.createIndex(table, index));
        }
        return statements;
    }
}
