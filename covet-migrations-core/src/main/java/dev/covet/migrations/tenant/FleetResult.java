package dev.covet.migrations.tenant;

import java.time.Duration;
import java.util.List;

/**
 * What a fleet run did, or in a dry run would do.
 *
 * @param tenants one result per tenant, in the order the source listed them
 * @param duration wall time of the whole run
 * @param dryRun whether nothing was changed (then each tenant's result is {@link TenantResult.Planned},
 *        {@link TenantResult.PastTarget} or {@link TenantResult.Failed})
 */
public record FleetResult(List<TenantResult> tenants, Duration duration, boolean dryRun) {

    public FleetResult {
        tenants = List.copyOf(tenants);
    }

    /** A run that changed what it had to (not a dry run). */
    public FleetResult(List<TenantResult> tenants, Duration duration) {
        this(tenants, duration, false);
    }

    /** The tenants that failed. */
    public List<TenantResult.Failed> failed() {
        return tenants.stream().filter(TenantResult.Failed.class::isInstance).map(TenantResult.Failed.class::cast).toList();
    }

    /** The tenants left as they were because they are past the run's target. */
    public List<TenantResult.PastTarget> pastTarget() {
        return tenants.stream().filter(TenantResult.PastTarget.class::isInstance).map(TenantResult.PastTarget.class::cast).toList();
    }

    /** A dry run's tenants grouped by what they would get (see {@link PendingGroup#of}); empty for a real run. */
    public List<PendingGroup> pendingGroups() {
        return PendingGroup.of(tenants);
    }

    /** Whether no tenant failed (each is now where the run's options take it, or past its target). */
    public boolean succeeded() {
        return failed().isEmpty();
    }
}
