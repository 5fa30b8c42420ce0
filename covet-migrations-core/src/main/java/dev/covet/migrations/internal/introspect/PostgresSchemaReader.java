package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.DatabaseObject;
import dev.covet.migrations.introspect.UncapturedObject;
import dev.covet.migrations.introspect.SchemaReader;
import dev.covet.migrations.schema.ColumnDefault;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.SchemaState;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the connection's {@code current_schema()} from {@code pg_catalog} with three queries: all columns, all
 * indexes, all constraints (primary, unique, foreign key, check). Rows are ordered by OIDs, not names: integer
 * sorts are cheaper than collated ones, and tables and their parts are sorted by name afterwards anyway.
 */
public final class PostgresSchemaReader implements SchemaReader {

    private static final String COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
                   pg_get_expr(d.adbin, d.adrelid), current_setting('standard_conforming_strings') = 'off',
                   EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                           WHERE dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'),
                   a.attgenerated,
                   CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation
                        THEN (SELECT quote_ident(co.collname) FROM pg_collation co WHERE co.oid = a.attcollation) END
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_type ty ON ty.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            ORDER BY a.attrelid, a.attnum""";

    /** Indexes that back a constraint (primary key, UNIQUE, EXCLUDE) are the constraint's, not listed here. */
    private static final String INDEXES = """
            SELECT t.relname, i.relname, ix.indisunique, pg_get_expr(ix.indpred, ix.indrelid),
                   CASE WHEN k.attnum > 0 THEN a.attname ELSE pg_get_indexdef(ix.indexrelid, k.ord::int, true) END
            FROM pg_index ix
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
            LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE n.nspname = current_schema() AND k.ord <= ix.indnkeyatts
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid
                              AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x'))
              AND %s
            ORDER BY ix.indexrelid, k.ord""".formatted(PostgresObjects.PORTABLE_INDEX);

    /** One row per constrained column (NOT NULL pseudo-constraints, contype 'n' on PostgreSQL 18, are skipped). */
    private static final String CONSTRAINTS = """
            SELECT t.relname, con.conname, con.contype, a.attname, rt.relname, ra.attname,
                   con.confdeltype, con.confupdtype,
                   CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END, k.ord
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refnum, ord) ON true
            LEFT JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
            LEFT JOIN pg_class rt ON rt.oid = con.confrelid
            LEFT JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refnum
            WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f', 'c')
            ORDER BY con.oid, k.ord""";

    /** format_type puts a time precision in the middle: {@code timestamp(3) with time zone}. */
    private static final String DIALECT = "postgresql";
    /** PostgreSQL's special date/time inputs, evaluated when read, not when the default was declared. */
    private static final java.util.Set<String> TIME_INPUT_WORDS =
            java.util.Set.of("now", "today", "tomorrow", "yesterday", "allballs");
    /** Types that parse as portable ones but would come back as another type: kept as PostgreSQL writes them. */
    private static final Pattern KEPT_AS_WRITTEN = Pattern.compile("^(json|bit(\\(\\d+\\))?|bit varying(\\(\\d+\\))?|character varying)$");
    private static final Pattern TIME_WITH_PRECISION =
            Pattern.compile("^(timestamp|time)\\((\\d+)\\) (with|without) time zone$");

    /** A trailing cast such as {@code ::character varying} or {@code ::timestamp without time zone}. */
    private static final Pattern TRAILING_CAST = Pattern.compile("::[a-z_ ]+(\\(\\d+(,\\d+)?\\))?( with(out)? time zone)?(\\[\\])?$");

    @Override
    public List<DatabaseObject> readObjects(Connection connection) throws SQLException {
        return PostgresObjects.read(connection);
    }

    @Override
    public List<UncapturedObject> readUncaptured(Connection connection) throws SQLException {
        return PostgresUncaptured.read(connection);
    }

    @Override
    public SchemaState read(Connection connection, String excludedPrefix) throws SQLException {
        TableSet tables = new TableSet(excludedPrefix);
        try (Statement st = connection.createStatement()) {
            readColumns(st, tables);
            readIndexes(st, tables);
            readConstraints(st, tables);
        }
        return tables.toState();
    }

    private static void readColumns(Statement st, TableSet tables) throws SQLException {
        // A schema repeats a few types and defaults thousands of times: each distinct text is parsed once.
        Map<String, ColumnType> types = new HashMap<>();
        // Keyed by text (the type's catalog spelling and the default's SQL), not by ColumnType: hashing a record
        // the first time bootstraps its generated hashCode, which a cold start notices.
        Map<String, ColumnDefault> defaults = new HashMap<>();
        try (ResultSet rs = st.executeQuery(COLUMNS)) {
            while (rs.next()) {
                TableAccumulator t = tables.table(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String column = rs.getString(2);
                String formatType = rs.getString(3);
                ColumnType type = types.get(formatType);
                if (type == null) {
                    type = type(t.name(), column, formatType);
                    types.put(formatType, type);
                }
                String defaultSql = rs.getString(6);
                // Another collation than the type's default, and a generation expression (which the catalog shows as
                // the column's "default"), are kept with the column as PostgreSQL's own type: it renders back.
                StringBuilder attributes = new StringBuilder();
                if (rs.getString(10) != null) {
                    attributes.append(" collate ").append(rs.getString(10));
                }
                if ("s".equals(rs.getString(9))) {
                    attributes.append(" generated always as (").append(defaultSql).append(") stored");
                    defaultSql = null;
                }
                if (!attributes.isEmpty()) {
                    type = ColumnType.nativeType(DIALECT, formatType + attributes);
                }
                String identity = rs.getString(5);
                // Identity and serial columns: the sequence is the auto increment, not a default. A nextval() of a
                // sequence the column does not own (one shared by several tables) is an ordinary default.
                boolean auto = "a".equals(identity) || "d".equals(identity)
                        || (defaultSql != null && defaultSql.startsWith("nextval(") && rs.getBoolean(8));
                ColumnDefault def = null;
                if (!auto && defaultSql != null) {
                    String key = formatType + '\u0000' + defaultSql;
                    def = defaults.get(key);
                    if (def == null) {
                        def = defaultValue(defaultSql, type, rs.getBoolean(7));
                        defaults.put(key, def);
                    }
                }
                t.addColumn(ColumnSchema.of(column, type).withNullable(!rs.getBoolean(4)).withDefault(def).withAutoIncrement(auto));
            }
        }
    }

    private static void readIndexes(Statement st, TableSet tables) throws SQLException {
        try (ResultSet rs = st.executeQuery(INDEXES)) {
            RowGroups groups = new RowGroups();
            while (rs.next()) {
                TableAccumulator t = tables.existing(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String where = rs.getString(4);
                groups.row(t, rs.getString(2), new IndexSchema(rs.getString(2), List.of(), rs.getBoolean(3),
                        where == null ? null : SqlText.stripOuterParens(where)), rs.getString(5));
            }
            groups.finish((t, first, columns, refColumns) -> {
                IndexSchema i = (IndexSchema) first;
                t.addIndex(new IndexSchema(i.name(), columns, i.unique(), i.where()));
            });
        }
    }

    private static void readConstraints(Statement st, TableSet tables) throws SQLException {
        try (ResultSet rs = st.executeQuery(CONSTRAINTS)) {
            RowGroups groups = new RowGroups();
            while (rs.next()) {
                TableAccumulator t = tables.existing(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String[] head = {rs.getString(2), rs.getString(3), rs.getString(5), rs.getString(7), rs.getString(8), rs.getString(9)};
                groups.row(t, rs.getString(2), head, rs.getString(4), rs.getString(6));
            }
            groups.finish((t, first, columns, refColumns) -> {
                String[] h = (String[]) first;
                switch (h[1]) {
                    case "p" -> {
                        for (int i = 0; i < columns.size(); i++) {
                            t.addPrimaryKeyColumn(i, columns.get(i));
                        }
                    }
                    case "u" -> t.addUnique(h[0], columns);
                    case "f" -> t.addForeignKey(new ForeignKeySchema(h[0], columns, h[2], refColumns,
                            ReferentialActions.fromPostgresCode(h[3]), ReferentialActions.fromPostgresCode(h[4])));
                    default -> t.addCheck(h[0], SqlText.stripOuterParens(h[5]));
                }
            });
        }
    }

    /**
     * The model's type for what {@code format_type} shows: a portable type when it renders back as the same
     * PostgreSQL type, else PostgreSQL's own type verbatim (enums, domains, arrays, {@code tsvector}, {@code inet},
     * {@code interval}, extension types, and the portable-looking {@code json}, {@code bit(n)} and unbounded
     * {@code character varying}, which the portable kinds would turn into another type).
     */
    public static ColumnType type(String table, String column, String formatType) {
        if (KEPT_AS_WRITTEN.matcher(formatType).matches()) {
            return ColumnType.nativeType(DIALECT, formatType);
        }
        Matcher m = TIME_WITH_PRECISION.matcher(formatType);
        String sql = m.matches() ? m.group(1) + " " + m.group(3) + " time zone(" + m.group(2) + ")" : formatType;
        try {
            return ColumnType.parse(sql);
        } catch (IllegalArgumentException unknown) {
            try {
                return ColumnType.nativeType(DIALECT, formatType);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(table + "." + column + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * PostgreSQL shows literals with casts ({@code 'new'::character varying}, {@code '-1'::integer}); casts are
     * removed only when a plain literal remains, so an expression such as {@code 'a'::text || 'b'::text} keeps
     * its text.
     */
    public static ColumnDefault defaultValue(String sql, ColumnType type) {
        return defaultValue(sql, type, false);
    }

    /**
     * As {@link #defaultValue(String, ColumnType)}, for a session where {@code backslashEscapes}: with
     * {@code standard_conforming_strings=off} PostgreSQL shows a backslash in a literal doubled.
     */
    public static ColumnDefault defaultValue(String sql, ColumnType type, boolean backslashEscapes) {
        if (sql == null) {
            return null;
        }
        String s = sql.trim();
        String uncast = TRAILING_CAST.matcher(s).replaceFirst("");
        while (!uncast.equals(s)) {
            s = SqlText.stripOuterParens(uncast);
            uncast = TRAILING_CAST.matcher(s).replaceFirst("");
        }
        if (SqlText.isQuotedString(s)) {
            String value = SqlText.unquoteString(s, backslashEscapes);
            // 'now', 'today'... are read when the statement runs: as a literal they would freeze into one date.
            if (!s.equals(sql.trim()) && TIME_INPUT_WORDS.contains(value.toLowerCase(java.util.Locale.ROOT))) {
                return DefaultValues.expression(sql);
            }
            return DefaultValues.literal(value, type);
        }
        if ((s.startsWith("E'") || s.startsWith("e'")) && SqlText.isQuotedString(s.substring(1))) {
            // An escape string: how PostgreSQL shows a backslash with standard_conforming_strings=off
            return DefaultValues.literal(SqlText.unquoteString(s.substring(1), true), type);
        }
        ColumnDefault plain = DefaultValues.fromSql(s, type, false);
        return plain instanceof ColumnDefault.Expression ? DefaultValues.expression(sql) : plain;
    }
}
