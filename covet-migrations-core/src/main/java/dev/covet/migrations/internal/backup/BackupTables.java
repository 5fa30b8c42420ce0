package dev.covet.migrations.internal.backup;

import dev.covet.migrations.MigrationException;
import dev.covet.migrations.safety.BackupInfo;
import dev.covet.migrations.dialect.Dialect;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.OwnTables;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Backups of whole tables, or of a column with the keys of its rows: schema-independent copies (made like
 * {@code CREATE TABLE ... AS SELECT}), recorded in {@code <prefix>backups} with row counts and content hashes.
 * Restoring replaces the rows of each table with its copy (a column's values go back into the rows with the same
 * key) and proves the result by hashing it again.
 */
public final class BackupTables {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String prefix;
    private final String table;
    private final int copyBatchSize;

    /** Rows per copy statement: big enough to copy fast, small enough that the log shows a large copy moving. */
    static final int DEFAULT_COPY_BATCH = 50_000;

    public BackupTables(DataSource dataSource, Dialect dialect, String tablePrefix) {
        this(dataSource, dialect, tablePrefix, DEFAULT_COPY_BATCH);
    }

    /**
     * @param copyBatchSize rows copied per statement (and per progress message) for a table with a one-column key
     */
    public BackupTables(DataSource dataSource, Dialect dialect, String tablePrefix, int copyBatchSize) {
        this.copyBatchSize = copyBatchSize;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.prefix = tablePrefix;
        this.table = dialect.quote(tablePrefix + "backups");
    }

    /** The {@code <prefix>backups} table: one row per backup, its copies described as JSON in {@code tables}. */
    static TableSchema schema(String tablePrefix) {
        return TableSchema.of(tablePrefix + "backups", List.of(
                ColumnSchema.of("id", ColumnType.varchar(40)).notNull().asPrimaryKey(),
                ColumnSchema.of("migration", ColumnType.varchar(1000)),
                ColumnSchema.of("created_at", OwnTables.TIMESTAMP).notNull(),
                ColumnSchema.of("tables", OwnTables.TEXT).notNull(),
                ColumnSchema.of("checksum", ColumnType.varchar(64)).notNull()));
    }

    private void createTable(Connection c) throws SQLException {
        exec(c, dialect.createIfNotExists(schema(prefix)));
    }

    /**
     * Copies the tables (those that exist; tables whose foreign keys cascade from them are added, so a
     * restore can bring them back too), and commits.
     *
     * @return the backup
     */
    public BackupInfo create(String migration, Set<String> tables) {
        try (Connection c = dataSource.getConnection()) {
            SchemaState schema = dialect.schemaReader().read(c, prefix);
            List<BackupScope> scopes = new ArrayList<>();
            for (String t : withDependants(schema, tables)) {
                schema.table(t).ifPresent(ts -> scopes.add(new BackupScope.Rows(ts)));
            }
            BackupInfo info = create(c, migration, scopes);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return info;
        } catch (SQLException e) {
            throw new MigrationException("backup failed: " + e.getMessage(), e);
        }
    }

