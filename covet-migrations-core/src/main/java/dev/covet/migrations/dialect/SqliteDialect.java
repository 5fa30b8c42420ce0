package dev.covet.migrations.dialect;

import dev.covet.migrations.introspect.SchemaReader;
import dev.covet.migrations.internal.introspect.SqliteSchemaReader;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.internal.lock.LeaseTable;
import dev.covet.migrations.internal.lock.SqliteLeaseLock;
import dev.covet.migrations.operation.AddColumn;
import dev.covet.migrations.operation.AddConstraint;
import dev.covet.migrations.operation.AddForeignKey;
import dev.covet.migrations.operation.DropColumn;
import dev.covet.migrations.operation.DropConstraint;
import dev.covet.migrations.operation.DropForeignKey;
import dev.covet.migrations.operation.RenameColumn;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;
import dev.covet.migrations.sqlite.SqliteVersion;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * SQLite: double-quoted identifiers, portable type names (so the declared type reads back as the same
 * {@link ColumnType}), and native ALTER TABLE only where the SQLite version has it: RENAME TABLE, RENAME
 * COLUMN (3.25+), ADD COLUMN of a column SQLite can add, DROP COLUMN (3.35+) of a column nothing else uses.
 * Every other table change is a {@link TableRebuild}; {@link SqliteAlterations} makes those decisions. With
 * {@code forceTableRebuild}, every column, foreign-key and constraint operation is a rebuild (table and index
 * operations stay native: they never needed ALTER TABLE).
 *
 * <p>An auto-increment column that is the whole primary key is written {@code INTEGER PRIMARY KEY
 * AUTOINCREMENT}, the only form SQLite generates values for; auto increment on any other column is ignored.
 */
public final class SqliteDialect extends SqlWriter implements Dialect {

    private final SqliteAlterations workaround;
    private final boolean versionKnown;

    /** Native ALTER TABLE where a current SQLite supports it (the engine refines this with the database's version). */
    public SqliteDialect() {
        this(false);
    }

    /**
     * @param forceTableRebuild whether every ALTER-kind operation is a table rebuild
     *        ({@code covet.migrations.sqlite.force-table-rebuild})
     */
    public SqliteDialect(boolean forceTableRebuild) {
        this(SqliteVersion.ASSUMED, forceTableRebuild, false);
    }

    /**
     * @param version the SQLite version the SQL is for: older versions get rebuilds for what they cannot ALTER
     * @param forceTableRebuild whether every ALTER-kind operation is a table rebuild
     */
    public SqliteDialect(SqliteVersion version, boolean forceTableRebuild) {
        this(version, forceTableRebuild, true);
    }

    private SqliteDialect(SqliteVersion version, boolean forceTableRebuild, boolean versionKnown) {
        this.workaround = new SqliteAlterations(this, version, forceTableRebuild);
        this.versionKnown = versionKnown;
    }

    /** The same dialect for the version of the database at hand, unless a version was given explicitly. */
    public SqliteDialect forDatabaseVersion(SqliteVersion detected) {
        return versionKnown ? this : new SqliteDialect(detected, workaround.forcesTableRebuild(), true);
    }

    /** Native ALTER TABLE forms depend on the library version. */
    @Override
    public boolean refinedByConnection() {
        return true;
    }

    @Override
    public SqliteDialect forConnection(Connection c) throws SQLException {
        return forDatabaseVersion(SqliteVersion.detect(c));
    }

