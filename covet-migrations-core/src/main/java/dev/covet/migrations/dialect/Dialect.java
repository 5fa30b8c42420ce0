package dev.covet.migrations.dialect;

import dev.covet.migrations.introspect.SchemaReader;
import dev.covet.migrations.lock.MigrationLock;
import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.ColumnSchema;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;
import dev.covet.migrations.schema.TableSchema;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that differs between databases: identifier quoting, type mapping, SQL for each operation, how Covet's
 * own tables are created, how transactions are opened, how lock waits are bounded and reported, the migration lock
 * and the schema reader of the database. Code outside this package asks the dialect, never which database it is.
 * Implementations: {@link PostgresDialect}, {@link MySqlDialect}, {@link SqliteDialect}.
 */
public sealed interface Dialect permits PostgresDialect, MySqlDialect, SqliteDialect {

    /** {@code postgresql}, {@code mysql} or {@code sqlite}: the key of per-dialect SQL in files. */
    String name();

    /**
     * The dialect name lint rules are chosen by: {@link #name()}, or a variant of it where the same SQL behaves
     * differently ({@code mysql-galera}: DDL pauses a whole Galera cluster).
     */
    default String lintProfile() {
        return name();
    }

    /**
     * The identifier validated and quoted.
     *
     * @throws IllegalArgumentException naming the identifier when it is empty, too long or has characters
     *         outside letters, digits and '_' (quotes, semicolons and spaces are refused, not escaped)
     */
    String quote(String identifier);

    /** The dialect's SQL for a type. */
    String typeSql(ColumnType type);

    /**
     * The fractional-second precision this database gives a TIME or TIMESTAMP column declared without one
     * (PostgreSQL 6, MySQL 0), or {@code null} where precision is not part of the type (SQLite).
     */
    default Integer defaultTimePrecision() {
        return null;
    }

    /**
     * Whether two types make the same column on this database although written differently: {@code TIMESTAMP}
     * and {@code TIMESTAMP(6)} on PostgreSQL, {@code TIMESTAMP} and {@code TIMESTAMP(0)} on MySQL.
     */
    default boolean sameType(ColumnType a, ColumnType b) {
        if (a.equals(b)) {
            return true;
        }
        boolean temporal = a.kind() == ColumnType.Kind.TIME || a.kind() == ColumnType.Kind.TIMESTAMP
                || a.kind() == ColumnType.Kind.TIMESTAMPTZ;
        Integer precision = defaultTimePrecision();
        return temporal && precision != null && a.kind() == b.kind()
                && (a.precision() == null ? precision : a.precision()).equals(b.precision() == null ? precision : b.precision());
    }

    /**
     * Whether two definitions of one column give it the same type on this database: {@link #sameType} of their
     * types, plus what only the column tells (on SQLite, an auto-increment key is {@code INTEGER PRIMARY KEY}
     * whichever integer type it was declared with).
     */
    default boolean sameColumnType(ColumnSchema a, ColumnSchema b) {
        return sameType(a.type(), b.type());
    }

    /**
     * A foreign-key action as this database keeps it: the action itself, or {@code null} where the database cannot
     * tell it from having none (MySQL's RESTRICT, which is also its default).
     */
    default String storedForeignKeyAction(String action) {
        return action;
    }

    /**
     * The SQL statements for one operation, given the schema before it.
     *
     * @throws UnsupportedOperationException for {@code RUN_JAVA}, which the executor runs itself
     */
    List<String> render(Operation operation, SchemaState before);

    /** Whether DDL takes part in transactions (PostgreSQL, SQLite) or commits implicitly (MySQL). */
    boolean transactionalDdl();

    /**
     * Whether table changes the database cannot ALTER are rendered as table rebuilds (SQLite), which then run with
     * foreign keys off and under a {@code sqlite.RebuildGuard}.
     */
    default boolean rebuildsTables() {
        return false;
    }

    /** A SQL literal for a default value (String, Number or Boolean). */
    String literal(Object value);

    /**
     * {@code CREATE TABLE IF NOT EXISTS} for one of Covet's own tables (history, audit, backups, batch progress,
     * locks), written as this dialect writes a migration's table, plus the storage options Covet's tables need
     * (MySQL: InnoDB, so they take part in transactions, and utf8mb4).
     */
    String createIfNotExists(TableSchema table);

    /**
     * Whether what this dialect renders depends on the database it meets (SQLite's version, MySQL's
     * {@code sql_mode}), so that {@link #forConnection} is worth a connection.
     */
    default boolean refinedByConnection() {
        return false;
    }

