package dev.covet.migrations.tenant;

import java.time.Duration;
import java.util.List;

/**
 * What a fleet run did.
 *
 * @param tenants one result per tenant, in the order the source listed them
 * @param duration wall time of the whole run
 */
public record FleetResult(List<TenantResult> tenants, Duration duration) {

    public FleetResult {
        tenants = List.copyOf(tenants);
    }

    /** The tenants that failed. */
    public List<TenantResult.Failed> failed() {
        return tenants.stream().filter(TenantResult.Failed.class::isInstance).map(TenantResult.Failed.class::cast).toList();
    }

    /** Whether every tenant is now up to date. */
    public boolean succeeded() {
        return failed().isEmpty();
    }
}
