package dev.covet.migrations.tenant;

import javax.sql.DataSource;
import java.util.Objects;

/**
 * One target of a fleet.
 *
 * @param name the tenant's name, as reports show it (for a schema or database on a shared server, its name there)
 * @param connection how to reach it
 */
public record Tenant(String name, TenantConnection connection) {

    public Tenant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
    }

    /** The schema (PostgreSQL) or database (MySQL) {@code name} on the shared data source. */
    public static Tenant onSharedServer(DataSource shared, String name) {
        return new Tenant(name, new TenantConnection.SharedServer(shared, name));
    }

    /** A database of its own by JDBC URL. */
    public static Tenant ofUrl(String name, String url, String user, String password) {
        return new Tenant(name, new TenantConnection.JdbcUrl(url, user, password));
    }

    /** A database of its own behind the application's data source. */
    public static Tenant ofDataSource(String name, DataSource dataSource) {
        return new Tenant(name, new TenantConnection.OwnDataSource(dataSource));
    }
}
