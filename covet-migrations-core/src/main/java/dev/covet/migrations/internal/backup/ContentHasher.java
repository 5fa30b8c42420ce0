package dev.covet.migrations.internal.backup;

import dev.covet.migrations.dialect.Dialect;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 over a table's rows in a stable order: what proves a restore brought back exactly what was
 * backed up.
 */
public final class ContentHasher {

    private final Dialect dialect;

    public ContentHasher(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Hashes the listed columns of every row, ordered by {@code orderBy} (then by all listed columns).
     *
     * @return the hex digest
     */
    public String hash(Connection c, String table, List<String> columns, List<String> orderBy) throws SQLException {
        return hash(c, table, columns, orderBy, null);
    }

    /**
     * Hashes the listed columns of the rows matching {@code where} (SQL, or {@code null} for every row), ordered as
     * {@link #hash(Connection, String, List, List)} orders them.
     *
     * @return the hex digest
     */
    public String hash(Connection c, String table, List<String> columns, List<String> orderBy, String where) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i)));
        }
        select.append(" FROM ").append(dialect.quote(table)).append(where == null ? "" : " WHERE " + where).append(" ORDER BY ");
        List<String> order = new ArrayList<>(orderBy);
        columns.stream().filter(col -> !order.contains(col)).forEach(order::add);
        for (int i = 0; i < order.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(dialect.quote(order.get(i)));
        }
        MessageDigest digest = sha256();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select.toString())) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    String v = value(rs, i);
                    digest.update(v == null ? new byte[]{0} : v.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 1);
                }
                digest.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String value(ResultSet rs, int i) throws SQLException {
        Object o = rs.getObject(i);
        if (o == null) {
            return null;
        }
        if (o instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (o instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (o instanceof Number num && !(o instanceof Double || o instanceof Float)) {
            return new BigDecimal(num.toString()).toPlainString();
        }
        if (o instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return o.toString();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
