package dev.covet.migrations.tenant;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

/**
 * Lists the tenants a fleet migrates. Asked once per fleet run, so tenants added since the last run are found.
 * Applications with their own registry of tenants implement it (a Spring bean of this type replaces the one the
 * starter builds from {@code covet.migrations.tenants.*}); the built-in sources are below.
 */
@FunctionalInterface
public interface TenantSource {

    /**
     * The tenants, in the order reports list them.
     *
     * @throws SQLException when listing them needs the database and that fails
     */
    List<Tenant> tenants() throws SQLException;

    /**
     * Every PostgreSQL schema on {@code shared} whose name matches {@code pattern} ({@code *} any run of characters,
     * {@code ?} one character; {@code pg_*} and {@code information_schema} never match).
     */
    static TenantSource postgresSchemas(DataSource shared, String pattern) {
        return new CatalogTenantSource(shared, NamePattern.of(pattern), CatalogTenantSource.POSTGRES_SCHEMAS);
    }

    /**
     * Every MySQL or MariaDB database on {@code shared} whose name matches {@code pattern} (as for
     * {@link #postgresSchemas}; the server's own databases never match).
     */
    static TenantSource mysqlDatabases(DataSource shared, String pattern) {
        return new CatalogTenantSource(shared, NamePattern.of(pattern), CatalogTenantSource.MYSQL_DATABASES);
    }

    /**
     * One tenant per JDBC URL, named after the URL's database (or SQLite file, without its extension).
     *
     * @throws IllegalArgumentException when two URLs give the same name
     */
    static TenantSource urls(List<String> urls, String user, String password) {
        List<Tenant> tenants = UrlTenants.of(urls, user, password);
        return () -> tenants;
    }

    /** A fixed list. */
    static TenantSource of(List<Tenant> tenants) {
        List<Tenant> copy = List.copyOf(tenants);
        return () -> copy;
    }
}
