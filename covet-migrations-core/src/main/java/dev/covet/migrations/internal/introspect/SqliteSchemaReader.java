package dev.covet.migrations.internal.introspect;

import dev.covet.migrations.introspect.DatabaseObject;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a SQLite database with three queries that join {@code sqlite_schema} with the table-valued pragma
 * functions ({@code pragma_table_xinfo}, {@code pragma_index_list} + {@code pragma_index_info},
 * {@code pragma_foreign_key_list}); constraint names, CHECKs and AUTOINCREMENT come from the CREATE TABLE
 * text, which the pragmas do not report.
 */
public final class SqliteSchemaReader implements SchemaReader {

    /**
     * Ordinary tables: not SQLite's own, not virtual tables (full-text, R*Tree: {@link SqliteObjects} keeps them as
     * their CREATE VIRTUAL TABLE) and not the shadow tables such a table keeps its data in, which it makes itself.
     */
    private static final String TABLES = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND NOT "
            + SqliteObjects.VIRTUAL + " AND NOT " + SqliteObjects.SHADOW;

    private static final String COLUMNS = """
            SELECT m.name, m.sql, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
            FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p
            WHERE %s AND p.hidden <> 1
            ORDER BY m.name, p.cid""".formatted(TABLES);

    private static final String INDEXES = """
            SELECT m.name, il.name, il."unique", il.origin, ii.name, s.sql
            FROM sqlite_schema m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
            LEFT JOIN sqlite_schema s ON s.type = 'index' AND s.name = il.name
            WHERE %s AND NOT %s
            ORDER BY m.name, il.name, ii.seqno""".formatted(TABLES, SqliteObjects.NATIVE_INDEX.formatted("il.name"));

    private static final String FOREIGN_KEYS = """
            SELECT m.name, fk.id, fk."table", fk."from", fk."to", fk.on_delete, fk.on_update
            FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) fk
            WHERE %s
            ORDER BY m.name, fk.id, fk.seq""".formatted(TABLES);

    @Override
    public List<DatabaseObject> readObjects(Connection connection) throws SQLException {
        return SqliteObjects.read(connection);
    }

    @Override
    public SchemaState read(Connection connection, String excludedPrefix) throws SQLException {
        TableSet tables = new TableSet(excludedPrefix);
        Map<String, SqliteTableDdl> ddl = new HashMap<>();
        try (Statement st = connection.createStatement()) {
            readColumns(st, tables, ddl);
            readIndexes(st, tables, ddl);
            readForeignKeys(st, tables, ddl);
        }
        ddl.forEach((table, d) -> addChecks(tables.existing(table), d));
        return tables.toState();
    }

