package dev.covet.migrations.autoconfigure.tenant;

import dev.covet.migrations.autoconfigure.CovetMigrationsProperties;
import dev.covet.migrations.tenant.TenantSource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TenantSource} that {@code covet.migrations.tenants.*} describes: exactly one of pattern or URLs. Public
 * for a launcher outside an application context ({@code StandaloneCovetMigrations}, the Maven plugin).
 */
public final class PropertiesTenantSource {

    private static final String PREFIX = "covet.migrations.tenants.";

    private PropertiesTenantSource() {
    }

    /**
     * The source.
     *
     * @param tenants the bound {@code covet.migrations.tenants.*}
     * @param shared the migration DataSource: its server holds the schemas or databases the patterns match
     * @throws IllegalStateException when none or more than one of the forms is set
     */
    public static TenantSource of(CovetMigrationsProperties.Tenants tenants, DataSource shared) {
        List<String> given = new ArrayList<>();
        if (tenants.getSchemaPattern() != null) {
            given.add(PREFIX + "schema-pattern");
        }
        if (tenants.getDatabasePattern() != null) {
            given.add(PREFIX + "database-pattern");
        }
        if (!tenants.getUrls().isEmpty()) {
            given.add(PREFIX + "urls");
        }
        if (given.size() != 1) {
            throw new IllegalStateException(PREFIX + "enabled=true needs exactly one of " + PREFIX + "schema-pattern"
                    + " (PostgreSQL schemas), " + PREFIX + "database-pattern (MySQL databases) or " + PREFIX + "urls"
                    + (given.isEmpty() ? "; none is set" : "; set are " + String.join(" and ", given))
                    + ". To list the tenants in code, define a TenantSource bean instead.");
        }
        if (tenants.getSchemaPattern() != null) {
            return TenantSource.postgresSchemas(shared, tenants.getSchemaPattern());
        }
        if (tenants.getDatabasePattern() != null) {
            return TenantSource.mysqlDatabases(shared, tenants.getDatabasePattern());
        }
        return TenantSource.urls(tenants.getUrls(), tenants.getUser(), tenants.getPassword());
    }
}
