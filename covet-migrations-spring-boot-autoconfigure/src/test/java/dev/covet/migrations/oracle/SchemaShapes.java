package dev.covet.migrations.oracle;

import dev.covet.migrations.introspect.SchemaReader;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads a live schema with the project's own {@link SchemaReader} and lists how two schemas differ, table by table. */
final class SchemaShapes {

    private SchemaShapes() {
    }

    /** Every table of the database but Covet's own ({@code covet_*}), as {@link TableShape}s by name. */
    static SortedMap<String, TableShape> read(TestDatabase db) throws SQLException {
        SchemaState state;
        try (Connection c = db.connect()) {
            state = db.dialect().schemaReader().read(c, "covet_");
        }
        SortedMap<String, TableShape> shapes = new TreeMap<>();
        for (TableSchema table : state.tables().values()) {
            shapes.put(table.name(), TableShape.of(table, db.dialect()));
        }
        return shapes;
    }

    /**
     * The columns of native MySQL {@code enum(...)} type, as {@code table.column}: what Hibernate writes on MySQL for
     * an {@code @Enumerated(STRING)} field, where Covet's portable model has VARCHAR (of the length Hibernate's mapping
     * gives the column, as on the other databases). Empty on the other databases.
     */
    static Set<String> nativeEnumColumns(TestDatabase db) throws SQLException {
        Set<String> columns = new TreeSet<>();
        if (db.kind().equals("mysql")) {
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT table_name, column_name FROM information_schema.columns"
                            + " WHERE table_schema = DATABASE() AND data_type = 'enum'")) {
                while (rs.next()) {
                    columns.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        return columns;
    }

    /**
     * The differences, one line each ("table.column: covet ... hibernate ..."); empty when the schemas are the same.
     * A column of {@code hibernateEnums} matches a Covet VARCHAR that holds all its values (the reader reads an
     * enum as MySQL's own {@code enum(...)} type), the rest of the column being the same.
     */
    static List<String> differences(Map<String, TableShape> covet, Map<String, TableShape> hibernate, Set<String> hibernateEnums) {
        List<String> out = new ArrayList<>();
        TreeSet<String> tables = new TreeSet<>(covet.keySet());
        tables.addAll(hibernate.keySet());
        for (String table : tables) {
            TableShape c = covet.get(table);
            TableShape h = hibernate.get(table);
            if (c == null || h == null) {
                out.add(table + ": only " + (c == null ? "Hibernate" : "Covet") + " made this table");
                continue;
            }
            TreeSet<String> columns = new TreeSet<>(c.columns().keySet());
            columns.addAll(h.columns().keySet());
            for (String column : columns) {
                if (!Objects.equals(c.columns().get(column), h.columns().get(column))
                        && !(hibernateEnums.contains(table + "." + column) && holdsEnum(c.columns().get(column), h.columns().get(column)))) {
                    out.add(table + "." + column + ": covet " + c.columns().get(column) + ", hibernate " + h.columns().get(column));
                }
            }
            compare(out, table, "primary key", c.primaryKey(), h.primaryKey());
            compare(out, table, "unique keys", c.uniqueKeys(), h.uniqueKeys());
            compare(out, table, "foreign keys", c.foreignKeys(), h.foreignKeys());
            compare(out, table, "indexes", c.indexes(), h.indexes());
        }
        return out;
    }

    private static boolean holdsEnum(TableShape.ColumnShape covet, TableShape.ColumnShape hibernateEnum) {
        return covet != null && hibernateEnum != null && covet.type().kind() == ColumnType.Kind.VARCHAR
                && covet.type().length() >= longestValue(hibernateEnum.type())
                && covet.nullable() == hibernateEnum.nullable() && covet.autoIncrement() == hibernateEnum.autoIncrement();
    }

    /** The longest value of a native {@code enum('A','B')} (the reader keeps it as MySQL's own type). */
    private static int longestValue(ColumnType enumType) {
        if (!enumType.isNative()) {
            return enumType.length() == null ? Integer.MAX_VALUE : enumType.length();
        }
        java.util.regex.Matcher values = java.util.regex.Pattern.compile("'((?:[^']|'')*)'").matcher(enumType.nativeSql());
        int longest = 0;
        while (values.find()) {
            longest = Math.max(longest, values.group(1).replace("''", "'").length());
        }
        return longest;
    }

    private static void compare(List<String> out, String table, String what, Object covet, Object hibernate) {
        if (!covet.equals(hibernate)) {
            out.add(table + " " + what + ": covet " + covet + ", hibernate " + hibernate);
        }
    }
}