    /** What decides between native ALTER TABLE and a rebuild. */
    public SqliteAlterations workaround() {
        return workaround;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String quote(String identifier) {
        return "\"" + Identifiers.requireValid(identifier) + "\"";
    }

    @Override
    protected String portableTypeSql(ColumnType type) {
        return type.sql();
    }

    /**
     * An auto-increment key is written {@code INTEGER PRIMARY KEY AUTOINCREMENT} whatever integer type the
     * migration gave it (SQLite accepts no other form), so an {@code INTEGER} and a {@code BIGINT} one are the same
     * column here and the database cannot tell which was declared; on the other databases they differ.
     */
    @Override
    public boolean sameColumnType(ColumnSchema a, ColumnSchema b) {
        return Dialect.super.sameColumnType(a, b) || a.autoIncrement() && b.autoIncrement()
                && a.type().kind().isInteger() && b.type().kind().isInteger();
    }

    @Override
    protected String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean rebuildsTables() {
        return true;
    }

    @Override
    public Transactions transactions() {
        return new Transactions.BeginImmediate();
    }

    @Override
    public LockWaits lockWaits() {
        return new SqliteLockWaits();
    }

    @Override
    public boolean batchesStatements() {
        return false;
    }

    /** SQLite has no session locks: a lease row, renewed by a heartbeat ({@link SqliteLeaseLock}). */
    @Override
    public MigrationLock lock(DataSource dataSource, String tablePrefix) {
        return lock(dataSource, tablePrefix, SqliteLeaseLock.DEFAULT_LEASE);
    }

    /** The lease lock with a lease of its own length (see {@link SqliteLeaseLock}). */
    public SqliteLeaseLock lock(DataSource dataSource, String tablePrefix, Duration lease) {
        TableSchema table = LeaseTable.schema(tablePrefix);
        return new SqliteLeaseLock(dataSource, quote(table.name()), createIfNotExists(table), lease);
    }

    @Override
    public SchemaReader schemaReader() {
        return new SqliteSchemaReader();
    }

    @Override
    public void foreignKeyChecks(Connection c, boolean on) throws SQLException {
        // outside a transaction: SQLite ignores the switch inside one
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
        }
    }

    @Override
    public String characterLength() {
        return "length";
    }

    @Override
    public String hibernateDialect() {
        return "org.hibernate.community.dialect.SQLiteDialect";
    }

    /**
     * Offline, Hibernate's SQLite dialect assumes version 2 and then writes CHAR and NCHAR without a length; every
     * SQLite a JDBC driver opens is 3, which is what the application's Hibernate sees.
     */
    @Override
    public Map<String, Object> hibernateOfflineSettings() {
        return Map.of("jakarta.persistence.database-product-name", "SQLite",
                "jakarta.persistence.database-major-version", "3");
    }

    @Override
    protected boolean primaryKeyInline(TableSchema table) {
        return inlineKey(table) != null;
    }

    /** The column written as {@code INTEGER PRIMARY KEY AUTOINCREMENT}, or null. */
    private static ColumnSchema inlineKey(TableSchema table) {
        if (table.primaryKey().size() != 1) {
            return null;
        }
        return table.column(table.primaryKey().get(0)).filter(ColumnSchema::autoIncrement).orElse(null);
    }

    @Override
    public String columnDefinition(TableSchema table, ColumnSchema column) {
        if (column.equals(inlineKey(table))) {
            // SQLite only generates keys for a column declared exactly INTEGER PRIMARY KEY.
            return quote(column.name()) + " INTEGER PRIMARY KEY AUTOINCREMENT";
        }
        return super.columnDefinition(table, column);
    }

    @Override
    protected List<String> addColumn(AddColumn op, TableSchema before, TableSchema after) {
        return workaround.addColumn(before, after, op.column().name());
    }

    @Override
    protected List<String> dropColumn(DropColumn op, TableSchema before, TableSchema after, SchemaState schema) {
        return workaround.dropColumn(before, after, op.column(), schema);
    }

    @Override
    protected List<String> alterColumn(ColumnSchema old, ColumnSchema column, TableSchema before, TableSchema after) {
        return workaround.alterColumn(before, after);
    }

    @Override
    protected List<String> renameColumn(RenameColumn op, TableSchema before, TableSchema after) {
        return workaround.renameColumn(before, after, op.column(), op.newName());
    }

    @Override
    protected List<String> addForeignKey(AddForeignKey op, TableSchema before, TableSchema after) {
        return workaround.addConstraint(before, after);
    }

    @Override
    protected List<String> dropForeignKey(DropForeignKey op, TableSchema before, TableSchema after) {
        return workaround.dropConstraint(before, after);
    }

    @Override
    protected List<String> addConstraint(AddConstraint op, TableSchema before, TableSchema after) {
        return workaround.addConstraint(before, after);
    }

    @Override
    protected List<String> dropConstraint(DropConstraint op, TableSchema before, TableSchema after) {
        return workaround.dropConstraint(before, after);
    }

    /** Index names are unique in the whole schema, not per table. */
    @Override
    protected boolean indexNamesClash(String a, String b) {
        return a.equalsIgnoreCase(b);
    }
}
