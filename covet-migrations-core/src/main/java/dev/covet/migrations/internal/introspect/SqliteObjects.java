package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.DatabaseObject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The views, triggers and indexes the model cannot say (descending or expression keys) of a SQLite database, with
 * the statements that made them (SQLite keeps them verbatim), in the order they were made.
 */
final class SqliteObjects {

    /**
     * An index the model cannot say: a descending key column or an expression ({@code %s} is the index's name).
     * Such an index is kept as its CREATE INDEX text.
     */
    static final String NATIVE_INDEX = """
            EXISTS (SELECT 1 FROM pragma_index_xinfo(%s) x WHERE x."key" = 1 AND (x."desc" = 1 OR x.cid = -2))""";

    private static final String OBJECTS = """
            SELECT m.type, m.name, m.sql FROM sqlite_master m
            WHERE (m.type IN ('view', 'trigger') OR m.type = 'index' AND %s)
              AND m.sql IS NOT NULL AND m.name NOT LIKE 'sqlite\\_%%' ESCAPE '\\'
            ORDER BY m.rowid""".formatted(NATIVE_INDEX.formatted("m.name"));

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