    /**
     * Copies what the scopes name on the caller's connection, inside whatever transaction it has open (nothing is
     * committed here: a migration's backup commits or rolls back with the migration), and records the backup.
     *
     * @param migration what the backup is taken for
     * @param scopes the tables, whole or a column of them
     * @return the backup
     * @throws SQLException when a copy fails
     */
    public BackupInfo create(Connection c, String migration, List<BackupScope> scopes) throws SQLException {
        createTable(c);
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<BackupInfo.BackedUpTable> copies = new ArrayList<>();
        ContentHasher hasher = new ContentHasher(dialect);
        TableCopier copier = new TableCopier(dialect, copyBatchSize);
        for (BackupScope scope : scopes) {
            TableSchema ts = scope.table();
            String copy = prefix + "bk_" + id + "_" + copies.size();
            List<String> key = ts.primaryKey();
            boolean byKey = scope instanceof BackupScope.Column col && !key.isEmpty() && !key.contains(col.column());
            List<String> columns;
            String where = null;
            if (byKey) {
                String column = ((BackupScope.Column) scope).column();
                columns = new ArrayList<>(key);
                columns.add(column);
                where = dialect.quote(column) + " IS NOT NULL";
            } else {
                // Without a key to find the rows again (or when the column is part of it), a column is kept with its whole rows.
                columns = ts.columns().stream().map(col -> col.name()).toList();
            }
            // A whole-row copy of a dropped column's table copies every row, not just the counted values.
            long expected = byKey || scope instanceof BackupScope.Rows ? scope.expectedRows() : -1;
            long rows = copier.copy(c, ts.name(), copy, columns, key, where, expected);
            if (byKey) {
                // A restore looks every row up by key in the copy: without an index that is a scan per row.
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE INDEX " + dialect.quote(copy + "_key") + " ON " + dialect.quote(copy) + " (" + columnList(key) + ")");
                }
            }
            copies.add(new BackupInfo.BackedUpTable(ts.name(), copy, rows, hasher.hash(c, copy, columns, key), columns, key,
                    byKey ? BackupInfo.Kind.COLUMNS : BackupInfo.Kind.ROWS));
        }
        BackupInfo info = new BackupInfo(id, migration, Instant.now(), copies, combined(copies));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (id, migration, created_at, tables, checksum)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, migration);
            p.setTimestamp(3, Timestamp.from(info.createdAt()));
            p.setString(4, encode(copies));
            p.setString(5, info.checksum());
            p.executeUpdate();
        }
        return info;
    }

    /** Every backup, newest first. */
    public List<BackupInfo> list() {
        try (Connection c = dataSource.getConnection()) {
            createTable(c);
            List<BackupInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, migration, created_at, tables, checksum FROM " + table + " ORDER BY created_at DESC")) {
                while (rs.next()) {
                    out.add(new BackupInfo(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), decode(rs.getString(4)),
                            rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new MigrationException("cannot list backups: " + e.getMessage(), e);
        }
    }

    /** One backup, or an error naming the id. */
    public BackupInfo get(String id) {
        return list().stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new MigrationException("no backup with id '" + id + "' (see covet backups)"));
    }

    /**
     * Replaces each backed-up table's rows with the copy (for a column backup: writes the values back into the rows
     * with the same key), in one transaction where the database allows, then verifies every table's content hash.
     *
     * @return whether every restored table hashes exactly as when it was backed up
     */
    public boolean restore(String id) {
        BackupInfo info = get(id);
        try (Connection c = dataSource.getConnection()) {
            return restore(c, info);
        } catch (SQLException e) {
            throw new MigrationException("restoring backup " + id + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #restore(String)} on the caller's connection, which must be in autocommit mode (the restore is its own
     * transaction).
     *
     * @return whether every restored table hashes exactly as when it was backed up
     * @throws MigrationException when a table or column to restore into does not exist
     */
    public boolean restore(Connection c, BackupInfo info) throws SQLException {
        String id = info.id();
        SchemaState schema = dialect.schemaReader().read(c, prefix);
        for (BackupInfo.BackedUpTable t : info.tables()) {
            TableSchema current = schema.table(t.table()).orElseThrow(() -> new MigrationException("cannot restore backup " + id
                    + ": table " + t.table() + " does not exist. Re-create it first: roll back the migration that dropped it"
                    + " (covet rollback), or migrate to recreate its schema, then restore again."));
            for (String column : t.kind() == BackupInfo.Kind.COLUMNS ? t.columns() : List.<String>of()) {
                if (current.column(column).isEmpty()) {
                    throw new MigrationException("cannot restore backup " + id + ": column " + t.table() + "." + column
                            + " does not exist. Re-add it first: roll back the migration that dropped it (covet rollback),"
                            + " then restore again.");
                }
            }
        }
        List<BackupInfo.BackedUpTable> parentsFirst = parentsFirst(schema, info.tables().stream()
                .filter(t -> t.kind() == BackupInfo.Kind.ROWS).toList());
        dialect.foreignKeyChecks(c, false);
        c.setAutoCommit(false);
        try {
            for (int i = parentsFirst.size() - 1; i >= 0; i--) {
                exec(c, "DELETE FROM " + dialect.quote(parentsFirst.get(i).table()));
            }
            for (BackupInfo.BackedUpTable t : parentsFirst) {
                TableSchema current = schema.table(t.table()).orElseThrow();
                List<String> columns = t.columns().stream().filter(col -> current.column(col).isPresent()).toList();
                exec(c, "INSERT INTO " + dialect.quote(t.table()) + " (" + columnList(columns) + ") SELECT "
                        + columnList(columns) + " FROM " + dialect.quote(t.copy()));
                dialect.resetIdentity(c, current);
            }
            for (BackupInfo.BackedUpTable t : info.tables()) {
                if (t.kind() == BackupInfo.Kind.COLUMNS) {
                    exec(c, updateByKey(t));
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
            dialect.foreignKeyChecks(c, true);
        }
        ContentHasher hasher = new ContentHasher(dialect);
        for (BackupInfo.BackedUpTable t : info.tables()) {
            String where = t.kind() == BackupInfo.Kind.COLUMNS ? "EXISTS (" + sameKey(t, "1") + ")" : null;
            if (!hasher.hash(c, t.table(), t.columns(), t.orderBy(), where).equals(t.contentHash())) {
                return false;
            }
        }
        return true;
    }

    /** {@code UPDATE t SET v = (value in the copy with t's key) WHERE the copy has t's key}: the same SQL on all three databases. */
    private String updateByKey(BackupInfo.BackedUpTable t) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(dialect.quote(t.table())).append(" SET ");
        List<String> values = t.valueColumns();
        for (int i = 0; i < values.size(); i++) {
            String v = dialect.quote(values.get(i));
            sql.append(i == 0 ? "" : ", ").append(v).append(" = (").append(sameKey(t, "b." + v)).append(")");
        }
        return sql.append(" WHERE EXISTS (").append(sameKey(t, "1")).append(")").toString();
    }

    /** {@code SELECT what FROM copy b WHERE b.key = table.key}. */
    private String sameKey(BackupInfo.BackedUpTable t, String what) {
        StringBuilder sql = new StringBuilder("SELECT ").append(what).append(" FROM ").append(dialect.quote(t.copy())).append(" b WHERE ");
        for (int i = 0; i < t.orderBy().size(); i++) {
            String k = dialect.quote(t.orderBy().get(i));
            sql.append(i == 0 ? "" : " AND ").append("b.").append(k).append(" = ").append(dialect.quote(t.table())).append('.').append(k);
        }
        return sql.toString();
    }

    /** Drops a backup's copies and its record. */
    public void delete(String id) {
        BackupInfo info = get(id);
        try (Connection c = dataSource.getConnection()) {
            for (BackupInfo.BackedUpTable t : info.tables()) {
                exec(c, "DROP TABLE IF EXISTS " + dialect.quote(t.copy()));
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                p.setString(1, id);
                p.executeUpdate();
            }
        } catch (SQLException e) {
            throw new MigrationException("deleting backup " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Deletes all but the newest {@code keep} backups; returns how many were deleted. */
    public int prune(int keep) {
        List<BackupInfo> all = list();
        int deleted = 0;
        for (int i = keep; i < all.size(); i++) {
            delete(all.get(i).id());
            deleted++;
        }
        return deleted;
    }

    private static Set<String> withDependants(SchemaState schema, Set<String> tables) {
        Set<String> all = new LinkedHashSet<>(tables);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TableSchema t : schema.tables().values()) {
                for (ForeignKeySchema fk : t.foreignKeys()) {
                    if (all.contains(fk.referencedTable()) && !all.contains(t.name())) {
                        all.add(t.name());
                        grew = true;
                    }
                }
            }
        }
        return all;
    }

    private static List<BackupInfo.BackedUpTable> parentsFirst(SchemaState schema, List<BackupInfo.BackedUpTable> tables) {
        List<BackupInfo.BackedUpTable> ordered = new ArrayList<>();
        List<BackupInfo.BackedUpTable> remaining = new ArrayList<>(tables);
        while (!remaining.isEmpty()) {
            boolean progressed = false;
            for (var it = remaining.iterator(); it.hasNext(); ) {
                BackupInfo.BackedUpTable t = it.next();
                boolean parentsDone = schema.table(t.table()).map(ts -> ts.foreignKeys().stream().allMatch(fk ->
                        fk.referencedTable().equals(t.table()) || remaining.stream().noneMatch(r -> r.table().equals(fk.referencedTable()))))
                        .orElse(true);
                if (parentsDone) {
                    ordered.add(t);
                    it.remove();
                    progressed = true;
                }
            }
            if (!progressed) {
                ordered.addAll(remaining);
                break;
            }
        }
        return ordered;
    }

    private String columnList(List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (String col : columns) {
            sb.append(sb.length() == 0 ? "" : ", ").append(dialect.quote(col));
        }
        return sb.toString();
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String combined(List<BackupInfo.BackedUpTable> copies) {
        MessageDigest digest = ContentHasher.sha256();
        for (BackupInfo.BackedUpTable t : copies) {
            digest.update((t.table() + ":" + t.contentHash() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    // One line per table: table, copy, rows, hash, columns, order-by columns, kind (tab-separated, lists comma-separated).
    private static String encode(List<BackupInfo.BackedUpTable> copies) {
        StringBuilder sb = new StringBuilder();
        for (BackupInfo.BackedUpTable t : copies) {
            sb.append(t.table()).append('\t').append(t.copy()).append('\t').append(t.rows()).append('\t').append(t.contentHash())
                    .append('\t').append(String.join(",", t.columns())).append('\t').append(String.join(",", t.orderBy())).append('\t').append(t.kind()).append('\n');
        }
        return sb.toString();
    }

    private static List<BackupInfo.BackedUpTable> decode(String text) {
        List<BackupInfo.BackedUpTable> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            // A seventh field (the kind) came with column backups; older rows are whole-row copies.
            BackupInfo.Kind kind = f.length > 6 ? BackupInfo.Kind.valueOf(f[6]) : BackupInfo.Kind.ROWS;
            out.add(new BackupInfo.BackedUpTable(f[0], f[1], Long.parseLong(f[2]), f[3], split(f[4]), split(f[5]), kind));
        }
        return out;
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
