package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.DatabaseObject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The objects of the current PostgreSQL schema besides tables, with the definitions the catalog gives back:
 * extensions, enum types, domains and free-standing sequences (before the tables, which may use them), then
 * functions and procedures, views and materialized views, the indexes the model cannot say, rules, triggers. Each group in creation order (object id), which is also
 * dependency order for objects made one after another. Objects of extensions are the extension's, and left out.
 */
final class PostgresObjects {

    static final String NOT_FROM_EXTENSION =
            " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = %s AND d.deptype = 'e')";

    private static final String EXTENSIONS = """
            SELECT quote_ident(e.extname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname <> 'plpgsql' AND n.nspname = current_schema() ORDER BY e.oid""";

    /**
     * An index the model can say: plain btree over columns, no sort options, no INCLUDE columns, no expressions
     * (a WHERE predicate it can). The others (GiST, GIN, expressions, DESC) are kept as PostgreSQL writes them.
     */
    static final String PORTABLE_INDEX = """
            i.relam = (SELECT oid FROM pg_am WHERE amname = 'btree') AND ix.indexprs IS NULL
              AND ix.indnatts = ix.indnkeyatts AND NOT (0 < ANY (ix.indoption::int2[]))""";

    private static final String NATIVE_INDEXES = """
            SELECT quote_ident(i.relname), pg_get_indexdef(ix.indexrelid), t.relname
            FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema()
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid
                              AND con.conrelid = ix.indrelid AND con.contype IN ('p', 'u', 'x'))
              AND NOT (%s)
            ORDER BY ix.indexrelid""".formatted(PORTABLE_INDEX);

    private static final String RULES = """
            SELECT quote_ident(rulename), quote_ident(tablename), definition, tablename FROM pg_rules
            WHERE schemaname = current_schema() ORDER BY tablename, rulename""";

    private static final String ENUMS = """
            SELECT quote_ident(t.typname), string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = current_schema()""" + NOT_FROM_EXTENSION.formatted("t.oid") + """
             GROUP BY t.oid, t.typname ORDER BY t.oid""";

    private static final String DOMAINS = """
            SELECT quote_ident(t.typname), format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
                   (SELECT string_agg('CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), ' '
                                      ORDER BY c.oid)
                    FROM pg_constraint c WHERE c.contypid = t.oid)
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'd' AND n.nspname = current_schema()""" + NOT_FROM_EXTENSION.formatted("t.oid") + """
             ORDER BY t.oid""";

    /** Free-standing composite types ({@code CREATE TYPE x AS (...)}), not the row types every table has. */
    private static final String COMPOSITES = """
            SELECT quote_ident(t.typname),
                   (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                                      || CASE WHEN a.attcollation <> 0 AND a.attcollation <> (SELECT typcollation FROM pg_type
                                              WHERE oid = a.atttypid) THEN ' COLLATE ' || (SELECT quote_ident(collname)
                                              FROM pg_collation WHERE oid = a.attcollation) ELSE '' END, ', ' ORDER BY a.attnum)
                    FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
            FROM pg_type t JOIN pg_class c ON c.oid = t.typrelid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'c' AND c.relkind = 'c' AND n.nspname = current_schema()""" + NOT_FROM_EXTENSION.formatted("t.oid") + """
             ORDER BY t.oid""";

    // Sequences a column owns (serial) or that back an identity are the column's: not listed.
    private static final String SEQUENCES = """
            SELECT quote_ident(c.relname), format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax, s.seqstart,
                   s.seqcache, s.seqcycle
            FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'S' AND n.nspname = current_schema()
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
            ORDER BY c.oid""";

    private static final String ROUTINES = """
            SELECT quote_ident(p.proname), pg_get_function_identity_arguments(p.oid), p.prokind, pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')""" + NOT_FROM_EXTENSION.formatted("p.oid") + """
             ORDER BY p.oid""";

    private static final String VIEWS = """
            SELECT quote_ident(c.relname), c.relkind, pg_get_viewdef(c.oid, true)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND n.nspname = current_schema()""" + NOT_FROM_EXTENSION.formatted("c.oid") + """
             ORDER BY c.oid""";

    private static final String TRIGGERS = """
            SELECT quote_ident(t.tgname), quote_ident(c.relname), pg_get_triggerdef(t.oid, true), c.relname
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND n.nspname = current_schema()
            ORDER BY t.oid""";

    private PostgresObjects() {
    }

