package dev.covet.migrations.internal.backup;

import dev.covet.migrations.internal.LogNames;
import dev.covet.migrations.dialect.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies rows of a table into a new table with the same column types. A table with a one-column key is copied in key
 * order, a batch at a time, and a copy of more than one batch logs the rows copied so far: a backup of a million rows
 * takes a while, and the log should say it is moving. Other tables are copied with one statement.
 */
public final class TableCopier {

    private static final Logger LOG = LoggerFactory.getLogger(LogNames.BACKUPS);

    private final Dialect dialect;
    private final int batchSize;

    public TableCopier(Dialect dialect, int batchSize) {
        this.dialect = dialect;
        this.batchSize = batchSize;
    }

    /**
     * Creates {@code target} and copies into it the {@code columns} of the rows of {@code source} that match
     * {@code where}.
     *
     * @param key the key columns (may be empty)
     * @param where a condition on the source's rows, or {@code null} for all
     * @param expected the rows expected (for the progress messages), or -1 when unknown
     * @return rows copied
     */
    public long copy(Connection c, String source, String target, List<String> columns, List<String> key, String where, long expected)
            throws SQLException {
        String select = "SELECT " + list(columns) + " FROM " + dialect.quote(source);
        try (Statement s = c.createStatement()) {
            // The structure alone first: CREATE TABLE AS SELECT keeps the column types on every database.
            s.execute("CREATE TABLE " + dialect.quote(target) + " AS " + select + " WHERE 1 = 0");
        }
        String insert = "INSERT INTO " + dialect.quote(target) + " (" + list(columns) + ") " + select;
        if (key.size() != 1 || (expected >= 0 && expected <= batchSize)) {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(insert + (where == null ? "" : " WHERE " + where));
            }
        }
        return inBatches(c, source, insert, key.get(0), where, expected);
    }

    private long inBatches(Connection c, String source, String insert, String key, String where, long expected) throws SQLException {
        String k = dialect.quote(key);
        long copied = 0;
        Object last = null;
        while (true) {
            // The key that ends the batch, found through the key's index; the batch is then a range of that index.
            Object end = boundary(c, "SELECT " + k + " FROM " + dialect.quote(source) + where(where, last != null, false, k)
                    + " ORDER BY " + k + " LIMIT 1 OFFSET " + (batchSize - 1), last);
            try (PreparedStatement p = c.prepareStatement(insert + where(where, last != null, end != null, k))) {
                int i = 1;
                if (last != null) {
                    p.setObject(i++, last);
                }
                if (end != null) {
                    p.setObject(i, end);
                }
                copied += p.executeUpdate();
            }
            if (end == null) {
                return copied;
            }
            if (expected > 0) {
                LOG.info("Backing up {}: {} of {} rows copied ({}%)", source, copied, expected, copied * 100 / expected);
            } else {
                LOG.info("Backing up {}: {} rows copied", source, copied);
            }
            last = end;
        }
    }

    /** {@code WHERE} with the caller's condition and the key range bounds that apply ({@code > ?} first, then {@code <= ?}). */
    private static String where(String condition, boolean after, boolean upTo, String key) {
        List<String> parts = new ArrayList<>();
        if (condition != null) {
            parts.add("(" + condition + ")");
        }
        if (after) {
            parts.add(key + " > ?");
        }
        if (upTo) {
            parts.add(key + " <= ?");
        }
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static Object boundary(Connection c, String sql, Object after) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (after != null) {
                p.setObject(1, after);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private String list(List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (String col : columns) {
            sb.append(sb.length() == 0 ? "" : ", ").append(dialect.quote(col));
        }
        return sb.toString();
    }
}
