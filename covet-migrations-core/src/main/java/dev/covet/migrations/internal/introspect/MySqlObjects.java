package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.DatabaseObject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The views, triggers, functions and procedures of the current MySQL/MariaDB database, as {@code SHOW CREATE} gives
 * them back, without their {@code DEFINER} (the account that made them may not exist where they are replayed; they
 * are then defined by whoever runs the migration) and without the database's own name qualifying the tables (so
 * they replay into another database). Routines first, then views (each after the views it reads), the indexes the
 * model cannot say (FULLTEXT, SPATIAL, prefix, descending), then triggers and events.
 */
final class MySqlObjects {

    private static final Pattern DEFINER = Pattern.compile("\\s+DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`", Pattern.CASE_INSENSITIVE);

    /**
     * A part of an index the model cannot say: FULLTEXT or SPATIAL, a prefix length, a descending column. Such an
     * index is kept as MySQL would write it.
     */
    static final String NATIVE_INDEX_PART = "(n.INDEX_TYPE IN ('FULLTEXT', 'SPATIAL') OR n.SUB_PART IS NOT NULL OR n.COLLATION = 'D')";

    private static final String NATIVE_INDEXES = """
            SELECT s.TABLE_NAME, s.INDEX_NAME, s.NON_UNIQUE, s.INDEX_TYPE, s.COLUMN_NAME, s.SUB_PART, s.COLLATION
            FROM information_schema.STATISTICS s
            WHERE s.TABLE_SCHEMA = DATABASE() AND EXISTS (SELECT 1 FROM information_schema.STATISTICS n
                WHERE n.TABLE_SCHEMA = s.TABLE_SCHEMA AND n.TABLE_NAME = s.TABLE_NAME AND n.INDEX_NAME = s.INDEX_NAME
                  AND %s)
            ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX""".formatted(NATIVE_INDEX_PART);

    private MySqlObjects() {
    }

    static List<DatabaseObject> read(Connection connection) throws SQLException {
        List<DatabaseObject> objects = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            String database = database(st);
            for (String[] routine : names(st, "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES "
                    + "WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY CREATED, ROUTINE_NAME")) {
                String kind = routine[1].toLowerCase(java.util.Locale.ROOT);
                String name = quote(routine[0]);
                objects.add(new DatabaseObject(kind, routine[0], showCreate(st, "SHOW CREATE " + routine[1] + " " + name, 3, database),
                        "DROP " + routine[1] + " " + name, false));
            }
            Map<String, String> views = new LinkedHashMap<>();
            for (String[] view : names(st, "SELECT TABLE_NAME, '' FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() "
                    + "ORDER BY TABLE_NAME")) {
                views.put(view[0], showCreate(st, "SHOW CREATE VIEW " + quote(view[0]), 2, database));
            }
            for (String view : ViewOrder.dependenciesFirst(views, MySqlObjects::quote)) {
                objects.add(new DatabaseObject("view", view, views.get(view), "DROP VIEW " + quote(view), false));
            }
            objects.addAll(nativeIndexes(st));
            for (String[] trigger : names(st, "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS "
                    + "WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER")) {
                objects.add(new DatabaseObject("trigger", trigger[0] + " on " + trigger[1],
                        showCreate(st, "SHOW CREATE TRIGGER " + quote(trigger[0]), 3, database),
                        "DROP TRIGGER " + quote(trigger[0]), false, trigger[1]));
            }
            for (String[] event : names(st, "SELECT EVENT_NAME, '' FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() "
                    + "ORDER BY CREATED, EVENT_NAME")) {
                objects.add(new DatabaseObject("event", event[0], showCreate(st, "SHOW CREATE EVENT " + quote(event[0]), 4, database),
                        "DROP EVENT " + quote(event[0]), false));
            }
        }
        return objects;
    }

    private static List<DatabaseObject> nativeIndexes(Statement st) throws SQLException {
        Map<String, StringBuilder> columns = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery(NATIVE_INDEXES)) {
            while (rs.next()) {
                String key = rs.getString(1) + "\u0000" + rs.getString(2);
                heads.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                StringBuilder c = columns.computeIfAbsent(key, k -> new StringBuilder());
                c.append(c.length() == 0 ? "" : ", ").append(quote(rs.getString(5)));
                if (rs.getString(6) != null) {
                    c.append('(').append(rs.getInt(6)).append(')');
                }
                if ("D".equals(rs.getString(7))) {
                    c.append(" DESC");
                }
            }
        }
        List<DatabaseObject> indexes = new ArrayList<>();
        heads.forEach((key, h) -> {
            String kind = switch (h[3]) {
                case "FULLTEXT" -> "FULLTEXT ";
                case "SPATIAL" -> "SPATIAL ";
                default -> "0".equals(h[2]) ? "UNIQUE " : "";
            };
            indexes.add(new DatabaseObject("index", h[1] + " on " + h[0],
                    "CREATE " + kind + "INDEX " + quote(h[1]) + " ON " + quote(h[0]) + " (" + columns.get(key) + ")",
                    "DROP INDEX " + quote(h[1]) + " ON " + quote(h[0]), false, h[0]));
        });
        return indexes;
    }

    private static String database(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String[]> names(Statement st, String sql) throws SQLException {
        List<String[]> names = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return names;
    }

    private static String showCreate(Statement st, String sql, int column, String database) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next() || rs.getString(column) == null) {
                throw new SQLException(sql + " gave no definition (the user may lack the privilege to read it)");
            }
            String create = DEFINER.matcher(rs.getString(column)).replaceFirst("");
            create = create.replace(quote(database) + ".", "");
            // MariaDB adds ALGORITHM and SQL SECURITY to views: harmless defaults, kept as the database wrote them.
            return create.strip();
        }
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
