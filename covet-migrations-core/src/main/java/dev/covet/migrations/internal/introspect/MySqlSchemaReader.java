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
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the connection's {@code DATABASE()} on MySQL 8 and MariaDB from {@code information_schema} with four
 * queries: all columns, all index columns, all foreign-key columns, all CHECK constraints.
 */
public final class MySqlSchemaReader implements SchemaReader {

    private static final String COLUMNS = """
            SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA,
                   c.GENERATION_EXPRESSION,
                   CASE WHEN c.COLLATION_NAME <> t.TABLE_COLLATION THEN c.CHARACTER_SET_NAME END,
                   CASE WHEN c.COLLATION_NAME <> t.TABLE_COLLATION THEN c.COLLATION_NAME END
            FROM information_schema.COLUMNS c
            JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
            WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
            ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION""";

    private static final String INDEXES = """
            SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME
            FROM information_schema.STATISTICS s
            WHERE TABLE_SCHEMA = DATABASE() AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS n
                WHERE n.TABLE_SCHEMA = s.TABLE_SCHEMA AND n.TABLE_NAME = s.TABLE_NAME AND n.INDEX_NAME = s.INDEX_NAME
                  AND %s)
            ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""".formatted(MySqlObjects.NATIVE_INDEX_PART);

    private static final String FOREIGN_KEYS = """
            SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
                   r.DELETE_RULE, r.UPDATE_RULE
            FROM information_schema.KEY_COLUMN_USAGE k
            JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA
                 AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
            WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
            ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

    /** MariaDB names CHECK constraints per table and says which table in CHECK_CONSTRAINTS itself. */
    private static final String MARIADB_CHECKS = """
            SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE
            FROM information_schema.CHECK_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = DATABASE()
            ORDER BY TABLE_NAME, CONSTRAINT_NAME""";

    /** MySQL 8 names CHECK constraints per schema; the table comes from TABLE_CONSTRAINTS. */
    private static final String MYSQL_CHECKS = """
            SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
            FROM information_schema.TABLE_CONSTRAINTS tc
            JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                 AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK'
            ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME""";

    /** MariaDB's JSON is LONGTEXT plus this column-level CHECK. */
    private static final Pattern JSON_VALID = Pattern.compile("(?i)^json_valid\\(`?([^`]+)`?\\)$");

    /** Unique constraints are unique indexes on MySQL; this prefix (Covet's naming) says it was declared as one. */
    private static final String UNIQUE_CONSTRAINT_PREFIX = "uk_";

    @Override
    public List<DatabaseObject> readObjects(Connection connection) throws SQLException {
        return MySqlObjects.read(connection);
    }

    @Override
    public List<UncapturedObject> readUncaptured(Connection connection) throws SQLException {
        return MySqlUncaptured.read(connection);
    }

    @Override
    public SchemaState read(Connection connection, String excludedPrefix) throws SQLException {
        boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        TableSet tables = new TableSet(excludedPrefix);
        try (Statement st = connection.createStatement()) {
            readColumns(st, tables, mariaDb);
            readChecks(st, tables, mariaDb);
            readForeignKeys(st, tables);
            readIndexes(st, tables);
        }
        return tables.toState();
    }

    private static void readColumns(Statement st, TableSet tables, boolean mariaDb) throws SQLException {
        try (ResultSet rs = st.executeQuery(COLUMNS)) {
            while (rs.next()) {
                TableAccumulator t = tables.table(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String column = rs.getString(2);
                ColumnType type;
                try {
                    type = MySqlTypes.parse(rs.getString(3));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(t.name() + "." + column + ": " + e.getMessage(), e);
                }
                String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
                // What MySQL keeps with a column beyond its type (another collation than its table's, a generation
                // expression, ON UPDATE CURRENT_TIMESTAMP) is kept with it as MySQL's own type: it renders back.
                StringBuilder attributes = new StringBuilder();
                if (rs.getString(9) != null) {
                    attributes.append(" character set ").append(rs.getString(8)).append(" collate ").append(rs.getString(9));
                }
                String generated = extra.contains("stored generated") || extra.contains("persistent") ? "stored"
                        : extra.contains("virtual generated") ? "virtual" : null;
                if (generated != null && rs.getString(7) != null) {
                    attributes.append(" as (").append(rs.getString(7)).append(") ").append(generated);
                }
                int onUpdate = extra.indexOf("on update ");
                if (onUpdate >= 0) {
                    attributes.append(' ').append(extra.substring(onUpdate));
                }
                if (!attributes.isEmpty()) {
                    type = ColumnType.nativeType("mysql", rs.getString(3) + attributes);
                }
                boolean auto = extra.contains("auto_increment");
                ColumnDefault def = auto || generated != null ? null : defaultValue(rs.getString(5), extra, type, mariaDb);
                t.addColumn(ColumnSchema.of(column, type).withNullable("YES".equals(rs.getString(4))).withDefault(def).withAutoIncrement(auto));
            }
        }
    }

    /**
     * MariaDB shows COLUMN_DEFAULT as SQL (quoted strings, {@code NULL} for none); MySQL 8 shows literal
     * values unquoted and marks expressions with {@code DEFAULT_GENERATED} in EXTRA.
     */
    public static ColumnDefault defaultValue(String text, String extra, ColumnType type, boolean mariaDb) {
        if (text == null) {
            return null;
        }
        if (mariaDb) {
            return DefaultValues.fromSql(text, type, true);
        }
        if (extra.contains("default_generated")) {
            return DefaultValues.expression(text);
        }
        if (type.kind() == ColumnType.Kind.TIMESTAMP || type.kind() == ColumnType.Kind.TIMESTAMPTZ) {
            // before 8.0.13 CURRENT_TIMESTAMP carried no DEFAULT_GENERATED marker
            ColumnDefault d = DefaultValues.expression(text);
            if (d.equals(new ColumnDefault.Expression("CURRENT_TIMESTAMP"))) {
                return d;
            }
        }
        return DefaultValues.literal(text, type);
    }

    private static void readChecks(Statement st, TableSet tables, boolean mariaDb) throws SQLException {
        try (ResultSet rs = st.executeQuery(mariaDb ? MARIADB_CHECKS : MYSQL_CHECKS)) {
            while (rs.next()) {
                TableAccumulator t = tables.existing(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String expression = SqlText.stripOuterParens(rs.getString(3));
                Matcher json = JSON_VALID.matcher(expression);
                if (json.matches() && isTextColumn(t, json.group(1))) {
                    t.mapColumn(json.group(1), c -> c.withType(ColumnType.of(ColumnType.Kind.JSON)));
                } else {
                    t.addCheck(rs.getString(2), expression);
                }
            }
        }
    }

    /** A TEXT column, or MariaDB's JSON alias: longtext in utf8mb4_bin, kept native for its collation. */
    private static boolean isTextColumn(TableAccumulator t, String column) {
        return t.column(column).map(c -> c.type().kind() == ColumnType.Kind.TEXT
                || c.type().isNative() && c.type().nativeSql().startsWith("longtext character set utf8mb4 collate utf8mb4_bin"))
                .orElse(false);
    }

    private static void readForeignKeys(Statement st, TableSet tables) throws SQLException {
        try (ResultSet rs = st.executeQuery(FOREIGN_KEYS)) {
            RowGroups groups = new RowGroups();
            while (rs.next()) {
                TableAccumulator t = tables.existing(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String[] head = {rs.getString(2), rs.getString(4), rs.getString(6), rs.getString(7)};
                groups.row(t, rs.getString(2), head, rs.getString(3), rs.getString(5));
            }
            groups.finish((t, first, columns, refColumns) -> {
                String[] h = (String[]) first;
                t.addForeignKey(new ForeignKeySchema(h[0], columns, h[1], refColumns,
                        ReferentialActions.normalizeMySql(h[2]), ReferentialActions.normalizeMySql(h[3])));
            });
        }
    }

    /** Reads after the foreign keys: MySQL's automatic index for a foreign key carries its name and is skipped. */
    private static void readIndexes(Statement st, TableSet tables) throws SQLException {
        try (ResultSet rs = st.executeQuery(INDEXES)) {
            RowGroups groups = new RowGroups();
            while (rs.next()) {
                TableAccumulator t = tables.existing(rs.getString(1));
                if (t == null) {
                    continue;
                }
                groups.row(t, rs.getString(2), new IndexSchema(rs.getString(2), List.of(), rs.getInt(3) == 0, null),
                        rs.getString(4));
            }
            groups.finish((t, first, columns, refColumns) -> index(t, (IndexSchema) first, columns));
        }
    }

    private static void index(TableAccumulator t, IndexSchema head, List<String> columns) {
        String name = head.name();
        if (name.equals("PRIMARY")) {
            for (int i = 0; i < columns.size(); i++) {
                t.addPrimaryKeyColumn(i, columns.get(i));
            }
        } else if (t.foreignKeys().stream().anyMatch(fk -> fk.name().equals(name))) {
            return; // created by MySQL for the foreign key of the same name
        } else if (head.unique() && name.startsWith(UNIQUE_CONSTRAINT_PREFIX)) {
            // MySQL cannot tell a unique constraint from a unique index (TABLE_CONSTRAINTS lists both), so
            // Covet's uk_ naming decides
            t.addUnique(name, columns);
        } else {
            t.addIndex(new IndexSchema(name, columns, head.unique(), null));
        }
    }
}
