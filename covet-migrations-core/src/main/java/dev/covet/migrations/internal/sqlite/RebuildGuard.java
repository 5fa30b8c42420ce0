package dev.covet.migrations.internal.sqlite;

import dev.covet.migrations.dialect.TableRebuild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static dev.covet.migrations.internal.sqlite.session.SqliteStatements.exec;
import static dev.covet.migrations.internal.sqlite.session.SqliteStatements.pragmaOn;

/**
 * The part of SQLite's 12-step table rebuild that needs the live database, done while the executor runs the
 * {@link TableRebuild} statements inside the migration's transaction (with foreign keys already off):
 * <ol>
 *   <li>before {@code CREATE TABLE "_covet_new_t"}: remember t's rows, triggers, indexes the model does not
 *       know, and the views that read it ({@link RebuildSnapshot});</li>
 *   <li>around the copy: log progress for large tables, and explain a failed copy by the rows at fault;</li>
 *   <li>around the rename: SQLite 3.26+ checks every view and trigger when renaming and fails on those that
 *       read the (now dropped) table, so the rename runs with {@code legacy_alter_table} on; then the row
 *       count must match;</li>
 *   <li>after the operation: re-create the triggers and indexes, and check the views still compile;</li>
 *   <li>before commit: {@code PRAGMA foreign_key_check} on the rebuilt tables and the tables referencing them.</li>
 * </ol>
 * Any failure is an {@link SQLException} that names the table and what is wrong; the executor rolls back, so
 * the original table and its rows stay as they were. One guard per migration execution.
 */
public final class RebuildGuard {

    /** Tables with more rows than this get their copy logged at INFO. */
    public static final long LARGE_TABLE_ROWS = 100_000;

    private static final Logger log = LoggerFactory.getLogger(RebuildGuard.class);

    private final Map<String, RebuildSnapshot> pending = new LinkedHashMap<>();
    private final Set<String> rebuilt = new LinkedHashSet<>();
    private long copyStarted;
    private Boolean legacyAlterTableWas;
    private boolean foreignKeysWereOn;

    /**
     * Step 1 of SQLite's rebuild procedure: foreign keys off, before the migration's transaction begins (SQLite
     * ignores the switch inside one).
     */
    public void beforeTransaction(Connection c) throws SQLException {
        foreignKeysWereOn = pragmaOn(c, "foreign_keys");
        if (foreignKeysWereOn) {
            exec(c, "PRAGMA foreign_keys = OFF");
        }
    }

    /** Step 12, after the transaction ended, also after a failure: foreign keys back on if they were. */
    public void afterTransaction(Connection c) throws SQLException {
        if (foreignKeysWereOn) {
            exec(c, "PRAGMA foreign_keys = ON");
        }
    }

    /**
     * Called before each statement.
     *
     * @param modelIndexes the names of a table's indexes in the model before the operation (the rebuild
     *        statements re-create those themselves)
     */
    public void beforeStatement(Connection c, String sql, Function<String, Set<String>> modelIndexes) throws SQLException {
        Optional<String> created = TableRebuild.createdTable(sql);
        if (created.isPresent()) {
            String table = created.get();
            RebuildSnapshot snapshot = RebuildSnapshot.capture(c, table, modelIndexes.apply(table));
            pending.put(table, snapshot);
            rebuilt.add(table);
            log.debug("Rebuilding table {}: {} rows, {} trigger(s), {} other index(es), {} view(s) to keep",
                    table, snapshot.rows(), snapshot.triggers().size(), snapshot.indexes().size(), snapshot.views().size());
            return;
        }
        Optional<String> copied = TableRebuild.copiedTable(sql);
        if (copied.isPresent()) {
            long rows = rowsOf(copied.get());
            copyStarted = System.nanoTime();
            if (rows > LARGE_TABLE_ROWS) {
                log.info("Rebuilding table {}: copying {} rows", copied.get(), rows);
            }
            return;
        }
        if (TableRebuild.renamedTable(sql).isPresent()) {
            legacyAlterTableWas = pragmaOn(c, "legacy_alter_table");
            exec(c, "PRAGMA legacy_alter_table = ON");
        }
    }

