package dev.covet.migrations.internal.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a table had before its rebuild that the rebuild statements do not carry (step 3 of SQLite's
 * procedure): its row count, its triggers and the indexes the migration model does not know (expression
 * indexes and others created with RUN_SQL), which all go with {@code DROP TABLE}, and the views that read it,
 * to check they still work afterwards.
 *
 * @param table the rebuilt table
 * @param rows rows before the copy
 * @param triggers triggers on the table, in creation order
 * @param indexes explicit indexes on the table that the model does not know, in creation order
 * @param views names of views whose definition mentions the table
 */
public record RebuildSnapshot(String table, long rows, List<Definition> triggers, List<Definition> indexes, List<String> views) {

    /** A schema object's name and its CREATE statement as {@code sqlite_schema} keeps it. */
    public record Definition(String name, String sql) {
    }

    public RebuildSnapshot {
        triggers = List.copyOf(triggers);
        indexes = List.copyOf(indexes);
        views = List.copyOf(views);
    }

    /**
     * Reads the snapshot inside the rebuild's transaction.
     *
     * @param modelIndexes names of the table's indexes the rebuild statements re-create themselves
     */
    public static RebuildSnapshot capture(Connection c, String table, Set<String> modelIndexes) throws SQLException {
        List<Definition> triggers = new ArrayList<>();
        List<Definition> indexes = new ArrayList<>();
        List<String> views = new ArrayList<>();
        Pattern word = Pattern.compile("(?i)(^|[^A-Za-z0-9_])" + Pattern.quote(table) + "($|[^A-Za-z0-9_])");
        try (PreparedStatement p = c.prepareStatement(
                "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND type IN ('trigger', 'index', 'view')"
                        + " ORDER BY rowid")) {
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    String name = rs.getString(2);
                    boolean onTable = rs.getString(3).equalsIgnoreCase(table);
                    String sql = rs.getString(4);
                    if (type.equals("trigger") && onTable) {
                        triggers.add(new Definition(name, sql));
                    } else if (type.equals("index") && onTable && !containsIgnoreCase(modelIndexes, name)) {
                        indexes.add(new Definition(name, sql));
                    } else if (type.equals("view") && word.matcher(sql).find()) {
                        views.add(name);
                    }
                }
            }
        }
        // Only views that work now are expected to work after the rebuild.
        views.removeIf(v -> !viewWorks(c, v));
        return new RebuildSnapshot(table, count(c, table), triggers, indexes, views);
    }

    /** Whether a view compiles against the current schema; empty when it does, SQLite's complaint otherwise. */
    static Optional<String> viewProblem(Connection c, String view) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM \"" + view.replace("\"", "\"\"") + "\" LIMIT 0")) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private static boolean viewWorks(Connection c, String view) {
        return viewProblem(c, view).isEmpty();
    }

    /** Rows in a table. */
    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean containsIgnoreCase(Set<String> names, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(lower));
    }
}
