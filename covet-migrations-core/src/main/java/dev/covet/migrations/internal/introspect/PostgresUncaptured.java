package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.UncapturedObject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What {@link PostgresObjects} leaves out of the current schema, each with why: one query, one row per object (or per
 * kind, for things that come in numbers, like comments and privileges).
 */
final class PostgresUncaptured {

    private static final String NOT_FROM_EXTENSION = PostgresObjects.NOT_FROM_EXTENSION;

    private static final String QUERY = """
            SELECT 'aggregate', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                   'CREATE AGGREGATE is not read back from the catalog: add it in a RUN_SQL migration of your own'
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.prokind IN ('a', 'w')""" + NOT_FROM_EXTENSION.formatted("p.oid") + """
            UNION ALL
            SELECT 'operator', o.oprname || '(' || format_type(o.oprleft, NULL) || ', ' || format_type(o.oprright, NULL) || ')',
                   'operators are not captured: add CREATE OPERATOR in a RUN_SQL migration of your own'
            FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
            WHERE n.nspname = current_schema()""" + NOT_FROM_EXTENSION.formatted("o.oid") + """
            UNION ALL
            SELECT 'range type', t.typname, 'range types are not captured: add CREATE TYPE ... AS RANGE in a RUN_SQL'
                   || ' migration of your own (before the tables that use it)'
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype IN ('r', 'm') AND n.nspname = current_schema()""" + NOT_FROM_EXTENSION.formatted("t.oid") + """
            UNION ALL
            SELECT 'foreign table', c.relname, 'foreign tables depend on a server and user mapping outside the schema:'
                   || ' not captured'
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'f' AND n.nspname = current_schema()
            UNION ALL
            SELECT 'row-level security policy', pol.polname || ' on ' || c.relname,
                   'policies and ENABLE ROW LEVEL SECURITY are not captured: add them in a RUN_SQL migration of your own'
            FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema()
            UNION ALL
            SELECT 'row-level security', c.relname, 'ENABLE ROW LEVEL SECURITY is not captured'
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relrowsecurity AND n.nspname = current_schema()
            UNION ALL
            SELECT 'collation', co.collname, 'collations are not captured: add CREATE COLLATION in a RUN_SQL migration'
            FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
            WHERE n.nspname = current_schema()""" + NOT_FROM_EXTENSION.formatted("co.oid") + """
            UNION ALL
            SELECT 'text search configuration', cfg.cfgname, 'text search configurations are not captured'
            FROM pg_ts_config cfg JOIN pg_namespace n ON n.oid = cfg.cfgnamespace
            WHERE n.nspname = current_schema()""" + NOT_FROM_EXTENSION.formatted("cfg.oid") + """
            UNION ALL
            SELECT 'comments', count(*) || ' on tables and columns', 'COMMENT ON is not captured'
            FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')
            HAVING count(*) > 0
            UNION ALL
            SELECT 'privileges', count(*) || ' tables with grants', 'GRANTs belong to the roles of each environment and'
                   || ' are not captured: grant them as you do today'
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relacl IS NOT NULL
            HAVING count(*) > 0""";

    private PostgresUncaptured() {
    }

    static List<UncapturedObject> read(Connection connection) throws SQLException {
        return UncapturedRows.read(connection, QUERY);
    }
}