    /** This dialect for the database behind {@code c} (its version, its session settings); by default itself. */
    default Dialect forConnection(Connection c) throws SQLException {
        return this;
    }

    /** How Covet opens, commits and rolls back the transactions it owns. */
    Transactions transactions();

    /** How statements wait for other connections' locks, and what to say when they waited in vain. */
    LockWaits lockWaits();

    /**
     * Whether consecutive plain statements of a migration are sent as one JDBC batch (PostgreSQL: one round trip);
     * elsewhere they run one at a time.
     */
    boolean batchesStatements();

    /**
     * Why the database behind {@code c} accepts no writes (a standby in recovery, a read-only server or session), or
     * empty when it does. Writing commands ask this before taking the lock, so pointing Covet at a replica fails at
     * once with this reason instead of failing inside a migration, or waiting for a lock it can never use.
     */
    default Optional<String> readOnly(Connection c) throws SQLException {
        return Optional.empty();
    }

    /**
     * A new probe of the replicas' lag, for one batch job on a connection to the primary; by default one that sees
     * no replicas.
     */
    default ReplicaLag replicaLag() {
        return ReplicaLag.NONE;
    }

    /**
     * Whether the primary sees how far behind its replicas are ({@link #replicaLag()}), so that a batch job needs no
     * list of them: PostgreSQL's {@code pg_stat_replication} does; a MySQL primary does not.
     */
    default boolean primarySeesReplicas() {
        return false;
    }

    /**
     * How far behind its primary the server behind {@code replica} is, as the replica itself reports it: how a batch
     * job watches the replicas it was told of where the primary cannot see them. Bounded by a short query timeout.
     *
     * @throws SQLException when the replica cannot say (no privilege to read its replication status), or the database
     *         has no such report ({@link java.sql.SQLFeatureNotSupportedException})
     */
    default ReplicaStatus replicaStatus(Connection replica) throws SQLException {
        throw new SQLFeatureNotSupportedException(name() + " replicas do not report their own lag");
    }

    /** The database-wide migration lock for the database {@code dataSource} connects to. */
    MigrationLock lock(DataSource dataSource, String tablePrefix);

    /**
     * The migration lock of one tenant of a fleet on a shared server, whose history is its own ({@code scope} names the
     * tenant and the table prefix): by default the same as {@link #lock}, which keys by the connection's database.
     */
    default MigrationLock tenantLock(DataSource dataSource, String scope) {
        return lock(dataSource, scope);
    }

    /** The reader of this database's live schema. */
    SchemaReader schemaReader();

    /**
     * Switches the connection's foreign-key checks off ({@code false}) or on, for a copy that deletes and inserts
     * parents and children in any order (SQLite's {@code foreign_keys} pragma, MySQL's {@code FOREIGN_KEY_CHECKS});
     * PostgreSQL has no such switch, and nothing happens there.
     */
    void foreignKeyChecks(Connection c, boolean on) throws SQLException;

    /**
     * Makes the generated keys of a table continue after its highest key, once rows were inserted with their own key
     * values: PostgreSQL's identity sequences do not follow inserted values (MySQL's and SQLite's counters do).
     */
    default void resetIdentity(Connection c, TableSchema table) throws SQLException {
        // MySQL's AUTO_INCREMENT and SQLite's AUTOINCREMENT move past inserted keys by themselves
    }

    /** The SQL function for the length of a string in characters. */
    String characterLength();

    /** The class name of Hibernate's dialect for this database. */
    String hibernateDialect();

    /**
     * Settings Hibernate needs to build its model offline (without a connection) as it would for this database; by
     * default none.
     */
    default Map<String, Object> hibernateOfflineSettings() {
        return Map.of();
    }

    /** The dialect for a name ({@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite}). */
    static Dialect forName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres" -> new PostgresDialect();
            case "mysql", "mariadb" -> new MySqlDialect();
            case "sqlite" -> new SqliteDialect();
            default -> throw new IllegalArgumentException("unknown dialect '" + name + "' (postgresql, mysql, sqlite)");
        };
    }

    /** The dialect of a JDBC URL ({@code jdbc:postgresql:...}, {@code jdbc:mysql:...}, {@code jdbc:mariadb:...}, {@code jdbc:sqlite:...}). */
    static Dialect forJdbcUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            return new MySqlDialect();
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect();
        }
        throw new IllegalArgumentException("no dialect for JDBC URL " + url + " (PostgreSQL, MySQL/MariaDB and SQLite are supported)");
    }
}
