package dev.covet.migrations.autoconfigure.tenant;

import dev.covet.migrations.tenant.FleetResult;
import dev.covet.migrations.tenant.TenantFleet;
import dev.covet.migrations.tenant.TenantResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates every tenant when the application starts ({@code covet.migrations.tenants.migrate-on-startup=true}),
 * after the application's own database. A failed tenant is logged with its migration and error and does not stop the
 * start: the other tenants, and the application serving them, are not held hostage by one; {@code covet status
 * --tenants} and {@code GET /actuator/migrations/tenants} show it until it is fixed.
 */
public class CovetTenantsInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(CovetTenantsInitializer.class);

    private final TenantFleet fleet;
    private final String skipReason;

    /**
     * @param fleet the tenants
     * @param skipReason why nothing is migrated at this start ({@code null}: migrate)
     */
    public CovetTenantsInitializer(TenantFleet fleet, String skipReason) {
        this.fleet = fleet;
        this.skipReason = skipReason;
    }

    @Override
    public void afterPropertiesSet() {
        if (skipReason != null) {
            log.info("Covet Migrations: tenants not migrated at startup ({})", skipReason);
            return;
        }
        FleetResult result = fleet.migrate();
        long migrated = result.tenants().stream().filter(TenantResult.Applied.class::isInstance).count();
        log.info("Covet Migrations: {} tenant(s), {} migrated, {} failed, in {} ms", result.tenants().size(), migrated,
                result.failed().size(), result.duration().toMillis());
        for (TenantResult.Failed f : result.failed()) {
            log.error("Covet Migrations: tenant {} stopped{}: {} (fix it and run covet migrate --tenants)", f.tenant(),
                    f.migration() == null ? "" : " at " + f.migration(), f.error());
        }
    }
}
