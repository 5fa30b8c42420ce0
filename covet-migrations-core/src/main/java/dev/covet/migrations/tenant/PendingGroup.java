package dev.covet.migrations.tenant;

import dev.covet.migrations.ExecutedMigration;
import dev.covet.migrations.MigrationId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tenants of a dry run that would get exactly the same migrations with the same SQL: on a fleet of hundreds most
 * tenants stand at one of a few points, so a dry run is read (and its SQL printed) once per group, not per tenant.
 *
 * @param pending the migrations each of these tenants would get, in order, with their SQL (empty: nothing pending)
 * @param tenants the tenants, in the source's order
 * @param lastApplied how many of them have each migration as their last applied one ({@link FleetStatus#NONE}:
 *        nothing applied), sorted by id; usually one entry
 */
public record PendingGroup(List<ExecutedMigration> pending, List<String> tenants, Map<String, Integer> lastApplied) {

    public PendingGroup {
        pending = List.copyOf(pending);
        tenants = List.copyOf(tenants);
        lastApplied = java.util.Collections.unmodifiableMap(new TreeMap<>(lastApplied));
    }

    /** The ids of the pending migrations. */
    public List<MigrationId> pendingIds() {
        return pending.stream().map(ExecutedMigration::id).toList();
    }

    /**
     * The dry run's tenants grouped by what they would get: nothing pending first, then shorter lists before longer,
     * larger groups before smaller. Results other than {@link TenantResult.Planned} (failed, past the target) are in
     * no group.
     */
    public static List<PendingGroup> of(List<TenantResult> results) {
        // ExecutedMigration is a record: two tenants whose pending lists (ids and SQL) are equal share a key.
        Map<List<ExecutedMigration>, List<TenantResult.Planned>> byPending = new LinkedHashMap<>();
        for (TenantResult r : results) {
            if (r instanceof TenantResult.Planned p) {
                byPending.computeIfAbsent(p.pending(), k -> new ArrayList<>()).add(p);
            }
        }
        List<PendingGroup> groups = new ArrayList<>();
        byPending.forEach((pending, planned) -> {
            Map<String, Integer> at = new TreeMap<>();
            planned.forEach(p -> at.merge(p.lastApplied() == null ? FleetStatus.NONE : p.lastApplied().toString(), 1, Integer::sum));
            groups.add(new PendingGroup(pending, planned.stream().map(TenantResult.Planned::tenant).toList(), at));
        });
        groups.sort(Comparator.comparingInt((PendingGroup g) -> g.pending().size())
                .thenComparing(Comparator.comparingInt((PendingGroup g) -> g.tenants().size()).reversed()));
        return List.copyOf(groups);
    }
}