    /** Called after each statement that succeeded. */
    public void afterStatement(Connection c, String sql) throws SQLException {
        Optional<String> copied = TableRebuild.copiedTable(sql);
        if (copied.isPresent()) {
            long rows = rowsOf(copied.get());
            long ms = (System.nanoTime() - copyStarted) / 1_000_000;
            if (rows > LARGE_TABLE_ROWS) {
                log.info("Rebuilding table {}: copied {} rows in {} ms", copied.get(), rows, ms);
            } else {
                log.debug("Rebuilding table {}: copied {} rows in {} ms", copied.get(), rows, ms);
            }
            return;
        }
        Optional<String> renamed = TableRebuild.renamedTable(sql);
        if (renamed.isPresent()) {
            restoreLegacyAlterTable(c);
            String table = renamed.get();
            long now = RebuildSnapshot.count(c, table);
            long before = rowsOf(table);
            if (now != before) {
                throw new SQLException("rebuild of table " + table + ": the new table has " + now + " rows but the old one had "
                        + before + "; nothing was changed");
            }
        }
    }

    /** A clearer failure for a statement that belongs to a rebuild; other failures unchanged. */
    public SQLException explain(Connection c, String sql, SQLException failure) {
        Optional<String> copied = TableRebuild.copiedTable(sql);
        if (copied.isPresent()) {
            return new SQLException(RebuildFailures.copyFailed(c, copied.get(), failure), failure.getSQLState(),
                    failure.getErrorCode(), failure);
        }
        return failure;
    }

    /** Called after the last statement of each operation: re-creates triggers and indexes, checks views. */
    public void afterOperation(Connection c) throws SQLException {
        for (RebuildSnapshot s : pending.values()) {
            for (RebuildSnapshot.Definition index : s.indexes()) {
                recreate(c, s.table(), "index", index);
            }
            for (RebuildSnapshot.Definition trigger : s.triggers()) {
                recreate(c, s.table(), "trigger", trigger);
            }
            for (String view : s.views()) {
                Optional<String> problem = RebuildSnapshot.viewProblem(c, view);
                if (problem.isPresent()) {
                    throw new SQLException("rebuild of table " + s.table() + " would break view " + view + ": " + problem.get()
                            + "; drop or change the view first");
                }
            }
        }
        pending.clear();
    }

    /** Called before commit: the foreign keys of and to the rebuilt tables must hold. */
    public void beforeCommit(Connection c) throws SQLException {
        if (!rebuilt.isEmpty()) {
            ForeignKeyCheck.verify(c, rebuilt);
        }
    }

    /** Called last, also after a failure: puts back connection settings the guard changed. */
    public void close(Connection c) {
        try {
            restoreLegacyAlterTable(c);
        } catch (SQLException e) {
            log.warn("could not restore PRAGMA legacy_alter_table: {}", e.getMessage());
        }
    }

    private long rowsOf(String table) {
        RebuildSnapshot s = pending.get(table);
        return s == null ? -1 : s.rows();
    }

    private void restoreLegacyAlterTable(Connection c) throws SQLException {
        if (legacyAlterTableWas != null) {
            exec(c, "PRAGMA legacy_alter_table = " + (legacyAlterTableWas ? "ON" : "OFF"));
            legacyAlterTableWas = null;
        }
    }

    private static void recreate(Connection c, String table, String type, RebuildSnapshot.Definition d) throws SQLException {
        if (exists(c, type, d.name())) {
            return;
        }
        try {
            exec(c, d.sql());
        } catch (SQLException e) {
            throw new SQLException("rebuild of table " + table + ": cannot re-create " + type + " " + d.name() + " (" + e.getMessage()
                    + "); drop or change it first", e);
        }
    }

    private static boolean exists(Connection c, String type, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sqlite_schema WHERE type = ? AND name = ? COLLATE NOCASE")) {
            p.setString(1, type);
            p.setString(2, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }
}
