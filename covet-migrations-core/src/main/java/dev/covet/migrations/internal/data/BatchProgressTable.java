package dev.covet.migrations.internal.data;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.OwnTables;
import dev.covet.migrations.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.sql.Statement;

/**
 * The {@code <prefix>batch_progress} table: the last finished key of each batch job, written in the same
 * transaction as the batch, so a crash can lose a batch's work only together with its progress.
 */
public final class BatchProgressTable {

    /**
     * A job's saved state.
     *
     * @param lastKey the last key of the last finished batch ({@code null}: none yet)
     * @param rowsDone rows updated so far
     * @param finished whether the job completed
     */
    public record State(Object lastKey, long rowsDone, boolean finished) {
    }

    private final Dialect dialect;
    private final String tablePrefix;
    private final String table;

    public BatchProgressTable(Dialect dialect, String tablePrefix) {
        this.dialect = dialect;
        this.tablePrefix = tablePrefix;
        this.table = dialect.quote(tablePrefix + "batch_progress");
    }

    /** The table: one row per batch job; the last key as text, whatever its type. */
    static TableSchema schema(String tablePrefix) {
        return TableSchema.of(tablePrefix + "batch_progress", List.of(
                ColumnSchema.of("job", ColumnType.varchar(200)).notNull().asPrimaryKey(),
                ColumnSchema.of("last_key", OwnTables.TEXT),
                ColumnSchema.of("rows_done", OwnTables.BIGINT).notNull(),
                ColumnSchema.of("finished", OwnTables.INTEGER).notNull()));
    }

    public void create(Connection c) throws SQLException {
        exec(c, dialect.createIfNotExists(schema(tablePrefix)));
    }

    public State load(Connection c, String job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_key, rows_done, finished FROM " + table + " WHERE job = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new State(null, 0, false);
                }
                String key = rs.getString(1);
                return new State(key == null ? null : keyValue(key), rs.getLong(2), rs.getInt(3) == 1);
            }
        }
    }

    public void save(Connection c, String job, Object lastKey, long rowsDone, boolean finished) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET last_key = ?, rows_done = ?, finished = ? WHERE job = ?")) {
            ps.setString(1, lastKey == null ? null : lastKey.toString());
            ps.setLong(2, rowsDone);
            ps.setInt(3, finished ? 1 : 0);
            ps.setString(4, job);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (job, last_key, rows_done, finished) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, job);
                ps.setString(2, lastKey == null ? null : lastKey.toString());
                ps.setLong(3, rowsDone);
                ps.setInt(4, finished ? 1 : 0);
                ps.executeUpdate();
            }
        }
    }

    /** Integer keys come back as numbers so they compare as numbers; others as text. */
    private static Object keyValue(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
