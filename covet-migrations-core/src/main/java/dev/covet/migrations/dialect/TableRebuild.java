package dev.covet.migrations.dialect;

import dev.covet.migrations.dialect.SqlWriter;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The statements of SQLite's table rebuild (steps 4 to 8 of the documented 12-step ALTER TABLE procedure):
 * create the table as it should be under a temporary name, copy the rows, drop the old table, rename the new
 * one, and re-create the model's indexes (which went with the old table). An AUTOINCREMENT table also keeps
 * its {@code sqlite_sequence} high-water mark, so ids of deleted rows are not handed out again.
 *
 * <p>The rest of the procedure needs the live database and is done by {@link RebuildGuard} while the
 * executor runs these statements: foreign keys off, one transaction, triggers and indexes the model does not
 * know re-created, row counts and {@code foreign_key_check} verified before commit. The guard recognizes the
 * statements by {@link #TEMP_PREFIX} ({@link #createdTable}, {@link #copiedTable}, {@link #renamedTable}).
 */
public final class TableRebuild {

    /** Prefix of the temporary table. */
    public static final String TEMP_PREFIX = "_covet_new_";

    private static final Pattern CREATE = Pattern.compile("^CREATE TABLE \"" + TEMP_PREFIX + "([A-Za-z0-9_]+)\" ");
    private static final Pattern COPY = Pattern.compile("^INSERT INTO \"" + TEMP_PREFIX + "([A-Za-z0-9_]+)\" ");
    private static final Pattern RENAME = Pattern.compile("^ALTER TABLE \"" + TEMP_PREFIX + "([A-Za-z0-9_]+)\" RENAME TO ");

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
            if (c.type().isGenerated()) {
                continue; // computed by SQLite from the copied columns: it takes no value
            }
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
        if (hasAutoIncrementKey(after)) {
            statements.addAll(keepSequence(before.name(), temp));
        }
        statements.add("DROP TABLE " + sql.quote(before.name()));
        statements.add("ALTER TABLE " + sql.quote(temp) + " RENAME TO " + sql.quote(table));
        for (IndexSchema index : after.indexes()) {
            statements.add(sql.createIndex(table, index));
        }
        return statements;
    }

    private static boolean hasAutoIncrementKey(TableSchema table) {
        return table.primaryKey().size() == 1
                && table.column(table.primaryKey().get(0)).map(ColumnSchema::autoIncrement).orElse(false);
    }

    /**
     * The copy only raises the new table's sequence to its largest id; carry over the old high-water mark
     * (the rename then moves the row to the table's name, and dropping the old table removes its row).
     */
    private List<String> keepSequence(String table, String temp) {
        String oldName = sql.literal(table);
        String newName = sql.literal(temp);
        return List.of(
                "INSERT INTO sqlite_sequence (name, seq) SELECT " + newName + ", 0 WHERE NOT EXISTS"
                        + " (SELECT 1 FROM sqlite_sequence WHERE name = " + newName + ")",
                "UPDATE sqlite_sequence SET seq = MAX(seq, IFNULL((SELECT seq FROM sqlite_sequence WHERE name = "
                        + oldName + "), 0)) WHERE name = " + newName);
    }

    /** The table a statement starts rebuilding ({@code CREATE TABLE "_covet_new_t" ...}), if it is one. */
    public static Optional<String> createdTable(String statement) {
        return match(CREATE, statement);
    }

    /** The table whose rows a statement copies ({@code INSERT INTO "_covet_new_t" ...}), if it is one. */
    public static Optional<String> copiedTable(String statement) {
        return match(COPY, statement);
    }

    /** The table a statement completes ({@code ALTER TABLE "_covet_new_t" RENAME TO "t"}), if it is one. */
    public static Optional<String> renamedTable(String statement) {
        return match(RENAME, statement);
    }

    private static Optional<String> match(Pattern pattern, String statement) {
        Matcher m = pattern.matcher(statement);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
