package dev.covet.migrations.internal.audit;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.OwnTables;
import dev.covet.migrations.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The head of the audit hash chain (row count, last id, last hash), kept outside the audit table in
 * {@code <prefix>migration_audit_head} and written in the same transaction as every audit write. The chain alone
 * shows a changed or removed row by its successor's broken link, but the newest rows have no successor: comparing
 * the chain's end with the head shows them deleted too, and all rows deleted.
 */
public final class AuditHead {

    /**
     * The anchored head.
     *
     * @param rows how many rows the trail had
     * @param lastId the id of its newest row
     * @param lastHash that row's hash
     */
    public record Head(long rows, long lastId, String lastHash) {
    }

    private final Dialect dialect;
    private final String tablePrefix;
    private final String table;
    private final String auditTable;

    public AuditHead(Dialect dialect, String tablePrefix, String auditTable) {
        this.dialect = dialect;
        this.tablePrefix = tablePrefix;
        this.table = dialect.quote(tablePrefix + "migration_audit_head");
        this.auditTable = auditTable;
    }

    /** The table: one row, id 1. */
    static TableSchema schema(String tablePrefix) {
        return TableSchema.of(tablePrefix + "migration_audit_head", List.of(
                ColumnSchema.of("id", OwnTables.INTEGER).notNull().asPrimaryKey(),
                ColumnSchema.of("row_count", OwnTables.BIGINT).notNull(),
                ColumnSchema.of("last_id", OwnTables.BIGINT).notNull(),
                ColumnSchema.of("last_hash", ColumnType.varchar(64)).notNull()));
    }

    public String name() {
        return table;
    }

    /**
     * Creates the table when missing; a new table records the trail's head as it is, so that an audit table written
     * by an earlier version of Covet starts its anchor where it stands.
     */
    public void create(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(dialect.createIfNotExists(schema(tablePrefix)));
        }
        if (read(c) == null) {
            try {
                record(c);
            } catch (SQLException e) {
                if (read(c) == null) {
                    throw e;
                }
                // another instance recorded it first: the same head
            }
        }
    }

    public boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT id FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return false;
        }
    }

    /** The anchored head, or {@code null} when none was recorded. */
    public Head read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT row_count, last_id, last_hash FROM " + table + " WHERE id = 1")) {
            return rs.next() ? new Head(rs.getLong(1), rs.getLong(2), rs.getString(3)) : null;
        }
    }

    /** Records the audit table's head as it is now: call inside the transaction of every audit write. */
    public void record(Connection c) throws SQLException {
        long rows;
        long lastId;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(id) FROM " + auditTable)) {
            rs.next();
            rows = rs.getLong(1);
            lastId = rs.getLong(2);
        }
        String lastHash = "";
        try (PreparedStatement p = c.prepareStatement("SELECT row_hash FROM " + auditTable + " WHERE id = ?")) {
            p.setLong(1, lastId);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    lastHash = rs.getString(1);
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE " + table + " SET row_count = ?, last_id = ?, last_hash = ? WHERE id = 1")) {
            p.setLong(1, rows);
            p.setLong(2, lastId);
            p.setString(3, lastHash);
            if (p.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (id, row_count, last_id, last_hash) VALUES (1, ?, ?, ?)")) {
            p.setLong(1, rows);
            p.setLong(2, lastId);
            p.setString(3, lastHash);
            p.executeUpdate();
        }
    }
}
