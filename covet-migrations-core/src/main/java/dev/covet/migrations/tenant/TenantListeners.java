package dev.covet.migrations.tenant;

import dev.covet.migrations.MigrationListener;
import dev.covet.migrations.dialect.Dialect;

import javax.sql.DataSource;
import java.util.List;

/**
 * The listeners told about one tenant's migrations. The application's own listeners are not used for tenants: an
 * audit log or a gauge is bound to the application's database, and tenants migrated at once would write into it
 * together about databases it does not describe. The starter audits each tenant in the tenant's own database.
 */
@FunctionalInterface
public interface TenantListeners {

    /**
     * The listeners of one tenant's run.
     *
     * @param tenant the tenant's name
     * @param dataSource where the tenant's migrations run (for a tenant on a shared server: scoped to its schema or
     *        database)
     * @param dialect the tenant's dialect
     */
    List<MigrationListener> forTenant(String tenant, DataSource dataSource, Dialect dialect);

    /** No listeners. */
    static TenantListeners none() {
        return (tenant, dataSource, dialect) -> List.of();
    }
}