    private static void readColumns(Statement st, TableSet tables, Map<String, SqliteTableDdl> ddl) throws SQLException {
        try (ResultSet rs = st.executeQuery(COLUMNS)) {
            while (rs.next()) {
                TableAccumulator t = tables.table(rs.getString(1));
                if (t == null) {
                    continue;
                }
                SqliteTableDdl d = ddl.computeIfAbsent(t.name(), k -> {
                    try {
                        return SqliteTableDdl.parse(rs.getString(2));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                String column = rs.getString(3);
                int pk = rs.getInt(7);
                // SQLite only accepts AUTOINCREMENT on INTEGER PRIMARY KEY, whatever integer type the migration
                // declared, so the declared type is lost: read as BIGINT (a rowid holds 64 bits), and compared with
                // an INTEGER key as the same column (SqliteDialect.sameColumnType)
                boolean auto = column.equalsIgnoreCase(d.autoIncrementColumn());
                ColumnType type = auto ? ColumnType.of(ColumnType.Kind.BIGINT) : type(t.name(), column, rs.getString(4));
                int hidden = rs.getInt(8);
                String generation = d.generated().get(column.toLowerCase(java.util.Locale.ROOT));
                if ((hidden == 2 || hidden == 3) && generation != null) {
                    // A generated column (2 virtual, 3 stored): its expression is part of SQLite's own column type.
                    type = ColumnType.nativeType("sqlite", rs.getString(4) + " generated always as (" + generation + ") "
                            + (hidden == 3 ? "stored" : "virtual"));
                }
                ColumnDefault def = DefaultValues.fromSql(rs.getString(6), type, false);
                t.addColumn(ColumnSchema.of(column, type).withNullable(rs.getInt(5) == 0).withDefault(def).withAutoIncrement(auto));
                if (pk > 0) {
                    t.addPrimaryKeyColumn(pk, column);
                }
            }
        }
    }

    private static ColumnType type(String table, String column, String declared) {
        if (declared == null || declared.isBlank()) {
            return ColumnType.of(ColumnType.Kind.BLOB); // no declared type: SQLite's BLOB affinity
        }
        try {
            return ColumnType.parse(declared);
        } catch (IllegalArgumentException unknown) {
            // SQLite takes any type name (its affinity comes from words in it): kept as declared, it keeps both.
            try {
                return ColumnType.nativeType("sqlite", declared);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(table + "." + column + ": " + e.getMessage(), e);
            }
        }
    }

    private static void readIndexes(Statement st, TableSet tables, Map<String, SqliteTableDdl> ddl) throws SQLException {
        try (ResultSet rs = st.executeQuery(INDEXES)) {
            RowGroups groups = new RowGroups();
            while (rs.next()) {
                TableAccumulator t = tables.existing(rs.getString(1));
                if (t == null || "pk".equals(rs.getString(4))) {
                    continue;
                }
                String[] head = {rs.getString(2), rs.getString(4), rs.getString(6), String.valueOf(rs.getInt(3) != 0)};
                groups.row(t, rs.getString(2), head, rs.getString(5));
            }
            groups.finish((t, first, columns, refColumns) -> {
                String[] h = (String[]) first;
                if ("u".equals(h[1])) {
                    uniqueConstraint(t, ddl.get(t.name()), h[0], columns);
                } else {
                    t.addIndex(new IndexSchema(h[0], columns, Boolean.parseBoolean(h[3]), where(h[2])));
                }
            });
        }
    }

    /** A {@code sqlite_autoindex_*} index stands for a UNIQUE constraint of the CREATE TABLE text. */
    private static void uniqueConstraint(TableAccumulator t, SqliteTableDdl d, String indexName, List<String> columns) {
        SqliteTableDdl.Unique declared = d == null ? null : d.uniques().stream()
                .filter(u -> sameNames(u.columns(), columns)).findFirst().orElse(null);
        if (declared != null && declared.name() != null) {
            t.addUnique(declared.name(), columns);
        } else if (columns.size() == 1) {
            t.addUniqueColumn(columns.get(0));
        } else {
            t.addUnique(indexName, columns);
        }
    }

    /** The predicate after WHERE in a CREATE INDEX text, or null. */
    public static String where(String createIndexSql) {
        if (createIndexSql == null) {
            return null;
        }
        for (SqlTokens.Token token : SqlTokens.tokenize(createIndexSql)) {
            if (token.isWord("WHERE")) {
                return SqlText.stripOuterParens(createIndexSql.substring(token.start() + token.text().length()));
            }
        }
        return null;
    }

    /** One foreign key as the pragma reports it, before its name is recovered. */
    private record PragmaForeignKey(TableAccumulator table, String[] head, List<String> columns, List<String> referencedColumns) {
    }

    private static void readForeignKeys(Statement st, TableSet tables, Map<String, SqliteTableDdl> ddl) throws SQLException {
        List<PragmaForeignKey> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(FOREIGN_KEYS)) {
            RowGroups groups = new RowGroups();
            while (rs.next()) {
                TableAccumulator t = tables.existing(rs.getString(1));
                if (t == null) {
                    continue;
                }
                String[] head = {rs.getString(3), rs.getString(6), rs.getString(7)};
                groups.row(t, "fk" + rs.getInt(2), head, rs.getString(4), rs.getString(5));
            }
            groups.finish((t, first, columns, refColumns) -> found.add(new PragmaForeignKey(t, (String[]) first, columns, refColumns)));
        }
        Map<String, List<SqliteTableDdl.ForeignKey>> unmatched = new HashMap<>();
        for (PragmaForeignKey f : found) {
            TableAccumulator t = f.table();
            String referencedTable = f.head()[0];
            SqliteTableDdl d = ddl.get(t.name());
            List<SqliteTableDdl.ForeignKey> declared = d == null ? List.of() : d.foreignKeys();
            List<SqliteTableDdl.ForeignKey> left = unmatched.computeIfAbsent(t.name(), k -> new ArrayList<>(declared));
            // pragma ids run in reverse declaration order, so match on columns and target, not position
            SqliteTableDdl.ForeignKey match = left.stream()
                    .filter(fk -> sameNames(fk.columns(), f.columns()) && fk.referencedTable().equalsIgnoreCase(referencedTable))
                    .findFirst().orElse(null);
            left.remove(match);
            String name;
            if (match != null && match.name() != null) {
                name = match.name();
            } else {
                // unnamed: its 1-based position among the table's declared foreign keys
                int position = match != null ? declared.indexOf(match) + 1 : declared.size() + found.indexOf(f) + 1;
                name = "fk_" + t.name() + "_" + position;
            }
            t.addForeignKey(new ForeignKeySchema(name, f.columns(), referencedTable, referenced(tables, referencedTable, f.referencedColumns()),
                    ReferentialActions.normalize(f.head()[1]), ReferentialActions.normalize(f.head()[2])));
        }
    }

    /** {@code REFERENCES t} without columns means t's primary key; the pragma then reports null columns. */
    private static List<String> referenced(TableSet tables, String table, List<String> refColumns) {
        if (!refColumns.isEmpty()) {
            return refColumns;
        }
        TableAccumulator target = tables.existing(table);
        return target == null ? List.of() : target.primaryKey();
    }

    /** CHECKs exist only in the CREATE TABLE text; unnamed ones get {@code ck_<table>_<n>} in declaration order. */
    private static void addChecks(TableAccumulator t, SqliteTableDdl d) {
        if (t == null) {
            return;
        }
        List<SqliteTableDdl.Check> checks = d.checks();
        for (int i = 0; i < checks.size(); i++) {
            SqliteTableDdl.Check c = checks.get(i);
            t.addCheck(c.name() != null ? c.name() : "ck_" + t.name() + "_" + (i + 1), c.expression());
        }
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).toLowerCase(Locale.ROOT).equals(b.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
