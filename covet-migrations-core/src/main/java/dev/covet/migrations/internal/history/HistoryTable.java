package dev.covet.migrations.internal.history;

import dev.covet.migrations.HistoryRow;
import dev.covet.migrations.MigrationId;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.OwnTables;
import dev.covet.migrations.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <prefix>migrations} table: which migrations are applied, in order. Read with one query per run;
 * written inside each migration's own transaction so a migration and its record commit together.
 */
public final class HistoryTable {

    private final Dialect dialect;
    private final String tablePrefix;
    private final String table;

    public HistoryTable(Dialect dialect, String tablePrefix) {
        this.dialect = dialect;
        this.tablePrefix = tablePrefix;
        this.table = dialect.quote(tablePrefix + "migrations");
    }

    /** The quoted table name. */
    public String name() {
        return table;
    }

    /**
     * The table: one row per applied (or, on MySQL, running or failed) migration, in the order applied. Tables
     * created by earlier versions have the same columns: {@code id} generated, {@code (app, name)} unique.
     */
    public static TableSchema schema(String tablePrefix) {
        String table = tablePrefix + "migrations";
        return TableSchema.of(table, List.of(
                        ColumnSchema.of("id", OwnTables.BIGINT).notNull().asPrimaryKey().autoIncremented(),
                        ColumnSchema.of("app", ColumnType.varchar(100)).notNull(),
                        ColumnSchema.of("name", ColumnType.varchar(200)).notNull(),
                        ColumnSchema.of("checksum", ColumnType.varchar(64)).notNull(),
                        ColumnSchema.of("description", ColumnType.varchar(500)),
                        ColumnSchema.of("applied_at", OwnTables.TIMESTAMP).notNull(),
                        ColumnSchema.of("execution_ms", OwnTables.BIGINT).notNull(),
                        ColumnSchema.of("applied_by", ColumnType.varchar(100)),
                        ColumnSchema.of("state", ColumnType.varchar(20)).notNull(),
                        ColumnSchema.of("statements_done", OwnTables.INTEGER).notNull(),
                        ColumnSchema.of("detail", OwnTables.TEXT)))
                .withConstraints(List.of(new ConstraintSchema(table + "_app_name", ConstraintSchema.Kind.UNIQUE,
                        List.of("app", "name"), null)));
    }

    /** Creates the table when it does not exist. */
    public void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(dialect.createIfNotExists(schema(tablePrefix)));
        }
    }

    /** Whether the table exists (without creating it: dry runs change nothing). */
    public boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setMaxRows(1);
            s.executeQuery("SELECT id FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return false;
        }
    }

    /** Every row, in the order applied. */
    public List<HistoryRow> readAll(Connection c) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT app, name, checksum, description, applied_at, execution_ms, applied_by,"
                     + " state, statements_done, detail FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(5);
                rows.add(new HistoryRow(new MigrationId(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                        at == null ? null : at.toInstant(), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                        rs.getString(10)));
            }
        }
        return rows;
    }

    /** A prepared insert, reused for every migration of a run. */
    public PreparedStatement prepareInsert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO " + table + " (app, name, checksum, description, applied_at, execution_ms,"
                + " applied_by, state, statements_done, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Binds and runs a prepared insert. */
    public void insert(PreparedStatement insert, HistoryRow row) throws SQLException {
        insert.setString(1, row.id().app());
        insert.setString(2, row.id().name());
        insert.setString(3, row.checksum());
        insert.setString(4, truncate(row.description(), 500));
        insert.setTimestamp(5, Timestamp.from(row.appliedAt() == null ? Instant.now() : row.appliedAt()));
        insert.setLong(6, row.executionMs());
        insert.setString(7, truncate(row.appliedBy(), 100));
        insert.setString(8, row.state());
        insert.setInt(9, row.statementsDone());
        insert.setString(10, row.detail());
        insert.executeUpdate();
    }

    /** Records progress or the outcome of a migration already inserted (MySQL's per-statement progress). */
    public void update(Connection c, MigrationId id, String state, int statementsDone, long executionMs, String detail)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE " + table
                + " SET state = ?, statements_done = ?, execution_ms = ?, detail = ? WHERE app = ? AND name = ?")) {
            p.setString(1, state);
            p.setInt(2, statementsDone);
            p.setLong(3, executionMs);
            p.setString(4, detail);
            p.setString(5, id.app());
            p.setString(6, id.name());
            p.executeUpdate();
        }
    }

    /** Records a new checksum for a migration's row (repair of an applied file edited on purpose). */
    public void updateChecksum(Connection c, MigrationId id, String checksum) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE " + table + " SET checksum = ? WHERE app = ? AND name = ?")) {
            p.setString(1, checksum);
            p.setString(2, id.app());
            p.setString(3, id.name());
            p.executeUpdate();
        }
    }

    /** Removes a migration's row (after it was rolled back, or to retry a failed one). */
    public void delete(Connection c, MigrationId id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE app = ? AND name = ?")) {
            p.setString(1, id.app());
            p.setString(2, id.name());
            p.executeUpdate();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
