package dev.covet.migrations.tenant;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where every tenant stands.
 *
 * @param tenants one status per tenant, in the order the source listed them
 */
public record FleetStatus(List<TenantStatus> tenants) {

    /** The key of {@link #byLastApplied()} for tenants with nothing applied. */
    public static final String NONE = "(none)";

    public FleetStatus {
        tenants = List.copyOf(tenants);
    }

    /** How many tenants have each migration as their last applied one ({@link #NONE}: nothing applied), sorted by id. */
    public Map<String, Integer> byLastApplied() {
        Map<String, Integer> counts = new TreeMap<>();
        for (TenantStatus t : tenants) {
            if (t.error() == null) {
                counts.merge(t.lastApplied() == null ? NONE : t.lastApplied().toString(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Tenants with a failed migration or that could not be read. */
    public List<TenantStatus> failed() {
        return tenants.stream().filter(TenantStatus::isFailed).toList();
    }

    /** Tenants readable and with migrations pending. */
    public List<TenantStatus> behind() {
        return tenants.stream().filter(t -> !t.isFailed() && t.pending() > 0).toList();
    }

    /** How many tenants are up to date. */
    public long upToDate() {
        return tenants.stream().filter(TenantStatus::isUpToDate).count();
    }
}
