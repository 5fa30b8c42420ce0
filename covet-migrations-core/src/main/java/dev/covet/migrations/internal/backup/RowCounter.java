package dev.covet.migrations.internal.backup;

import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts the rows a rollback would lose or break, with one COUNT query each. */
public final class RowCounter {

    private final Dialect dialect;
    private final Connection connection;

    public RowCounter(Dialect dialect, Connection connection) {
        this.dialect = dialect;
        this.connection = connection;
    }

    public long rows(String table) throws SQLException {
        return count("SELECT COUNT(*) FROM " + dialect.quote(table));
    }

    public long nonNull(String table, String column) throws SQLException {
        return count("SELECT COUNT(*) FROM " + dialect.quote(table) + " WHERE " + dialect.quote(column) + " IS NOT NULL");
    }

    public long nulls(String table, String column) throws SQLException {
        return count("SELECT COUNT(*) FROM " + dialect.quote(table) + " WHERE " + dialect.quote(column) + " IS NULL");
    }

    /** Values of {@code current} that do not fit {@code narrower}; -1 when the change is not a narrowing. */
    public long notFitting(String table, ColumnSchema current, ColumnType narrower) throws SQLException {
        ColumnType from = current.type();
        String col = dialect.quote(current.name());
        String t = dialect.quote(table);
        if (from.kind().isText() && (narrower.kind() == ColumnType.Kind.VARCHAR || narrower.kind() == ColumnType.Kind.CHAR)) {
            int limit = narrower.length();
            if (from.kind() != ColumnType.Kind.TEXT && from.length() != null && from.length() <= limit) {
                return -1;
            }
            return count("SELECT COUNT(*) FROM " + t + " WHERE " + dialect.characterLength() + "(" + col + ") > " + limit);
        }
        if (from.kind() == ColumnType.Kind.DECIMAL && narrower.kind() == ColumnType.Kind.DECIMAL && narrower.precision() != null) {
            int integerDigits = narrower.precision() - (narrower.scale() == null ? 0 : narrower.scale());
            if (from.precision() != null && from.precision() - (from.scale() == null ? 0 : from.scale()) <= integerDigits) {
                return -1;
            }
            return count("SELECT COUNT(*) FROM " + t + " WHERE ABS(" + col + ") >= " + BigDecimal.TEN.pow(integerDigits).toPlainString());
        }
        if (from.kind() == narrower.kind() || widens(from.kind(), narrower.kind())) {
            return -1;
        }
        // A change of kind (text to number, say): every non-null value has to be converted.
        return nonNull(table, current.name());
    }

    private static boolean widens(ColumnType.Kind from, ColumnType.Kind to) {
        return (from == ColumnType.Kind.SMALLINT && (to == ColumnType.Kind.INTEGER || to == ColumnType.Kind.BIGINT))
                || (from == ColumnType.Kind.INTEGER && to == ColumnType.Kind.BIGINT)
                || (from.isText() && to == ColumnType.Kind.TEXT)
                || (from == ColumnType.Kind.REAL && to == ColumnType.Kind.DOUBLE);
    }

    private long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
