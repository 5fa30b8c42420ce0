package dev.covet.migrations.dialect;

import dev.covet.migrations.operation.Operation;
import dev.covet.migrations.schema.ColumnType;
import dev.covet.migrations.schema.SchemaState;

import java.util.List;
import java.util.Locale;

/**
 * What differs between databases: identifier quoting, type mapping, SQL for each operation, and
 * capabilities. Implementations: {@link PostgresDialect}, {@link MySqlDialect}, {@link SqliteDialect}.
 */
public sealed interface Dialect permits PostgresDialect, MySqlDialect, SqliteDialect {

    /** {@code postgresql}, {@code mysql} or {@code sqlite}: the key of per-dialect SQL in files. */
    String name();

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
     * The SQL statements for one operation, given the schema before it.
     *
     * @throws UnsupportedOperationException for {@code RUN_JAVA}, which the executor runs itself
     */
    List<String> render(Operation operation, SchemaState before);

    /** Whether DDL takes part in transactions (PostgreSQL, SQLite) or commits implicitly (MySQL). */
    boolean transactionalDdl();

    /** A SQL literal for a default value (String, Number or Boolean). */
    String literal(Object value);

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
