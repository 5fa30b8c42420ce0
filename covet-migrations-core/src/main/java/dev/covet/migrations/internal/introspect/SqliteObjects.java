package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.DatabaseObject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The views, triggers, virtual tables and indexes the model cannot say (descending or expression keys) of a SQLite database, with
 * the statements that made them (SQLite keeps them verbatim), in the order they were made.
 */
final class SqliteObjects {

    /**
     * An index the model cannot say: a descending key column or an expression ({@code %s} is the index's name).
     * Such an index is kept as its CREATE INDEX text.
     */
    static final String NATIVE_INDEX = """
            EXISTS (SELECT 1 FROM pragma_index_xinfo(%s) x WHERE x."key" = 1 AND (x."desc" = 1 OR x.cid = -2))""";

    /** A virtual table ({@code m} is its {@code sqlite_schema} row). */
    static final String VIRTUAL = "(m.sql LIKE 'CREATE VIRTUAL TABLE%')";

    /**
     * A shadow table of a virtual table: full-text (FTS3/4/5) and R*Tree tables keep their data in tables named after
     * them with these suffixes, made and dropped with them.
     */
    static final String SHADOW = """
            EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND m.name IN
              (v.name || '_data', v.name || '_idx', v.name || '_content', v.name || '_docsize', v.name || '_config',
               v.name || '_segments', v.name || '_segdir', v.name || '_stat', v.name || '_node', v.name || '_rowid',
               v.name || '_parent'))""";

    private static final String OBJECTS = """
            SELECT CASE WHEN m.type = 'table' THEN 'virtual table' ELSE m.type END, m.name, m.sql, m.tbl_name FROM sqlite_master m
            WHERE (m.type IN ('view', 'trigger') OR m.type = 'index' AND %s OR m.type = 'table' AND %s)
              AND m.sql IS NOT NULL AND m.name NOT LIKE 'sqlite\\_%%' ESCAPE '\\'
            ORDER BY m.rowid""".formatted(NATIVE_INDEX.formatted("m.name"), VIRTUAL);

    private SqliteObjects() {
    }

    static List<DatabaseObject> read(Connection connection) throws SQLException {
        List<DatabaseObject> objects = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(OBJECTS)) {
            while (rs.next()) {
                String kind = rs.getString(1);
                String quoted = "\"" + rs.getString(2).replace("\"", "\"\"") + "\"";
                String drop = kind.equals("virtual table") ? "TABLE" : kind.toUpperCase(java.util.Locale.ROOT);
                objects.add(new DatabaseObject(kind, rs.getString(2), rs.getString(3).strip(), "DROP " + drop + " " + quoted, false,
                        kind.equals("view") ? null : rs.getString(4)));
            }
        }
        return objects;
    }
}
