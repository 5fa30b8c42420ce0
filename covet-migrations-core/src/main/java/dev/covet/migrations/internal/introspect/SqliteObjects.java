package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.DatabaseObject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The views and triggers of a SQLite database, with the statements that made them (SQLite keeps them verbatim), in
 * the order they were made.
 */
final class SqliteObjects {

    private static final String OBJECTS = """
            SELECT type, name, sql FROM sqlite_master
            WHERE type IN ('view', 'trigger') AND sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY rowid""";

    private SqliteObjects() {
    }

    static List<DatabaseObject> read(Connection connection) throws SQLException {
        List<DatabaseObject> objects = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(OBJECTS)) {
            while (rs.next()) {
                String kind = rs.getString(1);
                String quoted = "\"" + rs.getString(2).replace("\"", "\"\"") + "\"";
                objects.add(new DatabaseObject(kind, rs.getString(2), rs.getString(3).strip(),
                        "DROP " + kind.toUpperCase(java.util.Locale.ROOT) + " " + quoted, false));
            }
        }
        return objects;
    }
}
