package dev.covet.migrations.dialect;

import dev.covet.migrations.internal.introspect.MySqlSchemaReader;
import dev.covet.migrations.introspect.SchemaReader;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.internal.lock.GaleraLeaseLock;
import dev.covet.migrations.internal.lock.LeaseTable;
import dev.covet.migrations.internal.lock.MySqlNamedLock;
import dev.covet.migrations.internal.lock.MySqlServerLock;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.DropIndex;
import dev.covet.migrations.operation.RenameTable;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.ConstraintSchema;
import dev.covet.migrations.schema.ForeignKeySchema;
import dev.covet.migrations.schema.IndexSchema;
import dev.covet.migrations.schema.Names;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * MySQL 8 and MariaDB 10.5+: backtick-quoted identifiers, {@code AUTO_INCREMENT}, {@code MODIFY COLUMN} for
 * column changes, and DDL that commits implicitly. MySQL has no partial indexes: an index with a
 * {@code where} predicate is refused with an {@link IllegalArgumentException} rather than silently
 * created over all rows (a unique one would then reject rows the migration meant to allow).
 */
public final class MySqlDialect extends SqlWriter implements Dialect {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlDialect.class);

    private final boolean backslashEscapes;
    /** Whether the server is a Galera node, as {@link #forSession} found; {@code null} until a session was read. */
    private final Boolean galera;

    /** MySQL as configured by default: a backslash in a string literal escapes the next character. */
    public MySqlDialect() {
        this(true, null);
    }

    private MySqlDialect(boolean backslashEscapes, Boolean galera) {
        this.backslashEscapes = backslashEscapes;
        this.galera = galera;
    }

    /**
     * This dialect for the session of {@code c}: with {@code NO_BACKSLASH_ESCAPES} in its {@code sql_mode} a
     * backslash is an ordinary character, and doubling it would store two.
     */
    public MySqlDialect forSession(Connection c) throws SQLException {
        // one round trip for both: this runs on every migrate's first connection
        String mode = null;
        boolean cluster = false;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW VARIABLES WHERE Variable_name IN ('sql_mode', 'wsrep_on')")) {
            while (rs.next()) {
                if ("sql_mode".equalsIgnoreCase(rs.getString(1))) {
                    mode = rs.getString(2);
                } else {
                    cluster = "ON".equalsIgnoreCase(rs.getString(2));
                }
            }
        }
        boolean escapes = mode == null || !mode.toUpperCase(Locale.ROOT).contains("NO_BACKSLASH_ESCAPES");
        if (cluster) {
            LoadBalancedGaleraUrl.advice(c.getMetaData().getURL()).ifPresent(LOG::warn);
        }
        return escapes == backslashEscapes && Boolean.valueOf(cluster).equals(galera) ? this : new MySqlDialect(escapes, cluster);
    }

    /** The session's {@code sql_mode} decides how string literals are escaped. */
    @Override
    public boolean refinedByConnection() {
        return true;
    }

    @Override
    public MySqlDialect forConnection(Connection c) throws SQLException {
        return forSession(c);
    }

    /** This dialect for a session where a backslash in a string literal does ({@code true}) or does not escape. */
    public MySqlDialect withBackslashEscapes(boolean on) {
        return on == backslashEscapes ? this : new MySqlDialect(on, galera);
    }

    /** Whether the session is on a MariaDB Galera cluster node ({@code wsrep_on}), as {@link #forSession} found. */
    public boolean galera() {
        return Boolean.TRUE.equals(galera);
    }

    /** {@code mysql-galera} on a Galera node, whose DDL pauses the whole cluster; else {@code mysql}. */
    @Override
    public String lintProfile() {
        return galera() ? "mysql-galera" : "mysql";
    }

    /** Whether string literals are written for a session where a backslash escapes ({@code sql_mode} without NO_BACKSLASH_ESCAPES). */
    public boolean backslashEscapes() {
        return backslashEscapes;
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public Integer defaultTimePrecision() {
        return 0;
    }

    @Override
    public String quote(String identifier) {
        return "`" + Identifiers.requireValid(identifier) + "`";
    }

    /** InnoDB checks RESTRICT and NO ACTION alike, at once, and the catalog shows RESTRICT for a key without a clause. */
    @Override
    public String storedForeignKeyAction(String action) {
        return "RESTRICT".equals(action) ? null : action;
    }

    @Override
    protected String portableTypeSql(ColumnType type) {
        Integer p = type.precision();
        switch (type.kind()) {
            case INTEGER:
                return "INT";
            case REAL:
                return "FLOAT";
            case BOOLEAN:
                return "TINYINT(1)";
            case TEXT:
                // LONGTEXT: TEXT stops at 64 KB, which a portable TEXT column should not
                return "LONGTEXT";
            case TIMESTAMP:
                // DATETIME holds the wall-clock value unconverted, as TIMESTAMP WITHOUT TIME ZONE does
                return p == null ? "DATETIME" : "DATETIME(" + p + ")";
            case TIMESTAMPTZ:
                // TIMESTAMP is stored in UTC and converted with the session time zone
                return p == null ? "TIMESTAMP" : "TIMESTAMP(" + p + ")";
            case BLOB:
                return type.length() == null ? "LONGBLOB" : "VARBINARY(" + type.length() + ")";
            case UUID:
                return "CHAR(36)";
            case OID:
                // No large objects in MySQL: the bytes themselves
                return "LONGBLOB";
            default:
                // SMALLINT, BIGINT, DECIMAL(p,s), DOUBLE, CHAR(n), VARCHAR(n), BINARY(n), DATE, TIME[(p)], JSON
                return type.sql();
        }
    }

    @Override
    protected String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    /**
     * MySQL also treats backslash as an escape in string literals unless the session's sql_mode has
     * NO_BACKSLASH_ESCAPES, so it is doubled then; otherwise a value ending in a backslash would swallow the closing
     * quote and the rest of the value would become SQL. Quotes are doubled, which means one quote in either mode.
     */
    @Override
    protected String escapeString(String s) {
        String quotes = s.replace("'", "''");
        return backslashEscapes ? quotes.replace("\\", "\\\\") : quotes;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** Covet's tables take part in transactions (an audit row and its head commit together) and hold any text. */
    @Override
    protected String ownTableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    @Override
    public Transactions transactions() {
        return new Transactions.AutoCommitOff();
    }

    @Override
    public LockWaits lockWaits() {
        return new MySqlLockWaits(galera());
    }

    @Override
    public boolean batchesStatements() {
        return false;
    }

    @Override
    public Optional<String> readOnly(Connection c) throws SQLException {
        return MySqlReadOnly.check(c);
    }

    @Override
    public ReplicaStatus replicaStatus(Connection replica) throws SQLException {
        return MySqlReplicaStatus.read(replica);
    }

    @Override
    public MigrationLock lock(DataSource dataSource, String tablePrefix) {
        TableSchema leaseTable = LeaseTable.schema(tablePrefix);
        Supplier<MigrationLock> named = () -> new MySqlNamedLock(dataSource, tablePrefix);
        Supplier<MigrationLock> cluster = () -> new GaleraLeaseLock(dataSource, quote(leaseTable.name()), createIfNotExists(leaseTable));
        // A dialect that read its session knows the server; one that did not asks it when the lock is first used.
        return galera == null ? new MySqlServerLock(dataSource, named, cluster) : galera ? cluster.get() : named.get();
    }

    @Override
    public SchemaReader schemaReader() {
        return new MySqlSchemaReader();
    }

    @Override
    public void foreignKeyChecks(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = " + (on ? 1 : 0));
        }
    }

    @Override
    public String characterLength() {
        return "CHAR_LENGTH";
    }

    @Override
    public String hibernateDialect() {
        return "org.hibernate.dialect.MySQLDialect";
    }

    @Override
    public String columnDefinition(TableSchema table, ColumnSchema column) {
        StringBuilder sql = new StringBuilder(super.columnDefinition(table, column));
        if (column.nullable() && column.type().kind() == ColumnType.Kind.TIMESTAMPTZ) {
            // Without explicit_defaults_for_timestamp a bare TIMESTAMP column becomes NOT NULL with an
            // automatic default; saying NULL keeps the declared meaning on every server setting.
            sql.append(" NULL");
        }
        if (column.autoIncrement()) {
            sql.append(" AUTO_INCREMENT");
        }
        return sql.toString();
    }

    /**
     * MySQL declares indexes inside CREATE TABLE: one statement instead of one per index, and every MySQL DDL
     * statement is a commit of its own (and, in Covet, a progress write); a table created with a foreign key then
     * also gets the declared index for the key rather than an automatic one that a later CREATE INDEX replaces.
     */
    @Override
    protected boolean indexesInCreateTable() {
        return true;
    }

    @Override
    protected String whereClause(String table, IndexSchema index) {
        if (index.where() != null) {
            throw new IllegalArgumentException("index '" + index.name() + "' on '" + table + "' has a WHERE predicate, but MySQL"
                    + " has no partial indexes: give the index per-dialect SQL with RUN_SQL");
        }
        return "";
    }

    @Override
    protected List<String> renameTable(RenameTable op, TableSchema table) {
        List<String> sql = new ArrayList<>(super.renameTable(op, table));
        sql.set(0, "RENAME TABLE " + quote(op.table()) + " TO " + quote(op.newName()));
        return sql;
    }

    @Override
    protected List<String> renameUniqueColumnConstraint(String table, String oldName, String newName) {
        // A UNIQUE constraint is an index in MySQL (RENAME INDEX: MySQL 5.7+, MariaDB 10.5.2+).
        return List.of(alterTable(table) + "RENAME INDEX " + quote(oldName) + " TO " + quote(newName));
    }

    @Override
    protected List<String> dropIndex(DropIndex op) {
        return List.of("DROP INDEX " + quote(op.index()) + " ON " + quote(op.table()));
    }

    @Override
    protected List<String> addColumn(AddColumn op, TableSchema before, TableSchema after) {
        ColumnSchema column = after.column(op.column().name()).orElseThrow();
        StringBuilder sql = new StringBuilder(alterTable(op.table())).append("ADD COLUMN ").append(columnDefinition(after, column));
        if (column.primaryKey()) {
            // Same statement: an AUTO_INCREMENT column must be a key the moment it exists.
            if (!before.primaryKey().isEmpty()) {
                sql.append(", DROP PRIMARY KEY");
            }
            sql.append(", ADD PRIMARY KEY ").append(columnList(after.primaryKey()));
        }
        if (column.unique() && !column.primaryKey()) {
            sql.append(", ADD ").append(uniqueColumnConstraint(op.table(), column.name()));
        }
        return List.of(sql.toString());
    }

    @Override
    protected List<String> dropColumn(DropColumn op, TableSchema before, TableSchema after, SchemaState schema) {
        // MySQL refuses to drop a column a foreign key uses, and narrows (rather than drops) a multi-column
        // index; drop what the model drops explicitly so the database ends up as projected.
        String alter = alterTable(op.table());
        List<String> sql = new ArrayList<>();
        for (ForeignKeySchema fk : before.foreignKeys()) {
            if (fk.columns().contains(op.column())) {
                sql.add(alter + "DROP FOREIGN KEY " + quote(fk.name()));
            }
        }
        for (IndexSchema index : before.indexes()) {
            if (index.columns().contains(op.column())) {
                sql.add("DROP INDEX " + quote(index.name()) + " ON " + quote(op.table()));
            }
        }
        for (ConstraintSchema c : before.constraints()) {
            if (c.kind() == ConstraintSchema.Kind.UNIQUE && c.columns().contains(op.column())) {
                sql.add(alter + "DROP INDEX " + quote(c.name()));
            }
        }
        sql.add(alter + "DROP COLUMN " + quote(op.column()));
        return sql;
    }

    @Override
    protected List<String> alterColumn(ColumnSchema old, ColumnSchema column, TableSchema before, TableSchema after) {
        String table = after.name();
        List<String> sql = new ArrayList<>();
        if (!old.withUnique(column.unique()).equals(column)) {
            sql.add(alterTable(table) + "MODIFY COLUMN " + columnDefinition(after, column));
        }
        if (old.unique() != column.unique() && !column.primaryKey()) {
            sql.add(column.unique() ? addUniqueColumn(table, column.name())
                    : alterTable(table) + "DROP INDEX " + quote(Names.uniqueConstraintName(table, column.name())));
        }
        return sql;
    }

    @Override
    protected List<String> dropForeignKey(DropForeignKey op, TableSchema before, TableSchema after) {
        return List.of(alterTable(op.table()) + "DROP FOREIGN KEY " + quote(op.foreignKey()));
    }

    @Override
    protected List<String> dropConstraint(DropConstraint op, TableSchema before, TableSchema after) {
        ConstraintSchema c = before.constraint(op.constraint()).orElseThrow();
        // A UNIQUE constraint is an index in MySQL; DROP CONSTRAINT for CHECK needs MariaDB or MySQL 8.0.19+.
        return List.of(alterTable(op.table()) + (c.kind() == ConstraintSchema.Kind.UNIQUE ? "DROP INDEX " : "DROP CONSTRAINT ")
                + quote(op.constraint()));
    }
}
