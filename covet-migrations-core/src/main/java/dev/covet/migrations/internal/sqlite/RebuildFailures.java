package dev.covet.migrations.internal.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns SQLite's terse constraint errors from a rebuild's row copy into what the user has to fix: which
 * rows, of which table, break which rule ("rebuild of table orders: 3 rows violate NOT NULL on column
 * customer_id").
 */
final class RebuildFailures {

    private static final Pattern NOT_NULL = Pattern.compile("NOT NULL constraint failed: ([A-Za-z0-9_]+)\\.([A-Za-z0-9_]+)");
    private static final Pattern UNIQUE = Pattern.compile("UNIQUE constraint failed: ([A-Za-z0-9_., ]+)");
    private static final Pattern CHECK = Pattern.compile("CHECK constraint failed: ([^)]+)");

    private RebuildFailures() {
    }

    /** The message for a failed copy of {@code table}'s rows. */
    static String copyFailed(Connection c, String table, SQLException e) {
        String message = String.valueOf(e.getMessage());
        String prefix = "rebuild of table " + table + ": ";
        try {
            Matcher notNull = NOT_NULL.matcher(message);
            if (notNull.find()) {
                String column = notNull.group(2);
                return prefix + countOrSome(c, "SELECT COUNT(*) FROM " + quote(table) + " WHERE " + quote(column) + " IS NULL")
                        + " violate NOT NULL on column " + column + "; give them a value first (or a default)";
            }
            Matcher unique = UNIQUE.matcher(message);
            if (unique.find()) {
                List<String> columns = Arrays.stream(unique.group(1).split(",\\s*"))
                        .map(q -> q.substring(q.indexOf('.') + 1).trim()).toList();
                String list = String.join(", ", columns.stream().map(RebuildFailures::quote).toList());
                return prefix + countOrSome(c, "SELECT COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM " + quote(table)
                        + " GROUP BY " + list + " HAVING COUNT(*) > 1)")
                        + " share a value of (" + String.join(", ", columns) + ") that must be unique; remove the duplicates first";
            }
            Matcher check = CHECK.matcher(message);
            if (check.find()) {
                return prefix + "existing rows violate CHECK constraint " + check.group(1) + "; fix those rows first";
            }
        } catch (RuntimeException ignored) {
            // a diagnosis that does not fit falls back to SQLite's own message below
        }
        return prefix + "copying the rows failed: " + message;
    }

    /** "3 rows", or "some rows" when the count itself fails (e.g. a renamed column the old table lacks). */
    private static String countOrSome(Connection c, String countSql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(countSql)) {
            long n = rs.next() ? rs.getLong(1) : 0;
            return n == 1 ? "1 row" : n + " rows";
        } catch (SQLException e) {
            return "some rows";
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