    /**
     * The catalog's definitions name objects of the current schema with it ({@code ON public.film}): without it
     * they replay into whichever schema the migration runs in (another tenant's, a scratch one).
     */
    private static Pattern ownSchemaPrefix(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT quote_ident(current_schema())")) {
            rs.next();
            return Pattern.compile("(?<=[\\s(,])" + Pattern.quote(rs.getString(1) + "."));
        }
    }

    /** The catalog ends view and rule definitions with a semicolon; a RUN_SQL statement is written without one. */
    private static String withoutSemicolon(String definition) {
        String d = definition.strip();
        return d.endsWith(";") ? d.substring(0, d.length() - 1) : d;
    }

    private static String unqualified(Pattern ownSchema, String sql) {
        return ownSchema.matcher(sql).replaceAll("");
    }

    static List<DatabaseObject> read(Connection connection) throws SQLException {
        List<DatabaseObject> objects = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            Pattern ownSchema = ownSchemaPrefix(st);
            // An extension's types and functions are the extension's: creating it brings them.
            try (ResultSet rs = st.executeQuery(EXTENSIONS)) {
                while (rs.next()) {
                    objects.add(new DatabaseObject("extension", rs.getString(1),
                            "CREATE EXTENSION IF NOT EXISTS " + rs.getString(1), "DROP EXTENSION " + rs.getString(1), true));
                }
            }
            try (ResultSet rs = st.executeQuery(ENUMS)) {
                while (rs.next()) {
                    objects.add(new DatabaseObject("enum type", rs.getString(1),
                            "CREATE TYPE " + rs.getString(1) + " AS ENUM (" + rs.getString(2) + ")",
                            "DROP TYPE " + rs.getString(1), true));
                }
            }
            try (ResultSet rs = st.executeQuery(DOMAINS)) {
                while (rs.next()) {
                    StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(rs.getString(1)).append(" AS ")
                            .append(rs.getString(2));
                    if (rs.getString(4) != null) {
                        sql.append(" DEFAULT ").append(rs.getString(4));
                    }
                    if (rs.getBoolean(3)) {
                        sql.append(" NOT NULL");
                    }
                    if (rs.getString(5) != null) {
                        sql.append(' ').append(rs.getString(5));
                    }
                    objects.add(new DatabaseObject("domain", rs.getString(1), sql.toString(), "DROP DOMAIN " + rs.getString(1), true));
                }
            }
            try (ResultSet rs = st.executeQuery(COMPOSITES)) {
                while (rs.next()) {
                    objects.add(new DatabaseObject("composite type", rs.getString(1),
                            "CREATE TYPE " + rs.getString(1) + " AS (" + (rs.getString(2) == null ? "" : rs.getString(2)) + ")",
                            "DROP TYPE " + rs.getString(1), true));
                }
            }
            try (ResultSet rs = st.executeQuery(SEQUENCES)) {
                while (rs.next()) {
                    String sql = "CREATE SEQUENCE " + rs.getString(1) + " AS " + rs.getString(2) + " INCREMENT BY "
                            + rs.getLong(3) + " MINVALUE " + rs.getLong(4) + " MAXVALUE " + rs.getLong(5) + " START WITH "
                            + rs.getLong(6) + " CACHE " + rs.getLong(7) + (rs.getBoolean(8) ? " CYCLE" : " NO CYCLE");
                    objects.add(new DatabaseObject("sequence", rs.getString(1), sql, "DROP SEQUENCE " + rs.getString(1), true));
                }
            }
            try (ResultSet rs = st.executeQuery(ROUTINES)) {
                while (rs.next()) {
                    String kind = "p".equals(rs.getString(3)) ? "procedure" : "function";
                    String signature = rs.getString(1) + "(" + rs.getString(2) + ")";
                    objects.add(new DatabaseObject(kind, signature, unqualified(ownSchema, rs.getString(4).strip()),
                            "DROP " + kind.toUpperCase(java.util.Locale.ROOT) + " " + signature, false));
                }
            }
            try (ResultSet rs = st.executeQuery(VIEWS)) {
                while (rs.next()) {
                    boolean materialized = "m".equals(rs.getString(2));
                    String kind = materialized ? "materialized view" : "view";
                    String definition = withoutSemicolon(rs.getString(3));
                    objects.add(new DatabaseObject(kind, rs.getString(1),
                            "CREATE " + kind.toUpperCase(java.util.Locale.ROOT) + " " + rs.getString(1) + " AS " + definition,
                            "DROP " + kind.toUpperCase(java.util.Locale.ROOT) + " " + rs.getString(1), false));
                }
            }
            try (ResultSet rs = st.executeQuery(NATIVE_INDEXES)) {
                while (rs.next()) {
                    objects.add(new DatabaseObject("index", rs.getString(1), unqualified(ownSchema, rs.getString(2)),
                            "DROP INDEX " + rs.getString(1), false, rs.getString(3)));
                }
            }
            try (ResultSet rs = st.executeQuery(RULES)) {
                while (rs.next()) {
                    String definition = withoutSemicolon(rs.getString(3));
                    objects.add(new DatabaseObject("rule", rs.getString(1) + " on " + rs.getString(2), unqualified(ownSchema, definition),
                            "DROP RULE " + rs.getString(1) + " ON " + rs.getString(2), false, rs.getString(4)));
                }
            }
            try (ResultSet rs = st.executeQuery(TRIGGERS)) {
                while (rs.next()) {
                    objects.add(new DatabaseObject("trigger", rs.getString(1) + " on " + rs.getString(2), unqualified(ownSchema, rs.getString(3)),
                            "DROP TRIGGER " + rs.getString(1) + " ON " + rs.getString(2), false, rs.getString(4)));
                }
            }
        }
        return objects;
    }
}
