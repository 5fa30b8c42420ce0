package dev.covet.migrations.internal.audit;

import dev.covet.migrations.audit.AuditEntry;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.OwnTables;
import dev.covet.migrations.schema.TableSchema;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code <prefix>migration_audit} table: its DDL and row reads and writes. */
public final class AuditTable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String COLUMNS = "id, migration, direction, executor, environment, metadata, started_at, finished_at,"
            + " status, duration_ms, affected_rows, sql_executed, error, row_hash";

    private final Dialect dialect;
    private final String tablePrefix;
    private final String table;

    public AuditTable(Dialect dialect, String tablePrefix) {
        this.dialect = dialect;
        this.tablePrefix = tablePrefix;
        this.table = dialect.quote(tablePrefix + "migration_audit");
    }

    public String name() {
        return table;
    }

    /** The table: one hash-chained row per execution; ids are given by the log, not generated. */
    static TableSchema schema(String tablePrefix) {
        return TableSchema.of(tablePrefix + "migration_audit", List.of(
                ColumnSchema.of("id", OwnTables.BIGINT).notNull().asPrimaryKey(),
                ColumnSchema.of("migration", ColumnType.varchar(250)).notNull(),
                ColumnSchema.of("direction", ColumnType.varchar(4)).notNull(),
                ColumnSchema.of("executor", ColumnType.varchar(200)),
                ColumnSchema.of("environment", ColumnType.varchar(100)),
                ColumnSchema.of("metadata", OwnTables.TEXT),
                ColumnSchema.of("started_at", OwnTables.TIMESTAMP).notNull(),
                ColumnSchema.of("finished_at", OwnTables.TIMESTAMP),
                ColumnSchema.of("status", ColumnType.varchar(12)).notNull(),
                ColumnSchema.of("duration_ms", OwnTables.BIGINT),
                ColumnSchema.of("affected_rows", OwnTables.BIGINT).notNull(),
                ColumnSchema.of("sql_executed", OwnTables.TEXT),
                ColumnSchema.of("error", OwnTables.TEXT),
                ColumnSchema.of("row_hash", ColumnType.varchar(64)).notNull()));
    }

    public void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(dialect.createIfNotExists(schema(tablePrefix)));
        }
    }

    /** The last row (highest id), or {@code null}. */
    public AuditEntry last(Connection c) throws SQLException {
        List<AuditEntry> rows = query(c, "SELECT " + COLUMNS + " FROM " + table + " ORDER BY id DESC", 1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public AuditEntry get(Connection c, long id) throws SQLException {
        List<AuditEntry> rows = query(c, "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?", 1, id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The row before {@code id}, or {@code null}. */
    public AuditEntry before(Connection c, long id) throws SQLException {
        List<AuditEntry> rows = query(c, "SELECT " + COLUMNS + " FROM " + table + " WHERE id < ? ORDER BY id DESC", 1, id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public void insert(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.id());
            ps.setString(2, e.migration());
            ps.setString(3, e.direction());
            ps.setString(4, e.executor());
            ps.setString(5, e.environment());
            ps.setString(6, e.metadata());
            ps.setTimestamp(7, Timestamp.from(e.startedAt()));
            setTimestamp(ps, 8, e.finishedAt());
            ps.setString(9, e.status());
            setLong(ps, 10, e.duration() == null ? null : e.duration().toMillis());
            ps.setLong(11, e.affectedRows());
            ps.setString(12, JSON.writeValueAsString(e.sqlExecuted()));
            ps.setString(13, e.error());
            ps.setString(14, e.hash());
            ps.executeUpdate();
        }
    }

    public void complete(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET finished_at = ?, status = ?,"
                + " duration_ms = ?, affected_rows = ?, sql_executed = ?, error = ?, row_hash = ? WHERE id = ?")) {
            setTimestamp(ps, 1, e.finishedAt());
            ps.setString(2, e.status());
            setLong(ps, 3, e.duration() == null ? null : e.duration().toMillis());
            ps.setLong(4, e.affectedRows());
            ps.setString(5, JSON.writeValueAsString(e.sqlExecuted()));
            ps.setString(6, e.error());
            ps.setString(7, e.hash());
            ps.setLong(8, e.id());
            ps.executeUpdate();
        }
    }

    public List<AuditEntry> query(Connection c, String sql, int maxRows, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (maxRows > 0) {
                ps.setMaxRows(maxRows);
            }
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Instant instant) {
                    ps.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        long durationMs = rs.getLong("duration_ms");
        Duration duration = rs.wasNull() ? null : Duration.ofMillis(durationMs);
        String sql = rs.getString("sql_executed");
        List<String> statements = sql == null ? List.of() : JSON.readValue(sql, new TypeReference<List<String>>() { });
        return new AuditEntry(rs.getLong("id"), rs.getString("migration"), rs.getString("direction"),
                rs.getString("executor"), rs.getString("environment"), rs.getString("metadata"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("status"), duration, rs.getLong("affected_rows"), statements, rs.getString("error"),
                rs.getString("row_hash"));
    }

    private static void setTimestamp(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
